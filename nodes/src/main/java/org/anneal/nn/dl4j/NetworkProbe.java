package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.Shape;
import org.anneal.spec.ExecContext;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.DropoutLayer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Looks inside a trained network for the explain blocks and for MC-dropout: the output of every layer for some rows,
 * the Grad-CAM map of a convolution, and predictions with dropout left on. The one place those views touch DL4J.
 * Layers are addressed by their position among the network's DL4J layers (a flatten block makes none; the output head
 * is the last); a graph network would address them by vertex name here instead.
 */
public final class NetworkProbe {
    private NetworkProbe() {
    }

    /** Whether {@code model} is a network trained here. */
    public static boolean available(TrainedModel model) {
        return model instanceof NetworkModel;
    }

    /**
     * One layer's output for each explained row.
     *
     * @param shape  one row's output in the table layout: [units], [time, channels] or [height, width, channels]
     * @param perRow per row, the values in that layout (last axis fastest)
     */
    public record LayerOutput(List<Integer> shape, float[][] perRow) {
    }

    /**
     * A Grad-CAM map per row at the convolution's own resolution.
     *
     * @param dims   [height, width] of a 2-d convolution's output, [time] of a 1-d one
     * @param perRow per row, the map (row-major), non-negative
     */
    public record Cam(int[] dims, float[][] perRow) {
    }

    /** The output of every layer (the head's is what the model predicts: probabilities or the value) for {@code rows}. */
    public static List<LayerOutput> activations(TrainedModel model, Table rows, ExecContext ctx) {
        NetworkModel nm = network(model);
        return Dl4jRuntime.exclusive(ctx, () -> {
            synchronized (nm) {
                List<LayerOutput> out = new ArrayList<>();
                for (INDArray a : forward(nm.network(), inputs(nm, rows), null)) {
                    Shape s = tableShape(a);
                    out.add(new LayerOutput(s.dims(), NetworkInputs.tableLayout(a, s)));
                }
                return out;
            }
        });
    }

    /**
     * Grad-CAM (Selvaraju et al., 2017) at the convolution that is DL4J layer {@code layer}: the gradient of the score of
     * output {@code unit[r]} (before softmax) with respect to that layer's output, averaged over the positions into one
     * weight per channel, then the ReLU of the channels' weighted sum.
     */
    public static Cam gradCam(TrainedModel model, Table rows, int layer, int[] unit, ExecContext ctx) {
        NetworkModel nm = network(model);
        return Dl4jRuntime.exclusive(ctx, () -> {
            synchronized (nm) {
                MultiLayerNetwork net = nm.network();
                if (layer < 0 || layer >= net.getnLayers() - 1 || !(unwrap(net.getLayer(layer)) instanceof ConvolutionLayer)) {
                    throw new IllegalStateException("configure chose layer " + layer + ", which is no convolution in " + net.getnLayers() + " layers");
                }
                INDArray[] ag = InputGradients.towards(net, inputs(nm, rows), unit, layer, true);
                return cam(ag[0], ag[1]);
            }
        });
    }

    /** The map from a layer's output {@code a} and the score's gradient {@code g} there ([n, c, h, w] or [n, c, t]). */
    static Cam cam(INDArray a, INDArray g) {
        int n = (int) a.size(0);
        int channels = (int) a.size(1);
        int[] dims = a.rank() == 4 ? new int[] {(int) a.size(2), (int) a.size(3)} : new int[] {(int) a.size(2)};
        int positions = a.rank() == 4 ? dims[0] * dims[1] : dims[0];
        float[] av = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] gv = g.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[][] maps = new float[n][positions];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < channels; c++) {
                int base = (r * channels + c) * positions;
                double alpha = 0;
                for (int i = 0; i < positions; i++) {
                    alpha += gv[base + i];
                }
                alpha /= positions;
                for (int i = 0; i < positions; i++) {
                    maps[r][i] += (float) (alpha * av[base + i]);
                }
            }
            for (int i = 0; i < positions; i++) {
                maps[r][i] = Math.max(0f, maps[r][i]);
            }
        }
        return new Cam(dims, maps);
    }

    /** {@code model} (a network trained here) predicting by MC-dropout over {@code passes} passes with masks from {@code seed}. */
    public static TrainedModel withMcDropout(TrainedModel model, int passes, long seed) {
        return network(model).withMcDropout(passes, seed);
    }

    /**
     * MC-dropout (Gal and Ghahramani, 2016): {@code passes} forward passes with every dropout layer dropping as in
     * training, everything else as at prediction (batch normalisation keeps its running statistics). Returns per pass
     * the outputs [rows][outputs]. The masks come from a Java generator seeded with {@code seed}, so a prediction is the
     * same in every run and for every native thread count.
     */
    static double[][][] dropoutPasses(MultiLayerNetwork net, INDArray x, int passes, long seed) {
        double[][][] out = new double[passes][][];
        for (int t = 0; t < passes; t++) {
            List<INDArray> all = forward(net, x, new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (t + 1)));
            out[t] = all.get(all.size() - 1).toDoubleMatrix();
        }
        return out;
    }

    /**
     * Each layer's output, in DL4J's layout, layer by layer as {@code output(x, false)} computes it; with {@code drop}
     * the dropout layers drop (inverted dropout: kept values are divided by the keep probability, as DL4J trains).
     */
    static List<INDArray> forward(MultiLayerNetwork net, INDArray x, SplittableRandom drop) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int n = (int) x.size(0);
        List<INDArray> out = new ArrayList<>();
        INDArray a = x;
        for (int i = 0; i < net.getnLayers(); i++) {
            a = InputGradients.preProcess(conf.getInputPreProcess(i), a, n, mgr);
            Layer layer = net.getLayer(i);
            if (drop != null && layer instanceof DropoutLayer) {
                a = dropped(a, keep(layer), drop);
            } else {
                a = layer.activate(a, false, mgr).dup();
            }
            out.add(a);
        }
        return out;
    }

    /** The head's score before its activation, from the output {@code a} of layer {@code from} (for gradient checks). */
    static INDArray scoresFrom(MultiLayerNetwork net, INDArray a, int from) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int n = (int) a.size(0);
        int last = net.getnLayers() - 1;
        for (int i = from + 1; i < last; i++) {
            a = InputGradients.preProcess(conf.getInputPreProcess(i), a, n, mgr);
            a = net.getLayer(i).activate(a, false, mgr);
        }
        a = InputGradients.preProcess(conf.getInputPreProcess(last), a, n, mgr);
        Layer head = net.getLayer(last);
        return a.mmul(head.getParam("W")).addiRowVector(head.getParam("b"));
    }

    private static double keep(Layer dropout) {
        var d = dropout.conf().getLayer().getIDropout();
        return d instanceof org.deeplearning4j.nn.conf.dropout.Dropout plain ? plain.getP() : 1.0;
    }

    private static INDArray dropped(INDArray a, double keep, SplittableRandom random) {
        float[] v = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() < keep ? (float) (v[i] / keep) : 0f;
        }
        return Nd4j.create(v, a.shape(), 'c').castTo(a.dataType());
    }

    private static Layer unwrap(Layer l) {
        return l instanceof FrozenLayer f ? f.getInsideLayer() : l;
    }

    private static NetworkModel network(TrainedModel model) {
        return ChainOnly.require(model, "This view", "");
    }

    private static INDArray inputs(NetworkModel nm, Table rows) {
        return NetworkInputs.all(TableArrays.inputs(rows, nm.features(), nm.input()), nm.input());
    }

    /** The table-layout shape of one row of a DL4J array ([n, k], [n, c, t] or [n, c, h, w]). */
    private static Shape tableShape(INDArray a) {
        return switch (a.rank()) {
            case 2 -> Shape.flat((int) a.size(1));
            case 3 -> Shape.sequence((int) a.size(2), (int) a.size(1));
            default -> Shape.image((int) a.size(2), (int) a.size(3), (int) a.size(1));
        };
    }
}
