package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * The Tribuo CART tree / forest that backed model.tree and model.random-forest before the histogram trees: kept as
 * the reference the histogram forest is checked against (HistogramTreeTest) and to time Tribuo again. With every feature at
 * every split the forest is plain bagging, which Tribuo trains with its BaggingTrainer (its forest trainer refuses
 * a fraction of 1).
 */
public final class TribuoTreeTrainer {
    private TribuoTreeTrainer() {
    }

    /** Same settings as {@link TreeLearner}: min child weight 5 for regression, 1 for classification. */
    public static TrainedModel fit(Task task, Table train, List<String> features, String target, int maxDepth, int trees,
                                   double featureFraction, long seed) {
        float fraction = trees == 1 ? 1f : (float) featureFraction;
        String describe = "Tribuo CART " + (trees == 1 ? "tree" : "forest");
        if (task == Task.REGRESSION) {
            CARTRegressionTrainer cart = new CARTRegressionTrainer(maxDepth, 5f, 0f, fraction, false, new MeanSquaredError(), seed);
            Trainer<Regressor> trainer = trees == 1 ? cart : fraction < 1 ? new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed)
                    : new BaggingTrainer<>(cart, new AveragingCombiner(), trees, seed);
            var model = trainer.train(TribuoTables.regression(train, features, target));
            return new TribuoRegressionModel(describe, target, features, model, Map.of());
        }
        CARTClassificationTrainer cart = new CARTClassificationTrainer(maxDepth, 1f, 0f, fraction, false, new GiniIndex(), seed);
        Trainer<Label> trainer = trees == 1 ? cart : fraction < 1 ? new RandomForestTrainer<>(cart, new VotingCombiner(), trees, seed)
                : new BaggingTrainer<>(cart, new VotingCombiner(), trees, seed);
        var model = trainer.train(TribuoTables.classification(train, features, target));
        return new TribuoClassifierModel(describe, target, features, ((CategoricalColumn) train.column(target).orElseThrow()).levels(), model);
    }
}
