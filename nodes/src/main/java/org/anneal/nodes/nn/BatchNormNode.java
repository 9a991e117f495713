package org.anneal.nodes.nn;

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
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "nn.batch-norm", title = "Batch normalisation", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Rescales each feature (each channel of an image) to mean 0 and variance 1 over the minibatch, then applies a "
                + "learnt scale and shift; at prediction it uses the running mean and variance gathered in training. Often "
                + "lets a deeper network train faster at a higher learning rate. Holds 4 parameters per feature: scale, "
                + "shift, running mean and running variance.")
public final class BatchNormNode implements Node<BatchNormNode.Params> {

    public record Params() {
    }

    static final InPort<Network> IN = LayerBlocks.in();
    static final OutPort<Network> OUT = LayerBlocks.out();

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return LayerBlocks.configure(in, IN, OUT, new LayerDef.BatchNorm(), ctx);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return LayerBlocks.execute(in, IN, OUT, new LayerDef.BatchNorm());
    }
}
