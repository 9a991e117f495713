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
    /** A physics penalty's P per epoch beside the data loss in lossPerEpoch; null without a penalty. */
    private double[] penaltyPerEpoch;
    private final Map<String, Double> parameters;
    /** MC-dropout: forward passes with dropout on that a prediction averages (0 = one pass, dropout off), and their seed. */
    private final int mcPasses;
    private final long mcSeed;
    /** The passes of the last rows predicted by MC-dropout: predict and predictionStd of the same rows share them. */
    private Table lastRows;
    private double[][][] lastPasses;

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
        this.mcPasses = 0;
        this.mcSeed = 0;
    }

    private NetworkModel(NetworkModel m, int passes, long seed) {
        this.net = m.net;
        this.task = m.task;
        this.target = m.target;
        this.columns = m.columns;
        this.input = m.input;
        this.classes = m.classes;
        this.description = m.description;
        this.lossName = m.lossName;
        this.lossPerEpoch = m.lossPerEpoch;
        this.penaltyPerEpoch = m.penaltyPerEpoch;
        Map<String, Double> p = new LinkedHashMap<>(m.parameters);
        p.put("mc-dropout passes", (double) passes);
        this.parameters = java.util.Collections.unmodifiableMap(p);
        this.mcPasses = passes;
        this.mcSeed = seed;
    }

    /** This model with a physics penalty's curve beside its data loss; called once, before the model leaves the trainer. */
    NetworkModel withPenaltyCurve(double[] penalty) {
        this.penaltyPerEpoch = penalty.clone();
        return this;
    }

    @Override
    public double[] penaltyPerEpoch() {
        return penaltyPerEpoch == null ? null : penaltyPerEpoch.clone();
    }

    /** This network predicting by MC-dropout; it takes over the network, so only the returned model may be used after. */
    NetworkModel withMcDropout(int passes, long seed) {
        return new NetworkModel(this, passes, seed);
    }

    /** The trained network, for explanations in this package; callers lock this model while they use it. */
    MultiLayerNetwork network() {
        return net;
    }

    /** The shape of one sample the network reads. */
    org.anneal.nn.Shape input() {
        return input;
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
        INDArray x = TableArrays.rows(TableArrays.inputs(data, columns, input), input, all, 0, n);
        if (mcPasses == 0) {
            return net.output(x, false).toDoubleMatrix();
        }
        double[][][] passes = passes(data, x);
        double[][] mean = new double[n][passes[0][0].length];
        for (double[][] pass : passes) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < pass[i].length; k++) {
                    mean[i][k] += pass[i][k] / passes.length;
                }
            }
        }
        return mean;
    }

    private double[][][] passes(Table data, INDArray x) {
        if (data != lastRows) {
            lastPasses = NetworkProbe.dropoutPasses(net, x, mcPasses, mcSeed);
            lastRows = data;
        }
        return lastPasses;
    }

    /** MC-dropout's spread of a regression network's prediction over its passes; null without MC-dropout. */
    @Override
    public synchronized double[] predictionStd(Table data) {
        if (mcPasses == 0 || task != Task.REGRESSION) {
            return null;
        }
        int n = data.rowCount();
        if (n == 0) {
            return new double[0];
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        double[][][] passes = passes(data, TableArrays.rows(TableArrays.inputs(data, columns, input), input, all, 0, n));
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (double[][] pass : passes) {
                mean += pass[i][0] / passes.length;
            }
            double var = 0;
            for (double[][] pass : passes) {
                var += (pass[i][0] - mean) * (pass[i][0] - mean);
            }
            sd[i] = passes.length > 1 ? Math.sqrt(var / (passes.length - 1)) : 0;
        }
        return sd;
    }

    /** Every trained weight, in DL4J's order: what "same seed and threads, same network" compares. */
    synchronized float[] weights() {
        return net.params().toFloatVector();
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
