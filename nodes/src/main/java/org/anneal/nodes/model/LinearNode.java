package org.anneal.nodes.model;

import org.anneal.spec.Task;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;

@NodeType(id = "model.linear", title = "Linear regression (least squares)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Ordinary least squares: the weights and intercept that minimise the sum of squared errors, found exactly by \
                solving the normal equations (XᵀX)w = Xᵀy on centred data with Tribuo's Cholesky factorisation (the same \
                solver as model.ridge with lambda = 0). Fails with an explanation when features are linearly dependent; then \
                use model.ridge. Features must be numeric and complete.""")
public final class LinearNode extends LearnerNode<LinearNode.Params> {

    public record Params() {
    }

    public LinearNode() {
        super(Task.REGRESSION, p -> new RidgeLearner(0));
    }
}
