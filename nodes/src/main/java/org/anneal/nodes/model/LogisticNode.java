package org.anneal.nodes.model;

import org.anneal.ml.Learner;
import org.anneal.spec.Task;
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

@NodeType(id = "model.logistic", title = "Logistic regression", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Classifier that models class probabilities with a softmax of linear scores and minimises the cross-entropy \
                (log loss), trained by Tribuo's stochastic gradient descent with AdaGrad. Needs a categorical target and \
                numeric features; standardize the features for faster, steadier training.""")
public final class LogisticNode implements Node<LogisticNode.Params> {

    public record Params(
            @Param(doc = "Passes over the training rows", def = "20", min = 1, max = 10000, tunable = true) int epochs,
            @Param(doc = "AdaGrad initial learning rate", def = "1.0", min = 1e-6, max = 100, tunable = true) double learningRate) {
    }

    // not a LearnerNode: its port is described as a classifier, and the docs show that
    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class, "The unfitted classifier, for a Fit node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(LEARNER, LearnerNode.spec(this, Task.CLASSIFICATION));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(LEARNER, Hyperparameters.learner(this, p, q -> new LogisticLearner(q.epochs(), q.learningRate())));
    }
}
