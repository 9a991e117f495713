package org.anneal.nodes.explain;

import java.util.List;
import java.util.stream.Collectors;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.NetworkSpec;

/**
 * The layers of the network on a MODEL wire as configure sees them, named by the blocks that added them: what the
 * explain blocks that look inside a network (grad-cam, activations) check their {@code layer} parameter against. A
 * layer's position among DL4J's layers is its position here with the flatten blocks left out (they become a reshape in
 * front of the next layer, not a layer); the output head comes after all of them.
 */
final class NetworkLayers {
    private NetworkLayers() {
    }

    /** The network behind {@code model}, or a located error on {@code port} when the wire carries none that configure can see. */
    static NetworkSpec of(ModelSpec model, String port) throws ConfigError {
        if (model.network() != null) {
            return model.network();
        }
        if (!model.gradientTrained()) {
            throw ConfigError.atPort(port, "This view looks inside a neural network; this model is not one.",
                    "Wire the model of a Fit node whose learner comes from model.network.");
        }
        throw ConfigError.atPort(port, "This model's layers are not known here (a network behind an ensemble or a tuning node).",
                "Wire the model of a train.fit whose learner comes straight from model.network.");
    }

    /** Whether a layer of this kind becomes a DL4J layer of its own (a flatten only reshapes the next layer's input). */
    static boolean isDl4jLayer(NetworkSpec.Layer layer) {
        return !layer.kind().equals("flatten");
    }

    static boolean isConvolution(NetworkSpec.Layer layer) {
        return layer.kind().equals("conv2d") || layer.kind().equals("conv1d");
    }

    /**
     * The position among DL4J's layers of the last layer block {@code node} added (a pretrained block adds several), or a
     * located error on {@code param} when no block of that id is in this network or when it is no convolution.
     *
     * @param node the block id; empty = the last convolution of the network
     */
    static int convolution(NetworkSpec net, String node, String param) throws ConfigError {
        List<NetworkSpec.Layer> layers = net.layers();
        String convs = layers.stream().filter(NetworkLayers::isConvolution).map(NetworkSpec.Layer::node).distinct()
                .collect(Collectors.joining(", "));
        int chosen = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (node.isEmpty() ? isConvolution(layers.get(i)) : layers.get(i).node().equals(node)) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            if (node.isEmpty()) {
                throw ConfigError.atParam(param, "This network has no convolution, so there is no map to draw.",
                        "Grad-CAM explains a CNN (nn.conv2d or nn.conv1d blocks); for other networks use explain.saliency.");
            }
            throw ConfigError.atParam(param, "There is no block '" + node + "' in the network of this model.",
                    convs.isEmpty() ? "This network has no convolution; use explain.saliency." : "Name one of its convolution blocks: " + convs + ".");
        }
        if (!isConvolution(layers.get(chosen))) {
            throw ConfigError.atParam(param, "Block '" + node + "' is a " + layers.get(chosen).kind() + " layer; Grad-CAM needs a convolution, "
                    + "whose channels keep where in the input they looked.",
                    convs.isEmpty() ? "This network has no convolution; use explain.saliency." : "Name one of its convolution blocks: " + convs + ".");
        }
        return dl4jIndex(net, chosen);
    }

    /** DL4J's index of the layer at {@code position} of the spec's layers. */
    static int dl4jIndex(NetworkSpec net, int position) {
        int index = 0;
        for (int i = 0; i < position; i++) {
            index += isDl4jLayer(net.layers().get(i)) ? 1 : 0;
        }
        return index;
    }
}
