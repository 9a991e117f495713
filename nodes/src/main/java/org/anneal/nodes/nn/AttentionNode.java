package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;

@NodeType(id = "nn.attention", title = "Self-attention", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Multi-head self-attention over a sequence, the core of a transformer: every step asks every other step how \
                relevant it is (a query against their keys) and takes the weighted mix of their values, so a spike can draw on \
                a drift far away in one layer, where an LSTM would have to carry it step by step. Each of the `heads` heads \
                projects the input to queries, keys and values of `headSize` numbers; their outputs are joined and projected \
                to `units` numbers per step. Holds 3 · inputs · heads · headSize + heads · headSize · units weights (no \
                biases, as DL4J's SelfAttentionLayer). Keeps the sequence length; follow it with nn.global-pool or nn.lstm \
                (last step) for a classifier. Takes a sequence.""")
public final class AttentionNode extends LayerBlock<AttentionNode.Params> {

    public record Params(
            @Param(doc = "Outputs per step", def = "16", min = 1, max = 10000) int units,
            @Param(doc = "Attention heads (each looks for its own kind of relation)", def = "2", min = 1, max = 64) int heads,
            @Param(doc = "Size of each head's queries, keys and values", def = "8", min = 1, max = 1024) int headSize) implements LayerDef {

        public String kind() {
            return "attention";
        }

        @Override
        public String describe() {
            return "attention " + heads + "×" + headSize;
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (!in.isSequence()) {
                throw ConfigError.atPort(IN, "Self-attention relates the steps of a sequence, but its input is " + in.describe() + ".",
                        in.isImage() ? "Feed it a sequence column ([time, channels]), or use nn.conv2d for images."
                                : "Feed it a sequence column ([time, channels]); for a plain table use nn.dense.");
            }
            return Shape.sequence(in.dim(0), units);
        }

        public long params(Shape in) {
            long projected = (long) heads * headSize;
            return 3L * in.channels() * projected + projected * units; // queries, keys, values; output projection
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            return new SelfAttentionLayer.Builder().nOut(p.units()).nHeads(p.heads()).headSize(p.headSize()).projectInput(true).build();
        }
    }
}
