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
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "loss.squared", title = "Squared loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Squared error ½(y − ŷ)² for regression (Tribuo SquaredLoss): least squares. Large errors weigh quadratically, so "
                + "a few outliers can pull the fit. Wire it to the loss input of a Fit node whose learner is gradient-trained.")
public final class SquaredLossNode implements Node<SquaredLossNode.Params> {

    public record Params() {
    }

    static final OutPort<Loss> LOSS = OutPort.of("loss", DataKind.LOSS, Loss.class, "The loss, for the loss input of a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LOSS, LearnerSpecs.loss(Task.REGRESSION));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LOSS, new Loss(Loss.Kind.SQUARED, 0));
    }
}
