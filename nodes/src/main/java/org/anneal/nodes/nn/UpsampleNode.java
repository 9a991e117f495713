package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.Upsampling1D;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;

@NodeType(id = "nn.upsample", title = "Upsampling", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Enlarges an image (or a sequence) by repeating every pixel (step) `size` times along each axis: the decoder's \
                counterpart of nn.pool, in a convolutional autoencoder or a U-Net. A 15×15×8 image becomes 30×30×8 with size \
                2. No parameters; follow it with nn.conv2d to smooth the blocks.""")
public final class UpsampleNode extends LayerBlock<UpsampleNode.Params> {

    public record Params(@Param(doc = "Repeats of each pixel or step along each axis", def = "2", min = 1, max = 64) int size)
            implements LayerDef {

        public String kind() {
            return "upsample";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(!in.isFlat(), in, "Upsampling takes an image or a sequence",
                    "Upsample before nn.flatten, not after it.");
            return in.isSequence() ? Shape.sequence(in.dim(0) * size, in.channels())
                    : Shape.image(in.dim(0) * size, in.dim(1) * size, in.channels());
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this, in);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p, Shape in) {
            return in.isSequence() ? new Upsampling1D.Builder(p.size()).build() : new Upsampling2D.Builder(p.size()).build();
        }
    }
}
