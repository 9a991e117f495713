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
 * Its components answer the model's questions ({@code target()}, {@code features()}, {@code describe()}, …).
 */
record GraphModel(ComputationGraph graph, GraphTargets targets, String target, List<String> features, Shape input, String describe,
                  String lossName, double[] curve, Map<String, Double> parameters) implements MaskModel, TrainingCurve {

    /**
     * @param description what trained, for {@link #describe}
     * @param lossPerEpoch the training loss before the first epoch and after each
     * @param bestEpoch    the epoch whose weights the graph holds
     */
    static GraphModel of(ComputationGraph net, GraphTargets targets, String target, List<String> columns, Shape input, String description,
                         String lossName, double[] lossPerEpoch, int bestEpoch) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("parameters", (double) net.numParams());
        p.put("epochs trained", (double) (lossPerEpoch.length - 1));
        p.put("kept epoch", (double) bestEpoch);
        p.put("native threads", (double) Dl4jRuntime.threads());
        return new GraphModel(net, targets, target, List.copyOf(columns), input, description, lossName, lossPerEpoch.clone(), Map.copyOf(p));
    }

    /** Every trained weight, in DL4J's order: what "same seed and threads, same network" compares. */
    synchronized float[] weights() {
        return graph.params().toFloatVector();
    }

    /** The network's output for every row: [rows, outputs], or [rows, classes, height, width] for a per-pixel classifier. */
    synchronized INDArray outputs(Table data) {
        int n = data.rowCount();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        return graph.outputSingle(false, TableArrays.rows(TableArrays.inputs(data, features, input), input, all, 0, n));
    }

    @Override
    public Task task() {
        return targets.task();
    }

    @Override
    public List<String> classes() {
        return targets.task() == Task.REGRESSION ? List.of() : targets.classes();
    }

    @Override
    public double[] lossPerEpoch() {
        return curve.clone();
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
