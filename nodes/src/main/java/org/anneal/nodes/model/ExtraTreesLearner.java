package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006) by Tribuo's ExtraTreesTrainer: CART trees that draw
 * one random split point per candidate feature and keep the best of those, averaged or voted. Tribuo's version grows
 * each tree on a bootstrap sample (it extends its bagging trainer), where the original paper uses every row.
 */
public record ExtraTreesLearner(Task task, int trees, int maxDepth, double featureFraction) implements Learner {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Extra trees (Tribuo, %s, %d trees, max depth %d, %.2f of features per split)", task.key(), trees,
                maxDepth, featureFraction);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("trees", (double) trees, "maxDepth", (double) maxDepth, "featureFraction", featureFraction);
    }

    @Override
    public Learner with(String hyperparameter, double value) {
        return switch (hyperparameter) {
            case "trees" -> new ExtraTreesLearner(task, (int) Math.round(value), maxDepth, featureFraction);
            case "maxDepth" -> new ExtraTreesLearner(task, trees, (int) Math.round(value), featureFraction);
            case "featureFraction" -> new ExtraTreesLearner(task, trees, maxDepth, value);
            default -> Learner.super.with(hyperparameter, value);
        };
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        for (String c : features) {
            if (train.numeric(c).missingCount() > 0) {
                throw new NodeFailure("Column '" + c + "' has missing values in the training rows.", "Remove or fill missing values before training.");
            }
        }
        Column y = train.column(target).orElseThrow();
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has missing values in the training rows.", "Drop rows without a target first.");
        }
        ctx.checkCancelled();
        long seed = ctx.seed();
        if (task == Task.REGRESSION) {
            var cart = new CARTRegressionTrainer(maxDepth, 5f, 0f, (float) featureFraction, true, new MeanSquaredError(), seed);
            var model = new ExtraTreesTrainer<>(cart, new AveragingCombiner(), trees, seed).train(TribuoTables.regression(train, features, target));
            return new TribuoRegressionModel(describe(), target, features, model, Map.of());
        }
        var cart = new CARTClassificationTrainer(maxDepth, 1f, 0f, (float) featureFraction, true, new GiniIndex(), seed);
        var model = new ExtraTreesTrainer<>(cart, new VotingCombiner(), trees, seed).train(TribuoTables.classification(train, features, target));
        return new TribuoClassifierModel(describe(), target, features, ((CategoricalColumn) y).levels(), model);
    }
}
