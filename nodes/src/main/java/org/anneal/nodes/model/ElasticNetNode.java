package org.anneal.nodes.model;

import org.anneal.spec.Task;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.elastic-net", title = "Elastic net / lasso", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Linear regression with L1 and L2 penalties, trained by Tribuo's coordinate descent (ElasticNetCDTrainer): \
                minimises (1/2n)·squared error + alpha·l1Ratio·|w|₁ + ½·alpha·(1 − l1Ratio)·|w|². l1Ratio = 1 is the lasso, \
                which sets some weights exactly to zero. Tribuo needs l1Ratio above 0; for a pure L2 penalty use Ridge.""")
public final class ElasticNetNode extends LearnerNode<ElasticNetNode.Params> {

    public record Params(
            @Param(doc = "Overall penalty strength", def = "0.1", min = 0, tunable = true) double alpha,
            @Param(doc = "Share of the L1 (lasso) part; 1 = lasso", def = "0.5", min = 0.001, max = 1, tunable = true) double l1Ratio,
            @Param(doc = "Coordinate-descent sweeps at most", def = "1000", min = 1, max = 1000000) int maxIterations) {
    }

    public ElasticNetNode() {
        super(Task.REGRESSION, q -> new ElasticNetLearner(q.alpha(), q.l1Ratio(), q.maxIterations()));
    }
}
