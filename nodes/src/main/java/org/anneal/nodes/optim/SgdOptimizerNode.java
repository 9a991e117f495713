package org.anneal.nodes.optim;

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

@NodeType(id = "optim.sgd", title = "SGD", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Stochastic gradient descent (Tribuo SGD at a constant rate): each step moves the weights against the gradient "
                + "of the loss on a minibatch, scaled by the learning rate. Momentum keeps a running velocity (rho = its decay): "
                + "standard adds it to each step, Nesterov evaluates the gradient after a look-ahead step.")
public final class SgdOptimizerNode implements Node<SgdOptimizerNode.Params> {

    public record Params(
            @Param(doc = "Step size", def = "0.01", min = 1e-9, max = 100) double learningRate,
            @Param(doc = "Momentum variant", def = "\"none\"") Momentum momentum,
            @Param(doc = "Momentum decay (used unless momentum is none)", def = "0.9", min = 0, max = 0.9999) double rho) {
    }

    public enum Momentum { NONE, STANDARD, NESTEROV }

    static final OutPort<Optimizer> OPTIMIZER = OutPort.of("optimizer", DataKind.OPTIMIZER, Optimizer.class,
            "The update rule, for the optimizer input of a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(OPTIMIZER, LearnerSpecs.optimizer());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(OPTIMIZER, new Optimizer(Optimizer.Kind.SGD, p.learningRate(), org.anneal.spec.Choices.name(p.momentum()), p.rho(), 0, 0, 0));
    }
}
