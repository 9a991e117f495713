package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.tree", title = "Decision tree (CART)", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                A CART decision tree: splits the feature space into boxes, predicting the mean (regression, leaves of at least \
                5 rows) or the class proportions (classification) of the training rows in each. Needs no scaling; deep trees \
                memorise noise, so limit `maxDepth` or prefer a random forest. Written in Anneal rather than taken from \
                Tribuo, whose CART was 76x slower than scikit-learn's (see model.random-forest): features are binned once into \
                at most 256 quantile bins, so the tree is exactly scikit-learn's DecisionTree when every feature has at most \
                256 distinct values (tested), and otherwise chooses each threshold among 255 quantile boundaries.""")
public final class DecisionTreeNode extends LearnerNode<DecisionTreeNode.Params> {

    public record Params(
            @Param(doc = "Regression (numeric target) or classification (categorical target)", def = "\"regression\"") TaskChoice task,
            @Param(doc = "Maximum depth of the tree", def = "6", min = 1, max = 64, tunable = true) int maxDepth) {
    }

    public DecisionTreeNode() {
        super(p -> p.task().task(), q -> new TreeLearner(q.task().task(), q.maxDepth(), 1, 1.0));
    }
}
