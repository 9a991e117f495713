package org.anneal.nodes.optim;

import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "optim.sgd", title = "SGD", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Stochastic gradient descent (Tribuo SGD at a constant rate): each step moves the weights against the gradient \
                of the loss on a minibatch, scaled by the learning rate. Momentum keeps a running velocity (rho = its decay): \
                standard adds it to each step, Nesterov evaluates the gradient after a look-ahead step.""")
public final class SgdOptimizerNode extends OptimizerNode<SgdOptimizerNode.Params> {

    public record Params(
            @Param(doc = "Step size", def = "0.01", min = 1e-9, max = 100) double learningRate,
            @Param(doc = "Momentum variant", def = "\"none\"") Momentum momentum,
            @Param(doc = "Momentum decay (used unless momentum is none)", def = "0.9", min = 0, max = 0.9999) double rho) {
    }

    public enum Momentum { NONE, STANDARD, NESTEROV }

    public SgdOptimizerNode() {
        super(p -> new Optimizer(Optimizer.Kind.SGD, p.learningRate(), org.anneal.spec.Choices.name(p.momentum()), p.rho(), 0, 0, 0));
    }
}
