package org.anneal.nodes.loss;

import org.anneal.spec.Task;
import org.anneal.ml.loss.Loss;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "loss.huber", title = "Huber loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Huber loss for regression (Tribuo Huber): ½r² for residuals |r| ≤ delta and delta·(|r| − ½·delta) beyond, "
                + "i.e. squared near the fit and absolute far from it, so outliers beyond delta count only linearly. Choose delta "
                + "in target units, about the size of ordinary noise.")
public final class HuberLossNode implements Node<HuberLossNode.Params> {

    public record Params(
            @Param(doc = "Residual size where the loss turns from squared to linear, in target units", def = "1.0", min = 1e-9) double delta) {
    }

    static final OutPort<Loss> LOSS = OutPort.of("loss", DataKind.LOSS, Loss.class, "The loss, for the loss input of a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LOSS, LearnerSpecs.loss(Task.REGRESSION));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LOSS, new Loss(Loss.Kind.HUBER, p.delta()));
    }
}
