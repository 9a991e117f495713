package org.anneal.nodes.nn;

import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "nn.dense", title = "Dense layer", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "A fully connected layer: each of its `units` neurons takes a weighted sum of every input plus a bias and "
                + "passes it through the activation, so it holds inputs × units + units parameters (shown on the block as "
                + "`→ 64 · 4,160 params`). Stack two or three with relu or tanh between nn.input and model.network for an MLP. "
                + "Takes a vector: put nn.flatten or nn.global-pool before it after image or sequence layers.")
public final class DenseNode implements Node<DenseNode.Params> {

    public record Params(
            @Param(doc = "Neurons in the layer (outputs)", def = "64", min = 1, max = 100000) int units,
            @Param(doc = "Non-linearity applied to each neuron's sum", def = "\"relu\"") Activation activation) {
    }

    static final InPort<Network> IN = LayerBlocks.in();
    static final OutPort<Network> OUT = LayerBlocks.out();

    private static LayerDef layer(Params p) {
        return new LayerDef.Dense(p.units(), p.activation());
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return LayerBlocks.configure(in, IN, OUT, layer(p), ctx);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return LayerBlocks.execute(in, IN, OUT, layer(p));
    }
}
