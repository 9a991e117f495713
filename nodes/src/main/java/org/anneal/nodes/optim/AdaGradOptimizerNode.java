package org.anneal.nodes.optim;

import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "optim.adagrad", title = "AdaGrad", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "AdaGrad (Tribuo): divides each weight's step by the root of the sum of its squared past gradients, so "
                + "rarely updated weights keep large steps and the steps shrink over time by themselves.")
public final class AdaGradOptimizerNode extends OptimizerNode<AdaGradOptimizerNode.Params> {

    public record Params(
            @Param(doc = "Initial step size", def = "0.1", min = 1e-9, max = 100) double learningRate,
            @Param(doc = "Added to the denominator to avoid dividing by zero", def = "1e-6", min = 0, max = 1) double epsilon) {
    }

    public AdaGradOptimizerNode() {
        super(p -> new Optimizer(Optimizer.Kind.ADAGRAD, p.learningRate(), "none", 0, 0, 0, p.epsilon()));
    }
}
