package org.anneal.nodes.loss;

import org.anneal.spec.Task;
import org.anneal.ml.loss.Loss;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;

@NodeType(id = "loss.squared", title = "Squared loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Squared error ½(y − ŷ)² for regression (Tribuo SquaredLoss): least squares. Large errors weigh quadratically, so "
                + "a few outliers can pull the fit. Wire it to the loss input of a Fit node whose learner is gradient-trained.")
public final class SquaredLossNode extends LossNode<SquaredLossNode.Params> {

    public record Params() {
    }

    public SquaredLossNode() {
        super(Task.REGRESSION, p -> new Loss(Loss.Kind.SQUARED, 0));
    }
}
