package org.anneal.nodes.loss;

import org.anneal.spec.Task;
import org.anneal.ml.loss.Loss;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "loss.huber", title = "Huber loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Huber loss for regression (Tribuo Huber): ½r² for residuals |r| ≤ delta and delta·(|r| − ½·delta) beyond, i.e. \
                squared near the fit and absolute far from it, so outliers beyond delta count only linearly. Choose delta in \
                target units, about the size of ordinary noise.""")
public final class HuberLossNode extends LossNode<HuberLossNode.Params> {

    public record Params(
            @Param(doc = "Residual size where the loss turns from squared to linear, in target units", def = "1.0", min = 1e-9) double delta) {
    }

    public HuberLossNode() {
        super(Task.REGRESSION, p -> new Loss(Loss.Kind.HUBER, p.delta()));
    }
}
