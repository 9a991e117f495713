package org.anneal.nodes.nn;

import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.nn.dl4j.Dl4jLayers;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

@NodeType(id = "nn.conv1d", title = "1D convolution", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Slides `filters` learnt kernels along the time (or energy) axis of a sequence — a signal window [time, \
                channels] or a spectrum — so each output channel responds to one local shape (a peak, a step, a ripple) \
                wherever it occurs. Holds kernel · input channels weights and a bias per filter. With padding `valid` the \
                sequence shrinks by kernel − 1; `same` keeps its length (divided by the stride). Takes a sequence; use \
                nn.conv2d for images.""")
public final class Conv1dNode extends LayerBlock<Conv1dNode.Params> {

    public record Params(
            @Param(doc = "Kernels, so output channels", def = "8", min = 1, max = 4096) int filters,
            @Param(doc = "Kernel length in steps", def = "5", min = 1, max = 100000) int kernel,
            @Param(doc = "Steps between kernel positions", def = "1", min = 1, max = 100000) int stride,
            @Param(doc = "valid: no padding, the sequence shrinks; same: zero padding, the length stays (÷ stride)", def = "\"valid\"")
            LayerDef.Padding padding,
            @Param(doc = "Non-linearity applied to each output", def = "\"relu\"") Activation activation) implements LayerDef {

        public String kind() {
            return "conv1d";
        }

        @Override
        public String describe() {
            return "conv1d " + filters;
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(in.isSequence(), in, "A 1D convolution slides along a sequence",
                    in.isImage() ? "Use nn.conv2d for images." : "Feed it a sequence column ([time, channels]).");
            return Shape.sequence(LayerDef.slide(in.dim(0), kernel, stride, padding, "kernel", "time steps"), filters);
        }

        public long params(Shape in) {
            return (long) kernel * in.channels() * filters + filters;
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            return new Convolution1DLayer.Builder().kernelSize(p.kernel()).stride(p.stride()).padding(0).nOut(p.filters())
                    .activation(Dl4jLayers.activation(p.activation())).convolutionMode(Dl4jLayers.mode(p.padding())).build();
        }
    }
}
