package org.anneal.nodes.optim;

import java.util.function.Function;
import org.anneal.ml.optim.Optimizer;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;

/**
 * The family of {@code optim.*} blocks: no inputs, one update rule for the optimizer input of a Fit node (or of a
 * gradient-trained learner). A member declares its {@code @NodeType}, its {@code Params} and how they make the rule.
 */
public abstract class OptimizerNode<P extends Record> implements Node<P> {

    static final OutPort<Optimizer> OPTIMIZER = OutPort.of("optimizer", DataKind.OPTIMIZER, Optimizer.class,
            "The update rule, for the optimizer input of a Fit node");

    private final Function<P, Optimizer> make;

    protected OptimizerNode(Function<P, Optimizer> make) {
        this.make = make;
    }

    @Override
    public final Specs configure(Specs in, P p, ConfigContext ctx) {
        return Specs.of(OPTIMIZER, LearnerSpecs.optimizer());
    }

    @Override
    public final Outputs execute(Inputs in, P p, ExecContext ctx) {
        return Outputs.of(OPTIMIZER, make.apply(p));
    }
}
