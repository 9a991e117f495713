package org.anneal.nodes.model;

import java.util.List;
import java.util.function.Function;
import org.anneal.ml.Learner;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;

/**
 * The family of {@code model.*} learner nodes that take no inputs and hand one unfitted learner to a Fit node. A member
 * declares its {@code @NodeType}, its {@code Params}, and in its no-argument constructor the task its params choose and
 * how its params make the learner; the port, configure and execute are the same for all of them.
 *
 * <p>A member with tunable params ({@code @Param(tunable = true)}) offers them in its spec and hands out a learner that
 * tune nodes can remake ({@link Hyperparameters}); a member without any hands out the plain learner and offers nothing.
 */
public abstract class LearnerNode<P extends Record> implements Node<P> {

    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted learner, for a Fit node");

    private final Function<P, Task> task;
    private final Function<P, Learner> make;

    /** A member whose task its params choose (a {@link TaskChoice} param, most often). */
    protected LearnerNode(Function<P, Task> task, Function<P, Learner> make) {
        this.task = task;
        this.make = make;
    }

    /** A member that only does {@code task}. */
    protected LearnerNode(Task task, Function<P, Learner> make) {
        this(p -> task, make);
    }

    @Override
    public final Specs configure(Specs in, P p, ConfigContext ctx) {
        return Specs.of(LEARNER, spec(this, task.apply(p)));
    }

    @Override
    public final Outputs execute(Inputs in, P p, ExecContext ctx) {
        return Outputs.of(LEARNER, Hyperparameters.of(this).isEmpty() ? make.apply(p) : Hyperparameters.learner(this, p, make));
    }

    /** The spec of a learner {@code node} makes for {@code task}, offering the node's tunable params if it has any. */
    static LearnerSpec spec(Node<?> node, Task task) {
        List<String> tunable = Hyperparameters.of(node);
        LearnerSpec spec = LearnerSpecs.learner(task, true, tunable);
        return tunable.isEmpty() ? spec : Hyperparameters.offeredBy(spec, node);
    }
}
