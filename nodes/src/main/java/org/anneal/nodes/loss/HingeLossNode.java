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

@NodeType(id = "loss.hinge", title = "Hinge loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Multiclass hinge loss for classification (Tribuo Hinge): zero once the true class outscores every other by the "
                + "margin, linear otherwise; a linear support vector machine trained by gradient descent. Gives no probabilities.")
public final class HingeLossNode implements Node<HingeLossNode.Params> {

    public record Params(
            @Param(doc = "Score gap the true class must keep over the others", def = "1.0", min = 1e-9) double margin) {
    }

    static final OutPort<Loss> LOSS = OutPort.of("loss", DataKind.LOSS, Loss.class, "The loss, for the loss input of a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LOSS, LearnerSpecs.loss(Task.CLASSIFICATION));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LOSS, new Loss(Loss.Kind.HINGE, p.margin()));
    }
}
