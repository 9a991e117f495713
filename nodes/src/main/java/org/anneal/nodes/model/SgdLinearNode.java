package org.anneal.nodes.model;

import java.util.List;
import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.nodes.loss.Loss;
import org.anneal.nodes.optim.Optimizer;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "model.sgd-linear", title = "Linear regression (SGD)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = "Linear regression trained by stochastic gradient descent, one minibatch at a time, following Tribuo's linear "
                + "SGD trainer (org.tribuo.regression.sgd.linear.LinearSGDTrainer). What it minimises and how it steps are wired "
                + "in at Fit: connect a loss block (squared, absolute, Huber) and an optimizer block (SGD, AdaGrad, RMSProp, "
                + "Adam) to the Fit node's loss and optimizer inputs; without them it uses squared loss and plain SGD at learning"
                + " rate 0.01. The training loss after every epoch is kept with the model (see evaluate.loss-curve): regression "
                + "as loss minimisation. Standardize the features first, or the steps that suit one feature overshoot on another. "
                + "The loss and optimizer may also be wired here, at the learner: then tuning and cross-validation nodes, which "
                + "train the learner themselves, use them too; wires at Fit take precedence.")
public final class SgdLinearNode implements Node<SgdLinearNode.Params> {

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

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpecs.requireLossFor(Task.REGRESSION, in.value(LOSS), LOSS.name());
        // the learning rate belongs to the optimizer wired at Fit, so it is offered beside this node's own tunables
        List<String> tunable = new java.util.ArrayList<>(Hyperparameters.of(this));
        tunable.add("learningRate");
        return Specs.of(LEARNER, Hyperparameters.offeredBy(LearnerSpecs.gradientLearner(Task.REGRESSION, tunable), this));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, GradientLinearLearner.withDefaults(Task.REGRESSION, p.epochs(), p.minibatch(), p.shuffle())
                .with(in.get(LOSS), in.get(OPTIMIZER)));
    }
}
