package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Phase;
import org.anneal.spec.Task;

@NodeType(id = "model.sgd-logistic", title = "Linear classifier (SGD)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Linear classifier (one linear score per class) trained by stochastic gradient descent, following Tribuo's \
                linear SGD trainer (org.tribuo.classification.sgd.linear.LinearSGDTrainer). Connect a loss block at Fit: log \
                loss gives logistic regression with class probabilities, hinge loss a linear support vector machine; and an \
                optimizer block. Without them it uses log loss and plain SGD at learning rate 0.01. The training loss per \
                epoch is kept with the model (see evaluate.loss-curve). Standardize the features first. The loss and optimizer \
                may also be wired here, at the learner: then tuning and cross-validation nodes, which train the learner \
                themselves, use them too; wires at Fit take precedence.""")
public final class SgdLogisticNode extends SgdLinearFamily {

    public SgdLogisticNode() {
        super(Task.CLASSIFICATION);
    }
}
