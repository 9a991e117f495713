package org.anneal.nodes.nn;

import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.nn.dl4j.Dl4jLayers;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

@NodeType(id = "nn.dense", title = "Dense layer", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                A fully connected layer: each of its `units` neurons takes a weighted sum of every input plus a bias and \
                passes it through the activation, so it holds inputs × units + units parameters (shown on the block as `→ 64 · \
                4,160 params`). Stack two or three with relu or tanh between nn.input and model.network for an MLP. Takes a \
                vector: put nn.flatten or nn.global-pool before it after image or sequence layers.""")
public final class DenseNode extends LayerBlock<DenseNode.Params> {

    public record Params(
            @Param(doc = "Neurons in the layer (outputs)", def = "64", min = 1, max = 100000) int units,
            @Param(doc = "Non-linearity applied to each neuron's sum", def = "\"relu\"") Activation activation) implements LayerDef {

        public String kind() {
            return "dense";
        }

        @Override
        public String describe() {
            return "dense " + units;
        }

        public Shape outputShape(Shape in) throws ConfigError {
            LayerDef.require(in.isFlat(), in, "A dense layer takes a vector",
                    "Put nn.flatten or nn.global-pool before it.");
            return Shape.flat(units);
        }

        public long params(Shape in) {
            return in.size() * units + units;
        }

        public Object dl4j(Shape in) {
            return Dl4j.layer(this);
        }
    }

    /** DL4J's side, loaded only when a network trains. */
    static final class Dl4j {
        static Layer layer(Params p) {
            return new DenseLayer.Builder().nOut(p.units()).activation(Dl4jLayers.activation(p.activation())).build();
        }
    }
}
