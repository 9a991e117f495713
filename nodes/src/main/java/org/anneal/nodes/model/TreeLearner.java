package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
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
 * A CART decision tree ({@code trees = 1}) or a random forest of bootstrapped CART trees that each consider a
 * random fraction of the features at every split, trained by Tribuo. With every feature at every split the
 * forest is plain bagging, which Tribuo trains with its BaggingTrainer (its forest trainer refuses a fraction of 1).
 */
public record TreeLearner(Task task, int maxDepth, int trees, double featureFraction) implements Learner {

    @Override
    public String describe() {
        return trees == 1 ? String.format(Locale.ROOT, "Decision tree (Tribuo CART, %s, max depth %d)", task.key(), maxDepth)
                : String.format(Locale.ROOT, "Random forest (Tribuo, %s, %d trees, max depth %d, %.2f of features per split)",
                        task.key(), trees, maxDepth, featureFraction);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("maxDepth", (double) maxDepth, "trees", (double) trees, "featureFraction", featureFraction);
    }

    @Override
    public Learner with(String hyperparameter, double value) {
        return switch (hyperparameter) {
            case "maxDepth" -> new TreeLearner(task, (int) Math.round(value), trees, featureFraction);
            case "trees" -> new TreeLearner(task, maxDepth, (int) Math.round(value), featureFraction);
            case "featureFraction" -> new TreeLearner(task, maxDepth, trees, value);
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
        if (train.column(target).orElseThrow().missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has missing values in the training rows.", "Drop rows without a target first.");
        }
        ctx.checkCancelled();
        float fraction = trees == 1 ? 1f : (float) featureFraction;
        long seed = ctx.seed();
        if (task == Task.REGRESSION) {
            CARTRegressionTrainer cart = new CARTRegressionTrainer(maxDepth, 5f, 0f, fraction, false, new MeanSquaredError(), seed);
            Trainer<Regressor> trainer = trees == 1 ? cart : fraction < 1 ? new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed)
                    : new BaggingTrainer<>(cart, new AveragingCombiner(), trees, seed);
            var model = trainer.train(TribuoTables.regression(train, features, target));
            return new TribuoRegressionModel(describe(), target, features, model, Map.of());
        }
        CARTClassificationTrainer cart = new CARTClassificationTrainer(maxDepth, 1f, 0f, fraction, false, new GiniIndex(), seed);
        Trainer<Label> trainer = trees == 1 ? cart : fraction < 1 ? new RandomForestTrainer<>(cart, new VotingCombiner(), trees, seed)
                : new BaggingTrainer<>(cart, new VotingCombiner(), trees, seed);
        var model = trainer.train(TribuoTables.classification(train, features, target));
        return new TribuoClassifierModel(describe(), target, features, ((CategoricalColumn) train.column(target).orElseThrow()).levels(), model);
    }
}
