package org.anneal.nodes.model;

import org.anneal.spec.Task;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.ridge", title = "Ridge regression", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Linear regression with an L2 penalty: minimises the squared error plus lambda times the sum of squared weights \
                (the intercept is not penalised). lambda = 0 is ordinary least squares. Solved exactly by the normal \
                equations with Tribuo's Cholesky factorisation; Tribuo has no pure ridge trainer (its elastic net needs an L1 \
                part), so this learner is written in Anneal and tested against closed-form results. Features must be numeric \
                and complete; scale them first so the penalty treats them alike.""")
public final class RidgeNode extends LearnerNode<RidgeNode.Params> {

    public record Params(
            @Param(doc = "Penalty strength; 0 = ordinary least squares", def = "1.0", min = 0, tunable = true) double lambda) {
    }

    public RidgeNode() {
        super(Task.REGRESSION, q -> new RidgeLearner(q.lambda()));
    }
}
