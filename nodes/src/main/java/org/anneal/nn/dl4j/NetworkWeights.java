package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The learnt weights of one layer of a trained network, one row per output unit (neuron or filter), for the explain
 * views: a dense layer's W is [inputs, units] in DL4J, so unit j reads column j; a convolution's W is
 * [filters, channels, kernel height, kernel width] (a 1-d convolution's [filters, channels, kernel, 1]), so filter f is
 * turned into Anneal's channels-last layout [height, width, channel] ([kernel, channel]). Layers without weights
 * (pooling, dropout, flatten) are skipped when counting.
 */
public final class NetworkWeights {
    private NetworkWeights() {
    }

    /**
     * One layer's weights.
     *
     * @param kind      DL4J's layer kind in Anneal's words (dense, conv2d, conv1d, lstm, output)
     * @param layer     1-based index among the layers with weights
     * @param layers    how many layers have weights (the output head included)
     * @param unitShape the shape of one unit's weights: [inputs] for a dense layer, [height, width, channel] for a 2-d filter,
     *                  [kernel, channel] for a 1-d filter
     * @param perUnit   per unit, its weights in that shape (last axis fastest)
     */
    public record Weights(String kind, int layer, int layers, int[] unitShape, float[][] perUnit) {
    }

    /** Whether {@code model} is a network trained here. */
    public static boolean available(TrainedModel model) {
        return model instanceof NetworkModel;
    }

    /** The weights of the {@code layer}-th layer with weights (1 = the first). */
    public static Weights of(TrainedModel model, int layer, ExecContext ctx) {
        if (!(model instanceof NetworkModel nm)) {
            throw new NodeFailure("Weights can be shown only for a neural network (model.network); this model is " + model.describe() + ".",
                    "Wire the model of a Fit node whose learner comes from model.network, or use explain.coefficients.");
        }
        return Dl4jRuntime.exclusive(ctx, () -> {
            synchronized (nm) {
                return read(nm.network(), layer);
            }
        });
    }

    static Weights read(MultiLayerNetwork net, int wanted) {
        List<Integer> withWeights = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).paramTable().containsKey("W")) {
                withWeights.add(i);
            }
        }
        if (wanted < 1 || wanted > withWeights.size()) {
            throw new NodeFailure("The network has " + withWeights.size() + " layers with weights (the output head included), so it has no layer "
                    + wanted + " (parameter 'layer').", "Choose 'layer' between 1 and " + withWeights.size() + ".");
        }
        int index = withWeights.get(wanted - 1);
        Layer l = net.getLayer(index);
        INDArray w = l.paramTable().get("W").castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        String kind = kind(l, index == net.getnLayers() - 1);
        long[] s = w.shape();
        if (s.length == 4) {
            int filters = (int) s[0];
            int channels = (int) s[1];
            int kh = (int) s[2];
            int kw = (int) s[3];
            boolean oneD = kind.equals("conv1d");
            float[][] out = new float[filters][kh * kw * channels];
            for (int f = 0; f < filters; f++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        for (int c = 0; c < channels; c++) {
                            out[f][(y * kw + x) * channels + c] = w.getFloat(f, c, y, x);
                        }
                    }
                }
            }
            return new Weights(kind, wanted, withWeights.size(), oneD ? new int[] {kh * kw, channels} : new int[] {kh, kw, channels}, out);
        }
        float[][] m = w.reshape(s[0], -1).toFloatMatrix(); // [inputs, units]
        int inputs = m.length;
        int units = m[0].length;
        float[][] out = new float[units][inputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < units; j++) {
                out[j][i] = m[i][j];
            }
        }
        return new Weights(kind, wanted, withWeights.size(), new int[] {inputs}, out);
    }

    private static String kind(Layer l, boolean head) {
        Layer inner = l instanceof org.deeplearning4j.nn.layers.FrozenLayer f ? f.getInsideLayer() : l;
        if (head) {
            return "output";
        }
        return switch (inner.getClass().getSimpleName()) {
            case "ConvolutionLayer" -> "conv2d";
            case "Convolution1DLayer" -> "conv1d";
            case "LSTM" -> "lstm";
            default -> "dense";
        };
    }
}
