package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees by XGBoost (xgboost4j 1.6.2, through Tribuo's XGBoost trainers): squared error for
 * regression, softmax cross-entropy for classification. Runs on one thread so parallel branches share the CPU fairly.
 *
 * @param lambda   L2 penalty on leaf values (XGBoost's reg_lambda)
 * @param monotone feature name → +1 (prediction never falls as it grows) or −1 (never rises): XGBoost's
 *                 {@code monotone_constraints}; empty = unconstrained
 */
public record XGBoostLearner(Task task, int trees, int maxDepth, double eta, double subsample, double lambda, Map<String, Integer> monotone)
        implements Learner {

    public XGBoostLearner {
        monotone = Map.copyOf(monotone);
    }

    public XGBoostLearner(Task task, int trees, int maxDepth, double eta, double subsample, double lambda) {
        this(task, trees, maxDepth, eta, subsample, lambda, Map.of());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "XGBoost (%s, %d trees, max depth %d, eta %s, subsample %s%s)", task.key(), trees, maxDepth, eta, subsample,
                monotone.isEmpty() ? "" : ", monotone in " + new java.util.TreeMap<>(monotone));
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        Column y = TrainingRows.requireComplete(train, features, target);
        for (String name : monotone.keySet()) {
            if (!features.contains(name)) {
                throw new NodeFailure("The monotone constraint names '" + name + "', which is not a feature of the training rows " + features + ".",
                        "Correct the 'increasing' / 'decreasing' lists of the XGBoost block.");
            }
        }
        ctx.checkCancelled();
        if (task == Task.CLASSIFICATION && java.util.Arrays.stream(((CategoricalColumn) y).codes()).distinct().count() < 2) {
            throw new NodeFailure("The training rows hold only one class of '" + target + "'; boosting needs at least two.",
                    "Check the split (stratify it) or the target column.");
        }
        try {
            // XGBoost's native boosting loop never checks for cancellation: run it where it can be abandoned (issue 14)
            return Cancellable.abandonable(ctx, "xgboost", () -> train(train, features, target, (CategoricalColumn) (task == Task.CLASSIFICATION ? y : null), ctx.seed()));
        } catch (LinkageError e) {
            // XGBoost is native code (it also needs the system's libgomp): say so instead of failing with a stack trace
            throw new NodeFailure("XGBoost's native library could not be loaded on this machine (" + e.getMessage() + ").",
                    "Use model.random-forest or model.extra-trees instead, or install libgomp1 (GNU OpenMP).");
        }
    }

    private TrainedModel train(Table train, List<String> features, String target, CategoricalColumn classes, long seed) {
        // gamma 0 (no minimum gain), min child weight 1, every feature per tree, no L1 penalty: XGBoost's defaults
        if (!monotone.isEmpty()) {
            return constrained(train, features, target, seed);
        }
        if (task == Task.REGRESSION) {
            var trainer = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, 0, maxDepth, 1, subsample, 1,
                    lambda, 0, 1, true, seed);
            return new TribuoRegressionModel(describe(), target, features, trainer.train(TribuoTables.regression(train, features, target)), Map.of());
        }
        var trainer = new XGBoostClassificationTrainer(trees, eta, 0, maxDepth, 1, subsample, 1, lambda, 0, 1, true, seed);
        return new TribuoClassifierModel(describe(), target, features, classes.levels(),
                trainer.train(TribuoTables.classification(train, features, target)));
    }

    /**
     * The same boosting with XGBoost's {@code monotone_constraints}, passed through Tribuo's parameter-map constructors
     * (the positional ones have no slot for it). The constraint string follows Tribuo's feature ids, which are not the
     * column order, so it is built from the dataset's own feature map.
     */
    private TrainedModel constrained(Table train, List<String> features, String target, long seed) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("eta", eta);
        params.put("gamma", 0.0);
        params.put("max_depth", maxDepth);
        params.put("min_child_weight", 1.0);
        params.put("subsample", subsample);
        params.put("colsample_bytree", 1.0);
        params.put("lambda", lambda);
        params.put("alpha", 0.0);
        params.put("nthread", 1);
        params.put("verbosity", 0);
        params.put("seed", seed);
        if (task == Task.REGRESSION) {
            var data = TribuoTables.regression(train, features, target);
            params.put("monotone_constraints", constraints(data.getFeatureIDMap()));
            params.put("objective", "reg:squarederror"); // the map form must name it; LINEAR is this
            var trainer = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, trees, params);
            return new TribuoRegressionModel(describe(), target, features, trainer.train(data), Map.of());
        }
        // softmax over per-class scores: constraining every class's score does not make any probability monotone
        throw new NodeFailure("Monotone constraints are offered for regression only.", "Clear 'increasing' and 'decreasing', or predict a number.");
    }

    private String constraints(org.tribuo.ImmutableFeatureMap ids) {
        int[] sign = new int[ids.size()];
        monotone.forEach((name, s) -> sign[ids.getID(name)] = s);
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < sign.length; i++) {
            out.append(i == 0 ? "" : ",").append(sign[i]);
        }
        return out.append(')').toString();
    }
}
