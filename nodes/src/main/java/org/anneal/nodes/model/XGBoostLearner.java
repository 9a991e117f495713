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
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees by XGBoost (xgboost4j 1.6.2, through Tribuo's XGBoost trainers): squared error for
 * regression, softmax cross-entropy for classification. Runs on one thread so parallel branches share the CPU fairly.
 *
 * @param lambda L2 penalty on leaf values (XGBoost's reg_lambda)
 */
public record XGBoostLearner(Task task, int trees, int maxDepth, double eta, double subsample, double lambda) implements Learner {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "XGBoost (%s, %d trees, max depth %d, eta %s, subsample %s)", task.key(), trees, maxDepth, eta, subsample);
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        Column y = TrainingRows.requireComplete(train, features, target);
        ctx.checkCancelled();
        if (task == Task.CLASSIFICATION && java.util.Arrays.stream(((CategoricalColumn) y).codes()).distinct().count() < 2) {
            throw new NodeFailure("The training rows hold only one class of '" + target + "'; boosting needs at least two.",
                    "Check the split (stratify it) or the target column.");
        }
        try {
            return train(train, features, target, (CategoricalColumn) (task == Task.CLASSIFICATION ? y : null), ctx.seed());
        } catch (LinkageError e) {
            // XGBoost is native code (it also needs the system's libgomp): say so instead of failing with a stack trace
            throw new NodeFailure("XGBoost's native library could not be loaded on this machine (" + e.getMessage() + ").",
                    "Use model.random-forest or model.extra-trees instead, or install libgomp1 (GNU OpenMP).");
        }
    }

    private TrainedModel train(Table train, List<String> features, String target, CategoricalColumn classes, long seed) {
        // gamma 0 (no minimum gain), min child weight 1, every feature per tree, no L1 penalty: XGBoost's defaults
        if (task == Task.REGRESSION) {
            var trainer = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, 0, maxDepth, 1, subsample, 1,
                    lambda, 0, 1, true, seed);
            return new TribuoRegressionModel(describe(), target, features, trainer.train(TribuoTables.regression(train, features, target)), Map.of());
        }
        var trainer = new XGBoostClassificationTrainer(trees, eta, 0, maxDepth, 1, subsample, 1, lambda, 0, 1, true, seed);
        return new TribuoClassifierModel(describe(), target, features, classes.levels(),
                trainer.train(TribuoTables.classification(train, features, target)));
    }
}
