package org.anneal.nodes.nn;

import java.util.List;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

@NodeType(id = "nn.pool", title = "Pooling", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Shrinks an image (or a sequence) by keeping the largest (`max`) or the mean (`avg`) value of each window, \
                channel by channel: a [2, 2] window with stride [2, 2] halves height and width, so later layers see a wider \
                area and hold fewer parameters. No parameters of its own. A window larger than its input is an error on \
                `size`. For a sequence give one number ([2]).""")
public final class PoolNode extends LayerBlock<PoolNode.Params> {

    public record Params(
            @Param(doc = "max keeps the strongest response, avg the mean", def = "\"max\"") LayerDef.PoolKind pool,
            @Param(doc = "Window [height, width] ([2] for 2×2, or 2 steps of a sequence)", def = "[2, 2]", min = 1, max = 1024)
            List<Integer> size,
            @Param(doc = "Step between windows [down, across]", def = "[2, 2]", min = 1, max = 1024) List<Integer> stride)
            implements LayerDef {

        public Params {
            size = List.copyOf(size);
            stride = List.copyOf(stride);
        }

        public String kind() {
            return pool == PoolKind.MAX ? "max-pool" : "avg-pool";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(!in.isFlat(), in, "Pooling takes an image or a sequence",
                    "Pool before nn.flatten, not after it.");
            if (in.isSequence()) {
                return Shape.sequence(LayerDef.slide(in.dim(0), LayerDef.checkSingle(size, "size"), LayerDef.checkSingle(stride, "stride"),
                        Padding.VALID, "size", "time steps"), in.channels());
            }
            int[] k = LayerDef.checkPair(size, "size");
            int[] s = LayerDef.checkPair(stride, "stride");
            return Shape.image(LayerDef.slide(in.dim(0), k[0], s[0], Padding.VALID, "size", "pixels high"),
                    LayerDef.slide(in.dim(1), k[1], s[1], Padding.VALID, "size", "pixels wide"), in.channels());
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this, in);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p, Shape in) {
            SubsamplingLayer.PoolingType type = p.pool() == LayerDef.PoolKind.MAX ? SubsamplingLayer.PoolingType.MAX
                    : SubsamplingLayer.PoolingType.AVG;
            return in.isSequence()
                    ? new Subsampling1DLayer.Builder(type, p.size().get(0), p.stride().get(0)).convolutionMode(ConvolutionMode.Truncate).build()
                    : new SubsamplingLayer.Builder(type, LayerDef.pair(p.size()), LayerDef.pair(p.stride()))
                    .convolutionMode(ConvolutionMode.Truncate).build();
        }
    }
}
