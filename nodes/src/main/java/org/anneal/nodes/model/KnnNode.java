package org.anneal.nodes.model;

import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "model.knn", title = "k nearest neighbours", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Predicts from the k training rows closest to each new row: their mean target (regression) or their majority \
                class, with the vote shares as probabilities (classification). With `distance` weights closer rows count more \
                (weight 1/distance; a row at distance 0 decides alone). Neighbours are found by Tribuo's neighbour search \
                (euclidean = L2, manhattan = L1); the weighting is Anneal's, as Tribuo's KNN has no distance weights. \
                Distances mix the units of all features: standardize first.""")
public final class KnnNode extends LearnerNode<KnnNode.Params> {

    public record Params(
            @Param(doc = "Regression (numeric target) or classification (categorical target)", def = "\"regression\"") TaskChoice task,
            @Param(doc = "Number of neighbours", def = "5", min = 1, max = 10000, tunable = true) int k,
            @Param(doc = "How distance is measured", def = "\"euclidean\"") KnnLearner.Distance distance,
            @Param(doc = "How neighbours are weighted", def = "\"uniform\"") KnnLearner.Weighting weighting) {
    }

    public KnnNode() {
        super(p -> p.task().task(), q -> new KnnLearner(q.task().task(), q.k(), q.distance(), q.weighting()));
    }
}
