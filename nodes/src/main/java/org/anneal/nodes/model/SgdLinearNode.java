package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;
import org.anneal.spec.Task;

@NodeType(id = "model.sgd-linear", title = "Linear regression (SGD)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Linear regression trained by stochastic gradient descent, one minibatch at a time, following Tribuo's linear \
                SGD trainer (org.tribuo.regression.sgd.linear.LinearSGDTrainer). What it minimises and how it steps are wired \
                in at Fit: connect a loss block (squared, absolute, Huber) and an optimizer block (SGD, AdaGrad, RMSProp, \
                Adam) to the Fit node's loss and optimizer inputs; without them it uses squared loss and plain SGD at learning \
                rate 0.01. The training loss after every epoch is kept with the model (see evaluate.loss-curve): regression \
                as loss minimisation. Standardize the features first, or the steps that suit one feature overshoot on another. \
                The loss and optimizer may also be wired here, at the learner: then tuning and cross-validation nodes, which \
                train the learner themselves, use them too; wires at Fit take precedence.""")
public final class SgdLinearNode extends SgdLinearFamily {

    public SgdLinearNode() {
        super(Task.REGRESSION);
    }
}
