package org.anneal.nodes.loss;

import org.anneal.spec.Task;
import org.anneal.ml.loss.Loss;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;

@NodeType(id = "loss.absolute", title = "Absolute loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Absolute error |y − ŷ| for regression (Tribuo AbsoluteLoss): fits the conditional median, so outliers pull far "
                + "less than with squared loss; its gradient has constant size, so steps do not shrink near the optimum.")
public final class AbsoluteLossNode extends LossNode<AbsoluteLossNode.Params> {

    public record Params() {
    }

    public AbsoluteLossNode() {
        super(Task.REGRESSION, p -> new Loss(Loss.Kind.ABSOLUTE, 0));
    }
}
