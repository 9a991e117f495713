package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;

/**
 * A CART decision tree ({@code trees = 1}, every row, every feature) or a random forest of trees grown on bootstrap
 * samples, each split considering a random fraction of the features. Written in Anneal rather than using Tribuo's
 * CART (still available as {@link TribuoTreeTrainer}), which took 72 s for 20 depth-8 trees on 10,000 rows where
 * scikit-learn took 0.94 s (76×, bench/sklearn-bench-2026-11-23.json). Here features are quantile-binned once into
 * ≤ 256 bins and each node's best split is read from per-bin histograms (see {@link TreeGrower}), the method of
 * LightGBM and scikit-learn's HistGradientBoosting. Trees are grown on {@code threads} threads; results do not depend
 * on the thread count.
 */
public record TreeLearner(Task task, int maxDepth, int trees, double featureFraction, int threads) implements Learner {

    /** Minimum rows per leaf: 5 for regression (a mean of fewer is mostly noise), 1 for classification, as before. */
    static int minLeaf(Task task) {
        return task == Task.REGRESSION ? 5 : 1;
    }

    /** Grows the trees on every available core. */
    public TreeLearner(Task task, int maxDepth, int trees, double featureFraction) {
        this(task, maxDepth, trees, featureFraction, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String describe() {
        return trees == 1 ? String.format(Locale.ROOT, "Decision tree (histogram CART, %s, max depth %d)", task.key(), maxDepth)
                : String.format(Locale.ROOT, "Random forest (histogram CART, %s, %d trees, max depth %d, %.2f of features per split)",
                        task.key(), trees, maxDepth, featureFraction);
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        TrainingRows.requireCompleteAndSome(train, features, target);
        ctx.checkCancelled();
        return HistogramForest.fit(describe(), task, train, features, target, maxDepth, trees, featureFraction, minLeaf(task), threads, ctx);
    }
}
