package org.anneal.nodes.model;

import java.util.List;
import org.anneal.ml.Learner;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;

/**
 * The linear learners trained by stochastic gradient descent ({@code model.sgd-linear}, {@code model.sgd-logistic}): the
 * same params, ports and training loop ({@link GradientLinearLearner}); a member names its task and its docs.
 */
public abstract class SgdLinearFamily implements Node<SgdLinearFamily.Params> {

    public record Params(
            @Param(doc = "Passes over the training rows", def = "50", min = 1, max = 100000, tunable = true) int epochs,
            @Param(doc = "Rows per gradient step (their gradients are averaged); 1 = pure stochastic", def = "1", min = 1, max = 100000)
            int minibatch,
            @Param(doc = "Shuffle the rows before every epoch (seeded from the workflow seed)", def = "true") boolean shuffle) {
    }

    static final InPort<Loss> LOSS = InPort.of("loss", DataKind.LOSS, Loss.class, "What to minimise").optional();
    static final InPort<Optimizer> OPTIMIZER = InPort.of("optimizer", DataKind.OPTIMIZER, Optimizer.class, "How to step")
            .optional();
    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class,
            "The unfitted learner, for a Fit node (with a loss and an optimizer)");

    private final Task task;

    protected SgdLinearFamily(Task task) {
        this.task = task;
    }

    @Override
    public final Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpecs.requireLossFor(task, in.value(LOSS), LOSS.name());
        LearnerSpecs.requireProbedFeature(null, in.value(LOSS), LOSS.name()); // networks only
        // the learning rate belongs to the optimizer wired at Fit, so it is offered beside this node's own tunables
        List<String> tunable = new java.util.ArrayList<>(Hyperparameters.of(this));
        tunable.add("learningRate");
        return Specs.of(LEARNER, Hyperparameters.offeredBy(LearnerSpecs.gradientLearner(task, tunable), this));
    }

    @Override
    public final Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, GradientLinearLearner.withDefaults(task, p.epochs(), p.minibatch(), p.shuffle())
                .with(in.get(LOSS), in.get(OPTIMIZER)));
    }
}
