package org.anneal.nodes.optim;

import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "optim.rmsprop", title = "RMSProp", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "RMSProp (Tribuo): like AdaGrad, but the squared gradients are averaged with exponential decay rho, so steps "
                + "adapt to recent gradients instead of shrinking for ever.")
public final class RmsPropOptimizerNode extends OptimizerNode<RmsPropOptimizerNode.Params> {

    public record Params(
            @Param(doc = "Step size", def = "0.001", min = 1e-9, max = 100) double learningRate,
            @Param(doc = "Decay of the squared-gradient average", def = "0.9", min = 0, max = 0.9999) double rho,
            @Param(doc = "Added to the denominator to avoid dividing by zero", def = "1e-8", min = 0, max = 1) double epsilon) {
    }

    public RmsPropOptimizerNode() {
        super(p -> new Optimizer(Optimizer.Kind.RMSPROP, p.learningRate(), "none", p.rho(), 0, 0, p.epsilon()));
    }
}
