package org.anneal.nodes.nn;

import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;

@NodeType(id = "nn.batch-norm", title = "Batch normalisation", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Rescales each feature (each channel of an image) to mean 0 and variance 1 over the minibatch, then applies a \
                learnt scale and shift; at prediction it uses the running mean and variance gathered in training. Often lets a \
                deeper network train faster at a higher learning rate. Holds 4 parameters per feature: scale, shift, running \
                mean and running variance.""")
public final class BatchNormNode extends LayerBlock<BatchNormNode.Params> {

    public record Params() implements LayerDef {
        public String kind() {
            return "batch-norm";
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(!in.isSequence(), in, "Batch normalisation takes a vector or an image",
                    "Normalise after nn.lstm (last step) or nn.global-pool instead.");
            return in;
        }

        public long params(Shape in) {
            return 4L * in.channels(); // gamma, beta, running mean and running variance, as DL4J and Keras count them
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer();
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer() {
            return new BatchNormalization.Builder().build();
        }
    }
}
