package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;

@NodeType(id = "nn.lstm", title = "LSTM", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                A long short-term memory layer reads a sequence (a process-signal window [time, channels]) step by step, \
                keeping a memory of `units` numbers that gates decide to update, keep or forget — so it can relate a spike now \
                to a drift many steps earlier. `steps` last gives the memory after the last step (a vector, for a classifier \
                or regression head); every gives it at each step (a sequence, to stack another LSTM or nn.conv1d). Holds 4 · \
                units · (inputs + units + 1) parameters. Refuses an image or a plain vector.""")
public final class LstmNode extends LayerBlock<LstmNode.Params> {

    /** Which steps the layer outputs. */
    public enum Steps {
        /** The memory after the last step: a vector. */
        LAST,
        /** The memory at every step: a sequence as long as the input. */
        EVERY
    }

    public record Params(
            @Param(doc = "Memory size (outputs per step)", def = "32", min = 1, max = 10000) int units,
            @Param(doc = "last: one vector after the last step; every: a sequence of every step", def = "\"last\"") Steps steps)
            implements LayerDef {

        public String kind() {
            return "lstm";
        }

        @Override
        public String describe() {
            return "lstm " + units;
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (!in.isSequence()) {
                throw ConfigError.atPort(IN, "An LSTM reads a sequence step by step, but its input is " + in.describe() + ".",
                        in.isImage() ? "Use convolutions (nn.conv2d) for images, or feed the LSTM a signal column ([time, channels])."
                                : "Feed it a sequence column ([time, channels]); for a plain table use nn.dense.");
            }
            return steps == Steps.EVERY ? Shape.sequence(in.dim(0), units) : Shape.flat(units);
        }

        public long params(Shape in) {
            // input weights, recurrent weights and biases of the four gates
            return 4L * units * (in.channels() + units) + 4L * units;
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            LSTM lstm = new LSTM.Builder().nOut(p.units()).activation(org.nd4j.linalg.activations.Activation.TANH).build();
            return p.steps() == Steps.EVERY ? lstm : new LastTimeStep(lstm);
        }
    }
}
