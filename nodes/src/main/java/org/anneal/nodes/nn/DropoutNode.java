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
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "nn.dropout", title = "Dropout", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "During training, sets each input to zero with probability `drop` (and scales the rest up to keep their sum), "
                + "a different random set every minibatch, so no neuron can rely on one other: a regulariser against "
                + "overfitting. At prediction it passes everything. No parameters. (DL4J's own setting is the probability to "
                + "*keep*; Anneal speaks drop probability, as Keras and PyTorch do.)")
public final class DropoutNode implements Node<DropoutNode.Params> {

    public record Params(@Param(doc = "Probability of dropping each input during training", def = "0.2", min = 0, max = 0.95) double drop) {
    }

    static final InPort<Network> IN = LayerBlocks.in();
    static final OutPort<Network> OUT = LayerBlocks.out();

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return LayerBlocks.configure(in, IN, OUT, new LayerDef.Dropout(p.drop()), ctx);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return LayerBlocks.execute(in, IN, OUT, new LayerDef.Dropout(p.drop()));
    }
}
