package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling1D;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;

/**
 * Anneal's layer records as DL4J layer configurations. Building these objects loads no native code; only
 * {@code MultiLayerConfiguration.Builder.build()} and the network do. Every convolution and pooling layer gets its
 * convolution mode set here, because DL4J fills the global default only in {@code build()}.
 */
public final class Dl4jLayers {
    private Dl4jLayers() {
    }

    /**
     * One DL4J layer and the preprocessor in front of it (null: DL4J adds the one it needs itself).
     */
    public record Translated(Layer layer, InputPreProcessor preProcessor) {
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
     * The layers of a network with input {@code input}. A flatten becomes the preprocessor of the next layer (or of
     * the output head, whose index is {@code result.size()}), returned in {@code pendingFlatten[0]} when it is last.
     */
    public static List<Translated> translate(Shape input, List<LayerDef> defs, InputPreProcessor[] pendingFlatten) {
        List<Translated> out = new ArrayList<>();
        Shape shape = input;
        InputPreProcessor pending = null;
        for (LayerDef def : defs) {
            if (def instanceof LayerDef.Flatten) {
                if (shape.isImage()) {
                    pending = new CnnToFeedForwardPreProcessor(shape.dim(0), shape.dim(1), shape.dim(2));
                }
            } else {
                out.add(new Translated(layer(def, shape), pending));
                pending = null;
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

    /** One layer record as a DL4J layer for input {@code in}; flatten has none (see {@link #translate}). */
    public static Layer layer(LayerDef def, Shape in) {
        if (def instanceof LayerDef.Dense d) {
            return new DenseLayer.Builder().nOut(d.units()).activation(activation(d.activation())).build();
        }
        if (def instanceof LayerDef.Dropout d) {
            return new DropoutLayer.Builder(1.0 - d.drop()).build(); // DL4J takes the probability to *keep*
        }
        if (def instanceof LayerDef.BatchNorm) {
            return new BatchNormalization.Builder().build();
        }
        if (def instanceof LayerDef.Conv1d c) {
            return new Convolution1DLayer.Builder().kernelSize(c.kernel()).stride(c.stride()).padding(0).nOut(c.filters())
                    .activation(activation(c.activation())).convolutionMode(mode(c.padding())).build();
        }
        if (def instanceof LayerDef.Conv2d c) {
            return new ConvolutionLayer.Builder(c.kernel(), c.kernel()).stride(c.stride(), c.stride()).padding(0, 0).nOut(c.filters())
                    .activation(activation(c.activation())).convolutionMode(mode(c.padding())).build();
        }
        if (def instanceof LayerDef.Pool p) {
            SubsamplingLayer.PoolingType type = p.pool() == LayerDef.PoolKind.MAX ? SubsamplingLayer.PoolingType.MAX
                    : SubsamplingLayer.PoolingType.AVG;
            return in.isSequence()
                    ? new Subsampling1DLayer.Builder(type, p.size(), p.stride()).convolutionMode(ConvolutionMode.Truncate).build()
                    : new SubsamplingLayer.Builder(type, new int[] {p.size(), p.size()}, new int[] {p.stride(), p.stride()})
                    .convolutionMode(ConvolutionMode.Truncate).build();
        }
        if (def instanceof LayerDef.GlobalPool g) {
            return new GlobalPoolingLayer.Builder(pooling(g.pool())).build();
        }
        if (def instanceof LayerDef.Lstm l) {
            LSTM lstm = new LSTM.Builder().nOut(l.units()).activation(org.nd4j.linalg.activations.Activation.TANH).build();
            return l.everyStep() ? lstm : new LastTimeStep(lstm);
        }
        if (def instanceof LayerDef.Upsample u) {
            return in.isSequence() ? new Upsampling1D.Builder(u.size()).build() : new Upsampling2D.Builder(u.size()).build();
        }
        throw new IllegalArgumentException("no DL4J layer for " + def);
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

    private static ConvolutionMode mode(LayerDef.Padding p) {
        return p == LayerDef.Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static PoolingType pooling(LayerDef.PoolKind k) {
        return k == LayerDef.PoolKind.MAX ? PoolingType.MAX : PoolingType.AVG;
    }
}
