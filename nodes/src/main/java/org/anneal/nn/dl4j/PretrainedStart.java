package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.nn.LayerDef;
import org.anneal.nn.PretrainedLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts a freshly initialised network from pretrained weights: copies each {@link PretrainedLayer}'s weights into its
 * DL4J layer and, when the leading ones are frozen, turns them into a feature extractor with DL4J's
 * {@code TransferLearning} (their parameters then never change). Pretrained layers lead the network (nn.pretrained
 * replaces nn.input), and each of them is one DL4J layer, so layer i of the network is DL4J layer i.
 */
public final class PretrainedStart {
    private PretrainedStart() {
    }

    /** {@code net} (already initialised) with the pretrained weights in place; a new network when some layers are frozen. */
    public static MultiLayerNetwork apply(MultiLayerNetwork net, List<LayerDef> layers) {
        int frozen = 0;
        for (int i = 0; i < layers.size() && layers.get(i) instanceof PretrainedLayer p; i++) {
            float[] w = p.weights();
            if (w.length != net.getLayer(i).numParams()) {
                throw new IllegalStateException("pretrained layer " + i + " has " + w.length + " weights, DL4J's layer " + net.getLayer(i).numParams());
            }
            if (w.length > 0) {
                net.getLayer(i).setParams(Nd4j.create(w, new long[] {1, w.length}, DataType.FLOAT));
            }
            if (p.frozen() && frozen == i) {
                frozen = i + 1;
            }
        }
        return frozen == 0 ? net : new TransferLearning.Builder(net).setFeatureExtractor(frozen - 1).build();
    }
}
