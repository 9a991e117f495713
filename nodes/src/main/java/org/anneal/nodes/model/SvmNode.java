package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.svm", title = "Support vector machine", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Support vector machine by LIBSVM (pure Java, through Tribuo). Classification (C-SVC) finds the boundary with \
                the widest margin, paying C per unit of margin violation; class probabilities come from Platt scaling. \
                Regression (epsilon-SVR) finds the flattest function that keeps every row within epsilon of it, paying C per \
                unit outside the tube. Kernels: linear, rbf exp(−gamma·|x − x'|²), poly (gamma·x·x' + 1)^degree. Scale the \
                features first: the margin and the kernels measure distances.""")
public final class SvmNode extends LearnerNode<SvmNode.Params> {

    public record Params(
            @Param(doc = "Regression (numeric target) or classification (categorical target)", def = "\"classification\"") TaskChoice task,
            @Param(doc = "Kernel", def = "\"rbf\"") SvmLearner.Kernel kernel,
            @Param(doc = "Cost of margin violations: larger fits the training rows harder", def = "1.0", min = 1e-6, max = 1e6, tunable = true) double c,
            @Param(doc = "Kernel width for rbf and poly; 0 = 1 / number of features", def = "0.0", min = 0, tunable = true) double gamma,
            @Param(doc = "Degree of the poly kernel", def = "3", min = 1, max = 10) int degree,
            @Param(doc = "Half-width of the error-free tube (regression only), in target units", def = "0.1", min = 0, tunable = true) double epsilon) {
    }

    public SvmNode() {
        super(p -> p.task().task(), q -> new SvmLearner(q.task().task(), q.kernel(), q.c(), q.gamma(), q.degree(), q.epsilon()));
    }
}
