package org.anneal.nodes.loss;

import org.anneal.spec.Task;
import org.anneal.ml.loss.Loss;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;

@NodeType(id = "loss.log", title = "Log loss", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = "Cross-entropy (log loss) for classification (Tribuo LogMulticlass): −log of the softmax probability given to the "
                + "true class. Minimising it is multinomial logistic regression, and the model reports class probabilities.")
public final class LogLossNode extends LossNode<LogLossNode.Params> {

    public record Params() {
    }

    public LogLossNode() {
        super(Task.CLASSIFICATION, p -> new Loss(Loss.Kind.LOG, 0));
    }
}
