package org.anneal.nodes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.spec.ExecContext;

/**
 * Trains a histogram CART tree or forest (Anneal's own, see {@link TreeLearner} for why). Each tree gets its own
 * seed drawn in order from the node seed before any tree starts, so the result does not depend on the thread count.
 */
final class HistogramForest {
    private static final int LIME_ROWS = 5_000;

    private HistogramForest() {
    }

    /**
     * A tree ({@code trees == 1}: every row and every feature) or a random forest (bootstrap samples); callers have
     * checked that features and target are complete.
     */
    static HistogramForestModel fit(String describe, Task task, Table train, List<String> features, String target, int maxDepth,
                                    int trees, double featureFraction, int minLeaf, int threads, ExecContext ctx) {
        return fit(describe, task, train, features, target, maxDepth, trees, trees == 1 ? 1.0 : featureFraction, minLeaf, threads,
                trees > 1, false, ctx);
    }

    /** Extremely randomised trees, each on every row (as the original method and scikit-learn). */
    static HistogramForestModel fitExtra(String describe, Task task, Table train, List<String> features, String target, int maxDepth,
                                         int trees, double featureFraction, int minLeaf, int threads, ExecContext ctx) {
        return fit(describe, task, train, features, target, maxDepth, trees, featureFraction, minLeaf, threads, false, true, ctx);
    }

    private static HistogramForestModel fit(String describe, Task task, Table train, List<String> features, String target, int maxDepth,
                                            int trees, double featureFraction, int minLeaf, int threads, boolean bootstrap,
                                            boolean randomSplits, ExecContext ctx) {
        double[][] cols = new double[features.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = train.numeric(features.get(j)).values();
        }
        SplittableRandom master = new SplittableRandom(ctx.seed());
        BinnedFeatures x = BinnedFeatures.of(cols, train.rowCount(), master.nextLong());
        ctx.checkCancelled();
        double[] y = task == Task.REGRESSION ? train.numeric(target).values() : null;
        CategoricalColumn c = task == Task.CLASSIFICATION ? (CategoricalColumn) train.column(target).orElseThrow() : null;
        int[] cls = c == null ? null : c.codes();
        int classes = c == null ? 0 : c.levels().size();
        // scikit-learn's rule for max_features as a fraction: at least one feature.
        int perSplit = Math.max(1, (int) (featureFraction * x.features()));
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            seeds[t] = master.nextLong();
        }
        int pool = Math.max(1, Math.min(threads, trees));
        List<HistogramTree> grown = new ArrayList<>(trees);
        ThreadLocal<TreeGrower> growers = ThreadLocal.withInitial(() -> new TreeGrower(x, y, cls, classes, maxDepth, minLeaf, perSplit,
                randomSplits ? cols : null));
        if (pool == 1) {
            for (int t = 0; t < trees; t++) {
                ctx.checkCancelled();
                grown.add(growers.get().grow(new SplittableRandom(seeds[t]), bootstrap));
                ctx.progress((t + 1.0) / trees);
            }
        } else {
            ExecutorService exec = Executors.newFixedThreadPool(pool, r -> {
                Thread th = new Thread(r, "anneal-forest");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<HistogramTree>> futures = new ArrayList<>(trees);
                for (int t = 0; t < trees; t++) {
                    long seed = seeds[t];
                    futures.add(exec.submit(() -> growers.get().grow(new SplittableRandom(seed), bootstrap)));
                }
                for (int t = 0; t < trees; t++) {
                    ctx.checkCancelled();
                    grown.add(futures.get(t).get());
                    ctx.progress((t + 1.0) / trees);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while growing trees", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                exec.shutdownNow();
            }
        }
        return new HistogramForestModel(describe, task, target, features, c == null ? List.of() : c.levels(), grown,
                c == null ? null : limeSample(train));
    }

    /** Up to LIME_ROWS training rows, evenly spaced: enough for the feature means and spreads LIME samples from. */
    private static Table limeSample(Table train) {
        int n = train.rowCount();
        if (n <= LIME_ROWS) {
            return train;
        }
        int[] rows = new int[LIME_ROWS];
        for (int i = 0; i < LIME_ROWS; i++) {
            rows[i] = (int) ((long) i * n / LIME_ROWS);
        }
        return train.rows(rows);
    }
}
