package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;

/**
 * The fold loop behind Cross-validate, Tune (inner cross-validation) and the learning and validation curves:
 * fit on all folds but one, score on the held-out one, optionally repeated with fresh shuffles.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * One held-out fold.
     *
     * @param train the scores on the fold's own training rows, or null when not asked for
     */
    public record FoldScore(int repeat, int fold, int testRows, Metrics test, Metrics train) {
    }

    /** The plan: how folds are formed and how often. */
    public record Plan(FoldStrategy strategy, int folds, int repeats, long seed) {
        /** The shuffle seed of repeat {@code r}; repeat 0 keeps the node seed, so one repeat matches plain k-fold. */
        public long seedOf(int r) {
            return r == 0 ? seed : seed ^ (0x9E3779B97F4A7C15L * r);
        }
    }

    /**
     * Runs every fold of every repeat. {@code trainFraction} below 1 fits on that leading share of each fold's
     * (shuffled) training rows, for learning curves.
     */
    public static List<FoldScore> run(Learner learner, Table t, Plan plan, double trainFraction, boolean scoreTrain, ExecContext ctx,
            DoubleConsumer progress) {
        String target = t.target().map(Column::name).orElseThrow();
        List<String> features = t.features().stream().map(Column::name).toList();
        int k = plan.strategy() == FoldStrategy.LEAVE_ONE_OUT ? t.rowCount() : plan.folds();
        if (t.rowCount() < k) {
            throw new NodeFailure(t.rowCount() + " rows cannot fill " + k + " folds.", "Use fewer folds.");
        }
        List<FoldScore> out = new ArrayList<>();
        for (int r = 0; r < plan.repeats(); r++) {
            int[] fold = Folds.assign(t, plan.strategy(), k, plan.seedOf(r));
            for (int f = 0; f < k; f++) {
                ctx.checkCancelled();
                int[] trainRows = Folds.rows(fold, f, false);
                if (trainFraction < 1) {
                    trainRows = plan.strategy() == FoldStrategy.CONTIGUOUS ? leading(trainRows, trainFraction)
                            : subsample(trainRows, trainFraction, plan.seedOf(r) + 31L * f);
                }
                Table train = t.rows(trainRows);
                Table test = t.rows(Folds.rows(fold, f, true));
                TrainedModel m = learner.fit(train, features, target, ctx);
                out.add(new FoldScore(r, f, test.rowCount(), Scoring.score(m, test), scoreTrain ? Scoring.score(m, train) : null));
                progress.accept((r * k + f + 1.0) / (plan.repeats() * k));
            }
        }
        return out;
    }

    /**
     * How many of {@code n} training rows a share keeps: the floor, as scikit-learn's learning_curve (the small
     * epsilon keeps 0.55 × 160 at 88 despite rounding), but at least 2.
     */
    static int share(double fraction, int n) {
        return Math.min(n, Math.max(2, (int) Math.floor(fraction * n + 1e-9)));
    }

    /** The first share of the rows: unshuffled folds subsample without shuffling, like learning_curve(shuffle=False). */
    static int[] leading(int[] rows, double fraction) {
        return java.util.Arrays.copyOf(rows, share(fraction, rows.length));
    }

    /** A seeded random share of {@code rows} (at least 2), back in row order. */
    static int[] subsample(int[] rows, double fraction, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i : rows) {
            all.add(i);
        }
        int m = share(fraction, rows.length);
        return Folds.shuffled(all, new java.util.SplittableRandom(seed)).subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Mean of each score and its standard deviation across folds (as {@code name_sd}). */
    public static Map<String, Double> summarize(List<Metrics> folds) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (Metrics m : folds) {
            m.values().forEach((name, v) -> byName.computeIfAbsent(name, x -> new ArrayList<>()).add(v));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        byName.forEach((name, vs) -> {
            double[] ms = meanSd(vs.stream().mapToDouble(Double::doubleValue).toArray());
            out.put(name, ms[0]);
            out.put(name + "_sd", ms[1]);
        });
        return out;
    }

    /** Mean and sample standard deviation (0 for a single value). */
    public static double[] meanSd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0};
    }
}
