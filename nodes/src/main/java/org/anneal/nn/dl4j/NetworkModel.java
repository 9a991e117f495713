package org.anneal.nn.dl4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.TrainingCurve;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained DL4J network as an ordinary model. DL4J's network is not safe for concurrent use, so predictions take
 * turns on it; it is never changed after training.
 */
final class NetworkModel implements TrainedModel, TrainingCurve {
    private final MultiLayerNetwork net;
    private final Task task;
    private final String target;
    private final List<String> columns;
    private final org.anneal.nn.Shape input;
    private final List<String> classes;
    private final String description;
    private final String lossName;
    private final double[] lossPerEpoch;
    private final Map<String, Double> parameters;

    NetworkModel(MultiLayerNetwork net, Task task, String target, List<String> columns, org.anneal.nn.Shape input, List<String> classes,
                 String description,
                 String lossName, double[] lossPerEpoch, int bestEpoch) {
        this.net = net;
        this.task = task;
        this.target = target;
        this.columns = List.copyOf(columns);
        this.input = input;
        this.classes = List.copyOf(classes);
        this.description = description;
        this.lossName = lossName;
        this.lossPerEpoch = lossPerEpoch.clone();
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("parameters", (double) net.numParams());
        p.put("epochs trained", (double) (lossPerEpoch.length - 1));
        p.put("kept epoch", (double) bestEpoch);
        p.put("native threads", (double) Dl4jRuntime.threads());
        this.parameters = Map.copyOf(p);
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public List<String> features() {
        return columns;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public String lossName() {
        return lossName;
    }

    @Override
    public double[] lossPerEpoch() {
        return lossPerEpoch.clone();
    }

    @Override
    public Map<String, Double> parameters() {
        return parameters;
    }

    private synchronized double[][] outputs(Table data) {
        int n = data.rowCount();
        if (n == 0) {
            return new double[0][];
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        INDArray out = net.output(TableArrays.rows(TableArrays.inputs(data, columns, input), input, all, 0, n), false);
        return out.toDoubleMatrix();
    }

    @Override
    public double[] predict(Table data) {
        double[][] out = outputs(data);
        double[] p = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            if (task == Task.REGRESSION) {
                p[i] = out[i][0];
            } else {
                int best = 0;
                for (int c = 1; c < out[i].length; c++) {
                    if (out[i][c] > out[i][best]) {
                        best = c;
                    }
                }
                p[i] = best;
            }
        }
        return p;
    }

    @Override
    public double[][] probabilities(Table data) {
        return task == Task.CLASSIFICATION ? outputs(data) : null;
    }
}
