package org.anneal.nn.dl4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.MaskModel;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.TrainingCurve;
import org.anneal.nn.Shape;
import org.anneal.spec.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained graph network ({@link GraphTrainer}) as an ordinary model; a per-pixel classifier also predicts masks.
 * DL4J's graph is not safe for concurrent use, so predictions take turns on it; it is never changed after training.
 */
final class GraphModel implements MaskModel, TrainingCurve {
    private final ComputationGraph net;
    private final GraphTargets targets;
    private final String target;
    private final List<String> columns;
    private final Shape input;
    private final String description;
    private final String lossName;
    private final double[] lossPerEpoch;
    private final Map<String, Double> parameters;

    GraphModel(ComputationGraph net, GraphTargets targets, String target, List<String> columns, Shape input, String description,
               String lossName, double[] lossPerEpoch, int bestEpoch) {
        this.net = net;
        this.targets = targets;
        this.target = target;
        this.columns = List.copyOf(columns);
        this.input = input;
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

    /** The trained graph, for tests and explanations in this package; callers lock this model while they use it. */
    ComputationGraph graph() {
        return net;
    }

    /** Every trained weight, in DL4J's order: what "same seed and threads, same network" compares. */
    synchronized float[] weights() {
        return net.params().toFloatVector();
    }

    /** The network's output for every row: [rows, outputs], or [rows, classes, height, width] for a per-pixel classifier. */
    synchronized INDArray outputs(Table data) {
        int n = data.rowCount();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        return net.outputSingle(false, TableArrays.rows(TableArrays.inputs(data, columns, input), input, all, 0, n));
    }

    @Override
    public Task task() {
        return targets.task();
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
        return targets.task() == Task.REGRESSION ? List.of() : targets.classes();
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

    @Override
    public double[] predict(Table data) {
        if (data.rowCount() == 0) {
            return new double[0];
        }
        if (targets.task() == Task.SEGMENTATION) {
            float[] masks = masks(data);
            int px = masks.length / data.rowCount();
            double[] share = new double[data.rowCount()];
            int first = targets.maskValues().get(0);
            for (int i = 0; i < masks.length; i++) {
                share[i / px] += masks[i] != first ? 1.0 / px : 0;
            }
            return share;
        }
        double[][] out = outputs(data).toDoubleMatrix();
        if (targets.task() == Task.REGRESSION) {
            double[] p = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                p[i] = out[i][0];
            }
            return p;
        }
        return TrainedModel.classCodes(out);
    }

    @Override
    public double[][] probabilities(Table data) {
        return targets.task() == Task.CLASSIFICATION && data.rowCount() > 0 ? outputs(data).toDoubleMatrix() : null;
    }

    @Override
    public int[] maskSize() {
        return targets.task() == Task.SEGMENTATION ? new int[] {(int) targets.labelDims()[1], (int) targets.labelDims()[2]} : new int[0];
    }

    /** Each pixel's most probable class, as the class number the training masks used. */
    @Override
    public float[] masks(Table data) {
        if (targets.task() != Task.SEGMENTATION) {
            throw new IllegalStateException("a " + targets.task().key() + " network predicts no masks");
        }
        int n = data.rowCount();
        if (n == 0) {
            return new float[0];
        }
        float[] p = outputs(data).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat(); // [n, k, h, w]
        int k = targets.maskValues().size();
        int px = p.length / (n * k);
        float[] out = new float[n * px];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < px; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (p[(r * k + c) * px + i] > p[(r * k + best) * px + i]) {
                        best = c;
                    }
                }
                out[r * px + i] = targets.maskValues().get(best);
            }
        }
        return out;
    }
}
