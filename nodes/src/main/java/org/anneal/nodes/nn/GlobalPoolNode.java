package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

@NodeType(id = "nn.global-pool", title = "Global pooling", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Reduces each channel of an image or a sequence to one number — its maximum or its mean over all positions — so \
                a 30×30×16 image becomes a vector of 16 whatever the image size. Fewer parameters after it than nn.flatten, \
                and the network no longer cares where in the image a feature was. No parameters of its own.""")
public final class GlobalPoolNode extends LayerBlock<GlobalPoolNode.Params> {

    public record Params(@Param(doc = "max keeps each channel's strongest response, avg its mean", def = "\"avg\"") LayerDef.PoolKind pool)
            implements LayerDef {

        public String kind() {
            return pool == PoolKind.MAX ? "global-max-pool" : "global-avg-pool";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(!in.isFlat(), in, "Global pooling takes an image or a sequence",
                    "Remove it: the input is a vector already.");
            return Shape.flat(in.channels());
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            return new GlobalPoolingLayer.Builder(p.pool() == LayerDef.PoolKind.MAX ? PoolingType.MAX : PoolingType.AVG).build();
        }
    }
}
