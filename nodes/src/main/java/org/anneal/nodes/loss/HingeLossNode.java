package org.anneal.nodes.loss;

import org.anneal.spec.Task;
import org.anneal.ml.loss.Loss;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "loss.hinge", title = "Hinge loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Multiclass hinge loss for classification (Tribuo Hinge): zero once the true class outscores every other by the "
                + "margin, linear otherwise; a linear support vector machine trained by gradient descent. Gives no probabilities.")
public final class HingeLossNode extends LossNode<HingeLossNode.Params> {

    public record Params(
            @Param(doc = "Score gap the true class must keep over the others", def = "1.0", min = 1e-9) double margin) {
    }

    public HingeLossNode() {
        super(Task.CLASSIFICATION, p -> new Loss(Loss.Kind.HINGE, p.margin()));
    }
}
