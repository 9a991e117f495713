package org.anneal.nn.dl4j;

import org.anneal.ml.TrainedModel;
import org.anneal.spec.NodeFailure;

/**
 * The refusal of the blocks that look inside a network (saliency, Grad-CAM, activations, filters) when the model is not
 * a chain network: they follow the layers of a DL4J MultiLayerNetwork, and a network with nn.merge is a graph, which
 * they do not follow yet. Said as that, not as "this is not a network".
 */
final class ChainOnly {
    private ChainOnly() {
    }

    static NetworkModel require(TrainedModel model, String what, String alternative) {
        if (model instanceof NetworkModel nm) {
            return nm;
        }
        if (model instanceof GraphModel) {
            throw new NodeFailure(what + " follows chain networks; this one has an nn.merge (a graph of layers), which it does not "
                    + "follow yet.", "Explain a version of the network without nn.merge, or use explain.permutation-importance.");
        }
        throw new NodeFailure(what + " needs a neural network (model.network); this model is " + model.describe() + ".",
                "Wire the model of a Fit node whose learner comes from model.network" + (alternative.isEmpty() ? "." : ", or " + alternative + "."));
    }
}
