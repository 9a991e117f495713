package org.anneal.nodes.model;

import org.anneal.spec.Task;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.lasso", title = "Lasso", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Linear regression with an L1 penalty: minimises (1/2n)·squared error + alpha·Σ|w_j| (the intercept is not \
                penalised), by Tribuo's coordinate descent (ElasticNetCDTrainer with l1Ratio = 1). Unlike ridge, the lasso \
                sets the weights of weak features exactly to zero, so it also selects features; the larger alpha, the fewer \
                survive. Standardize the features first so the penalty treats them alike.""")
public final class LassoNode extends LearnerNode<LassoNode.Params> {

    public record Params(
            @Param(doc = "Penalty strength (in target units per standardized feature unit)", def = "0.1", min = 0, tunable = true) double alpha,
            @Param(doc = "Coordinate-descent sweeps at most", def = "1000", min = 1, max = 1000000) int maxIterations) {
    }

    public LassoNode() {
        super(Task.REGRESSION, q -> new ElasticNetLearner(q.alpha(), 1, q.maxIterations()));
    }
}
