package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

@NodeType(id = "nn.dropout", title = "Dropout", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                During training, sets each input to zero with probability `drop` (and scales the rest up to keep their sum), a \
                different random set every minibatch, so no neuron can rely on one other: a regulariser against overfitting. \
                At prediction it passes everything. No parameters. (DL4J's own setting is the probability to *keep*; Anneal \
                speaks drop probability, as Keras and PyTorch do.)""")
public final class DropoutNode extends LayerBlock<DropoutNode.Params> {

    public record Params(@Param(doc = "Probability of dropping each input during training", def = "0.2", min = 0, max = 0.95) double drop)
            implements LayerDef {

        public String kind() {
            return "dropout";
        }

        public Shape outputShape(Shape in) {
            return in;
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            return new DropoutLayer.Builder(1.0 - p.drop()).build(); // DL4J takes the probability to *keep*
        }
    }
}
