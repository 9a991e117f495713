package org.anneal.nodes.nn;

import java.util.List;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.nn.dl4j.Dl4jLayers;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

@NodeType(id = "nn.conv2d", title = "2D convolution", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Slides `filters` small learnt kernels over an image; each gives one output channel that lights up where its \
                pattern (an edge, a grain boundary, a dark particle) appears, wherever in the image that is. A 3×3 kernel on \
                an 8-channel input holds 3·3·8 weights and a bias per filter. With padding `valid` the image shrinks by kernel \
                − 1 (a 32×32 image gives 30×30 after a [3, 3] kernel); `same` keeps its size (divided by the stride). A \
                kernel larger than the image is an error on `kernel`. Takes an image ([height, width, channels]); use \
                nn.conv1d for sequences.""")
public final class Conv2dNode extends LayerBlock<Conv2dNode.Params> {

    public record Params(
            @Param(doc = "Kernels, so output channels", def = "8", min = 1, max = 4096) int filters,
            @Param(doc = "Kernel [height, width] in pixels ([3] for 3×3)", def = "[3, 3]", min = 1, max = 1024) List<Integer> kernel,
            @Param(doc = "Step between kernel positions [down, across] ([1] for 1×1)", def = "[1, 1]", min = 1, max = 1024)
            List<Integer> stride,
            @Param(doc = "valid: no padding, the image shrinks; same: zero padding, the size stays (÷ stride)", def = "\"valid\"")
            LayerDef.Padding padding,
            @Param(doc = "Non-linearity applied to each output", def = "\"relu\"") Activation activation) implements LayerDef {

        public Params {
            kernel = List.copyOf(kernel);
            stride = List.copyOf(stride);
        }

        public String kind() {
            return "conv2d";
        }

        @Override
        public String describe() {
            return "conv2d " + filters;
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(in.isImage(), in, "A 2D convolution slides over an image",
                    in.isSequence() ? "Use nn.conv1d for sequences." : "Feed it an image column ([height, width, channels]).");
            int[] k = LayerDef.checkPair(kernel, "kernel");
            int[] s = LayerDef.checkPair(stride, "stride");
            return Shape.image(LayerDef.slide(in.dim(0), k[0], s[0], padding, "kernel", "pixels high"),
                    LayerDef.slide(in.dim(1), k[1], s[1], padding, "kernel", "pixels wide"), filters);
        }

        public long params(Shape in) {
            int[] k = LayerDef.pair(kernel);
            return (long) k[0] * k[1] * in.channels() * filters + filters;
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            return new ConvolutionLayer.Builder(LayerDef.pair(p.kernel())).stride(LayerDef.pair(p.stride())).padding(0, 0)
                    .nOut(p.filters()).activation(Dl4jLayers.activation(p.activation())).convolutionMode(Dl4jLayers.mode(p.padding()))
                    .build();
        }
    }
}
