package org.anneal.nodes.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The split searches of {@link TreeGrower}, one feature at a time: the best "bin ≤ b" split from per-bin sums
 * (regression) or class counts (classification), or one extremely randomised threshold on the raw values. The
 * per-bin buffers are allocated once and reused for every node and feature, which is why this is an object and
 * why it is not thread-safe. A search reports its result as a long: the bin (0 for a random split) if it beats the
 * score to beat, -1 if it does not, or {@link #CONSTANT}; the winning score is then in {@link #lastScore()}.
 */
final class SplitFinder {
    /** Returned by the split searches when every row of the node falls in one bin of the feature. */
    static final long CONSTANT = -2;

    private final BinnedFeatures x;
    private final double[] y;
    private final int[] cls;
    private final int classes;
    private final int minLeaf;
    private final double[][] raw;

    private final double[] sums = new double[BinnedFeatures.MAX_BINS];
    private final int[] counts;
    private final double[] leftCounts;
    private final double[] rightCounts;
    private double lastScore;
    private double lastThreshold;

    /** As {@link TreeGrower}'s constructor: {@code classes} is 1 for regression, {@code minLeaf} at least 1. */
    SplitFinder(BinnedFeatures x, double[] y, int[] cls, int classes, int minLeaf, double[][] raw) {
        this.x = x;
        this.y = y;
        this.cls = cls;
        this.classes = classes;
        this.minLeaf = minLeaf;
        this.raw = raw;
        this.counts = new int[BinnedFeatures.MAX_BINS * classes];
        this.leftCounts = new double[classes];
        this.rightCounts = new double[classes];
    }

    /** The score of the split the last search found. */
    double lastScore() {
        return lastScore;
    }

    /** The raw-value threshold the last successful {@link #randomSplit} drew. */
    double lastThreshold() {
        return lastThreshold;
    }

    /**
     * Variance reduction: maximising sL²/nL + sR²/nR is minimising the children's summed squared error.
     * Returns the best bin if it beats {@code toBeat} (its score in {@link #lastScore}), -1 if none does, or
     * {@link #CONSTANT}.
     */
    long bestRegressionSplit(int[] rows, int f, int start, int end, double toBeat) {
        int bins = x.bins(f);
        byte[] code = x.codes[f];
        Arrays.fill(sums, 0, bins, 0);
        Arrays.fill(counts, 0, bins, 0);
        double total = 0;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            int b = code[r] & 0xFF;
            sums[b] += y[r];
            counts[b]++;
            total += y[r];
        }
        int n = end - start;
        if (oneBin(counts, bins, n)) {
            return CONSTANT;
        }
        double sl = 0;
        int nl = 0;
        long best = -1;
        double bestScore = toBeat;
        for (int b = 0; b < bins - 1; b++) {
            sl += sums[b];
            nl += counts[b];
            int nr = n - nl;
            if (nr < minLeaf) {
                break;
            }
            if (nl < minLeaf || counts[b] == 0) {
                continue;
            }
            double sr = total - sl;
            double score = sl * sl / nl + sr * sr / nr;
            if (score > bestScore) {
                bestScore = score;
                best = b;
            }
        }
        lastScore = bestScore;
        return best;
    }

    /** Gini decrease: maximising Σ_L c²/nL + Σ_R c²/nR over class counts c is minimising the children's weighted Gini. */
    long bestClassificationSplit(int[] rows, int f, int start, int end, double toBeat) {
        int bins = x.bins(f);
        byte[] code = x.codes[f];
        Arrays.fill(counts, 0, bins * classes, 0);
        Arrays.fill(sums, 0, bins, 0);
        for (int i = start; i < end; i++) {
            int r = rows[i];
            int b = code[r] & 0xFF;
            counts[b * classes + cls[r]]++;
            sums[b]++;
        }
        int n = end - start;
        if (oneBin(sums, bins, n)) {
            return CONSTANT;
        }
        double[] total = new double[classes];
        for (int b = 0; b < bins; b++) {
            for (int k = 0; k < classes; k++) {
                total[k] += counts[b * classes + k];
            }
        }
        Arrays.fill(leftCounts, 0);
        int nl = 0;
        long best = -1;
        double bestScore = toBeat;
        for (int b = 0; b < bins - 1; b++) {
            for (int k = 0; k < classes; k++) {
                leftCounts[k] += counts[b * classes + k];
            }
            nl += (int) sums[b];
            int nr = n - nl;
            if (nr < minLeaf) {
                break;
            }
            if (nl < minLeaf || sums[b] == 0) {
                continue;
            }
            double ql = 0;
            double qr = 0;
            for (int k = 0; k < classes; k++) {
                ql += leftCounts[k] * leftCounts[k];
                double rk = total[k] - leftCounts[k];
                qr += rk * rk;
            }
            double score = ql / nl + qr / nr;
            if (score > bestScore) {
                bestScore = score;
                best = b;
            }
        }
        lastScore = bestScore;
        return best;
    }

    /**
     * One uniform threshold between the node's smallest and largest value of feature f (scikit-learn's rule: a draw
     * that rounds to the largest becomes the smallest). Returns 0 with its score in {@link #lastScore} and the
     * threshold in {@link #lastThreshold} if it leaves {@code minLeaf} rows on each side and beats {@code toBeat};
     * else -1, or {@link #CONSTANT}.
     */
    long randomSplit(int[] rows, int f, int start, int end, double toBeat, SplittableRandom random) {
        double[] v = raw[f];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            double a = v[rows[i]];
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        if (lo >= hi) {
            return CONSTANT;
        }
        double t = lo + random.nextDouble() * (hi - lo);
        t = t >= hi ? lo : t;
        int n = end - start;
        int nl = 0;
        double score;
        if (cls == null) {
            double sl = 0;
            double total = 0;
            for (int i = start; i < end; i++) {
                int r = rows[i];
                total += y[r];
                if (v[r] <= t) {
                    sl += y[r];
                    nl++;
                }
            }
            int nr = n - nl;
            if (nl < minLeaf || nr < minLeaf) {
                return -1;
            }
            double sr = total - sl;
            score = sl * sl / nl + sr * sr / nr;
        } else {
            Arrays.fill(leftCounts, 0);
            Arrays.fill(rightCounts, 0);
            for (int i = start; i < end; i++) {
                int r = rows[i];
                if (v[r] <= t) {
                    leftCounts[cls[r]]++;
                    nl++;
                } else {
                    rightCounts[cls[r]]++;
                }
            }
            int nr = n - nl;
            if (nl < minLeaf || nr < minLeaf) {
                return -1;
            }
            double ql = 0;
            double qr = 0;
            for (int k = 0; k < classes; k++) {
                ql += leftCounts[k] * leftCounts[k];
                qr += rightCounts[k] * rightCounts[k];
            }
            score = ql / nl + qr / nr;
        }
        if (score <= toBeat) {
            return -1;
        }
        lastScore = score;
        lastThreshold = t;
        return 0;
    }

    private static boolean oneBin(int[] counts, int bins, int n) {
        for (int b = 0; b < bins; b++) {
            if (counts[b] != 0) {
                return counts[b] == n;
            }
        }
        return true;
    }

    private static boolean oneBin(double[] counts, int bins, int n) {
        for (int b = 0; b < bins; b++) {
            if (counts[b] != 0) {
                return counts[b] == n;
            }
        }
        return true;
    }
}
