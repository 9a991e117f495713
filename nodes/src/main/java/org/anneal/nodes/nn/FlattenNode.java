package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;

@NodeType(id = "nn.flatten", title = "Flatten", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Lays an image out as one long vector (height × width × channels numbers), so nn.dense can follow the \
                convolutions. Keeps where each feature was, unlike nn.global-pool, at the price of many weights in the next \
                dense layer (a 13×13×8 image gives 1,352 inputs). No parameters. Refuses a sequence: summarise it with nn.lstm \
                (last step) or nn.global-pool.""")
public final class FlattenNode extends LayerBlock<FlattenNode.Params> {

    public record Params() implements LayerDef {
        public String kind() {
            return "flatten";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            if (in.isSequence()) {
                throw ConfigError.atPort(IN, "Flattening a sequence mixes its time steps into one vector, which DL4J does not support.",
                        "Summarise the sequence with nn.lstm (last step) or nn.global-pool instead.");
            }
            return Shape.flat((int) in.size());
        }

        /** A reshape in front of the next layer (DL4J keeps images channels first); nothing for a vector. */
        public Object dl4j(Shape in) {
            return in.isImage() ? Dl4j.preProcessor(in) : null;
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static InputPreProcessor preProcessor(Shape in) {
            return new CnnToFeedForwardPreProcessor(in.dim(0), in.dim(1), in.dim(2));
        }
    }
}
