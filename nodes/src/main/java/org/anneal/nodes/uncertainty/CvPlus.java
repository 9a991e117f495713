package org.anneal.nodes.uncertainty;

import java.util.Arrays;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.Folds;
import org.anneal.spec.ExecContext;
import org.anneal.spec.FoldStrategy;
import org.anneal.spec.NodeFailure;

/**
 * CV+ (Barber, Candès, Ramdas & Tibshirani 2021): k models, each fitted without one fold; row i of the training rows
 * gives its out-of-fold residual Rᵢ and, for a test row x, the prediction μ₋ₖ₍ᵢ₎(x) of the model that did not see it.
 * The interval's ends are ranked values of {μ₋ₖ₍ᵢ₎(x) − Rᵢ} and {μ₋ₖ₍ᵢ₎(x) + Rᵢ}: every training row calibrates, and
 * no rows are lost to a calibration set. Guaranteed coverage is 1 − 2α (in practice about 1 − α).
 *
 * @param lower per test row, the n values μ₋ₖ₍ᵢ₎(x) − Rᵢ, sorted
 * @param upper per test row, the n values μ₋ₖ₍ᵢ₎(x) + Rᵢ, sorted
 */
record CvPlus(double[][] lower, double[][] upper) {
    /** Test rows × training rows above which the sorted sets would not fit comfortably in memory. */
    static final long MAX_CELLS = 20_000_000L;

    static CvPlus fit(Learner learner, Table train, List<String> features, String target, int folds, long seed, Table test, ExecContext ctx) {
        int n = train.rowCount();
        if ((long) n * test.rowCount() > MAX_CELLS) {
            throw new NodeFailure("CV+ would hold " + n + " × " + test.rowCount() + " values; that is too many.",
                    "Use the split method for this many rows: its intervals cost one fit and one sort.");
        }
        if (n < folds) {
            throw new NodeFailure(n + " training rows cannot make " + folds + " folds.", "Lower folds or use more rows.");
        }
        int[] fold = Folds.assign(train, FoldStrategy.RANDOM, folds, seed);
        double[] y = train.numeric(target).values();
        double[][] lower = new double[test.rowCount()][n];
        double[][] upper = new double[test.rowCount()][n];
        for (int f = 0; f < folds; f++) {
            ctx.checkCancelled();
            int[] held = Folds.rows(fold, f, true);
            TrainedModel m = learner.fit(train.rows(Folds.rows(fold, f, false)), features, target, ctx);
            double[] heldPred = m.predict(train.rows(held));
            double[] testPred = m.predict(test);
            for (int h = 0; h < held.length; h++) {
                double r = Math.abs(y[held[h]] - heldPred[h]);
                for (int t = 0; t < testPred.length; t++) {
                    lower[t][held[h]] = testPred[t] - r;
                    upper[t][held[h]] = testPred[t] + r;
                }
            }
            ctx.progress((f + 1.0) / folds);
        }
        for (int t = 0; t < lower.length; t++) {
            Arrays.sort(lower[t]);
            Arrays.sort(upper[t]);
        }
        return new CvPlus(lower, upper);
    }

    /** Lower ends at this coverage: the ⌊α(n+1)⌋-th smallest of μ − R (−∞ when that rank is below 1). */
    double[] low(double coverage) {
        double[] out = new double[lower.length];
        for (int t = 0; t < out.length; t++) {
            int n = lower[t].length;
            int rank = (int) Math.floor((1 - coverage) * (n + 1) + 1e-9);
            out[t] = rank < 1 ? Double.NEGATIVE_INFINITY : lower[t][rank - 1];
        }
        return out;
    }

    /** Upper ends at this coverage: the ⌈(1−α)(n+1)⌉-th smallest of μ + R (+∞ when that rank exceeds n). */
    double[] high(double coverage) {
        double[] out = new double[upper.length];
        for (int t = 0; t < out.length; t++) {
            int n = upper[t].length;
            int rank = (int) Math.ceil(coverage * (n + 1) - 1e-9);
            out[t] = rank > n ? Double.POSITIVE_INFINITY : upper[t][rank - 1];
        }
        return out;
    }

    double[] calibrationCurve(double[] truth, double[] levels) {
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            out[k] = SplitConformal.coverage(truth, low(levels[k]), high(levels[k]));
        }
        return out;
    }
}
