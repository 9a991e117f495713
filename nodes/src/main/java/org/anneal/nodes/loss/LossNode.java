package org.anneal.nodes.loss;

import java.util.function.Function;
import org.anneal.ml.loss.Loss;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;

/**
 * The family of {@code loss.*} blocks: no inputs, one loss for the loss input of a Fit node (or of a gradient-trained
 * learner). A member declares its {@code @NodeType}, its {@code Params}, the task the loss suits and how its params make it.
 */
public abstract class LossNode<P extends Record> implements Node<P> {

    static final OutPort<Loss> LOSS = OutPort.of("loss", DataKind.LOSS, Loss.class, "The loss, for the loss input of a Fit node");

    private final Task task;
    private final Function<P, Loss> make;

    protected LossNode(Task task, Function<P, Loss> make) {
        this.task = task;
        this.make = make;
    }

    @Override
    public final Specs configure(Specs in, P p, ConfigContext ctx) {
        return Specs.of(LOSS, LearnerSpecs.loss(task));
    }

    @Override
    public final Outputs execute(Inputs in, P p, ExecContext ctx) {
        return Outputs.of(LOSS, make.apply(p));
    }
}
