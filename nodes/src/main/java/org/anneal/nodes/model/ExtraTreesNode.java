package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.extra-trees", title = "Extra trees", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Extremely randomised trees (Geurts, Ernst & Wehenkel 2006): an ensemble of CART trees in which every split \
                tries one random threshold per candidate feature (instead of searching the best threshold) and keeps the best \
                of those; every tree sees all training rows, as in the original method and scikit-learn. Predictions are \
                averaged (regression; leaves of at least 5 rows) or the trees' leaf class proportions are averaged \
                (classification). More randomness than a random forest lowers the variance further and trains faster; \
                reproducible from the workflow seed on any number of cores. Written in Anneal with the random forest's tree \
                code, not taken from Tribuo: Tribuo's ExtraTreesTrainer took 10.3 s for 20 trees of depth 8 on 5,000 rows x 20 \
                features, 40 times Anneal's random forest on the same rows, and it bootstraps the rows.""")
public final class ExtraTreesNode extends LearnerNode<ExtraTreesNode.Params> {

    public record Params(
            @Param(doc = "Regression (numeric target) or classification (categorical target)", def = "\"regression\"") TaskChoice task,
            @Param(doc = "Number of trees", def = "100", min = 2, max = 5000, tunable = true) int trees,
            @Param(doc = "Maximum depth of each tree", def = "12", min = 1, max = 64, tunable = true) int maxDepth,
            @Param(doc = "Fraction of features considered at each split (1 = all, the usual choice for regression)", def = "1.0", min = 0.01, max = 1, tunable = true) double featureFraction) {
    }

    public ExtraTreesNode() {
        super(p -> p.task().task(), q -> new ExtraTreesLearner(q.task().task(), q.trees(), q.maxDepth(), q.featureFraction()));
    }
}
