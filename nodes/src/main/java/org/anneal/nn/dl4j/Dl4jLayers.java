package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Anneal's layers as DL4J layer configurations. Each layer says what it becomes ({@link LayerDef#dl4j}); this class
 * only strings them together. Building these objects loads no native code; only
 * {@code MultiLayerConfiguration.Builder.build()} and the network do. Every convolution and pooling layer gets its
 * convolution mode set by its block, because DL4J fills the global default only in {@code build()}.
 */
public final class Dl4jLayers {
    private Dl4jLayers() {
    }

    /**
     * One DL4J layer and the preprocessor in front of it (null: DL4J adds the one it needs itself).
     *
     * @param def the Anneal layer it came from
     */
    public record Translated(LayerDef def, Layer layer, InputPreProcessor preProcessor) {
    }

    /** DL4J's input type for one sample of {@code shape} (images channels-first, sequences [channels, time]). */
    public static InputType inputType(Shape shape) {
        return switch (shape.dims().size()) {
            case 1 -> InputType.feedForward(shape.dim(0));
            case 2 -> InputType.recurrent(shape.dim(1), shape.dim(0));
            default -> InputType.convolutional(shape.dim(0), shape.dim(1), shape.dim(2));
        };
    }

    /**
     * The layers of a network with input {@code input}. A layer that only reshapes (flatten) becomes the preprocessor of
     * the next layer (or of the output head, whose index is {@code result.size()}), returned in {@code pendingFlatten[0]}
     * when it is last.
     */
    public static List<Translated> translate(Shape input, List<LayerDef> defs, InputPreProcessor[] pendingFlatten) {
        List<Translated> out = new ArrayList<>();
        Shape shape = input;
        InputPreProcessor pending = null;
        for (LayerDef def : defs) {
            Object made = def.dl4j(shape);
            if (made instanceof Layer layer) {
                out.add(new Translated(def, layer, pending));
                pending = null;
            } else if (made instanceof InputPreProcessor reshape) {
                pending = reshape;
            } else if (made != null) {
                throw new IllegalStateException(def.kind() + " made " + made.getClass().getName() + ", neither a DL4J layer nor a preprocessor");
            }
            try {
                shape = def.outputShape(shape);
            } catch (org.anneal.spec.ConfigError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        pendingFlatten[0] = pending;
        return out;
    }

    public static org.nd4j.linalg.activations.Activation activation(Activation a) {
        return switch (a) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LEAKY_RELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case SOFTPLUS -> org.nd4j.linalg.activations.Activation.SOFTPLUS;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }

    /** DL4J's convolution mode for a padding choice (set on each layer: DL4J fills its default only in build()). */
    public static ConvolutionMode mode(LayerDef.Padding p) {
        return p == LayerDef.Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }
}
