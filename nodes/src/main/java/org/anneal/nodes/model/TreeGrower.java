package org.anneal.nodes.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART tree on binned features (see {@link BinnedFeatures}): at each node, per-bin sums (regression)
 * or class counts (classification) of the node's rows are accumulated for a random subset of the features and
 * the best "bin ≤ b" split is read off a single scan over the bins: largest variance reduction or Gini decrease,
 * both children holding at least {@code minLeaf} rows. Rows are kept as an index array in ascending order and
 * partitioned stably, so reading the byte columns stays cache-friendly. Histograms are rebuilt per node rather
 * than derived by subtraction from the parent: with a feature fraction below 1 the parent's histograms cover
 * other features than its children need. With {@code raw} columns given, splits are extremely randomised instead
 * (Geurts, Ernst & Wehenkel 2006, as scikit-learn's ExtraTrees): each candidate feature gets one threshold drawn
 * uniformly between its smallest and largest value in the node, on the raw values, and the best of those wins.
 * Not thread-safe; use one grower per thread.
 */
final class TreeGrower {
    private final BinnedFeatures x;
    private final double[] y;
    private final int[] cls;
    private final int classes;
    private final int maxDepth;
    private final int minLeaf;
    private final int featuresPerSplit;
    private final double[][] raw;

    private final double[] sums = new double[BinnedFeatures.MAX_BINS];
    private final int[] counts;
    private final double[] leftCounts;
    private final double[] rightCounts;
    private double lastThreshold;
    private int[] featureOrder;
    private int[] rows;
    private int[] scratch;
    private SplittableRandom random;

    private int size;
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[] value;

    /**
     * For regression pass {@code y} and {@code cls == null}; for classification {@code y == null}, codes 0..classes-1.
     * {@code raw} (the unbinned features) switches to extremely randomised splits; null for best splits.
     */
    TreeGrower(BinnedFeatures x, double[] y, int[] cls, int classes, int maxDepth, int minLeaf, int featuresPerSplit, double[][] raw) {
        this.x = x;
        this.y = y;
        this.cls = cls;
        this.classes = cls == null ? 1 : classes;
        this.maxDepth = maxDepth;
        this.minLeaf = Math.max(1, minLeaf);
        this.featuresPerSplit = Math.max(1, Math.min(featuresPerSplit, x.features()));
        this.counts = new int[BinnedFeatures.MAX_BINS * this.classes];
        this.leftCounts = new double[this.classes];
        this.rightCounts = new double[this.classes];
        this.raw = raw;
    }

    /** A tree on a bootstrap sample (n draws with replacement) or, without bootstrap, on every row once. */
    HistogramTree grow(SplittableRandom random, boolean bootstrap) {
        this.random = random;
        int n = x.rows;
        rows = new int[n];
        scratch = new int[n];
        if (bootstrap) {
            // Count the draws per row, then list rows in order: same multiset as n draws, already sorted.
            int[] drawn = new int[n];
            for (int i = 0; i < n; i++) {
                drawn[random.nextInt(n)]++;
            }
            int k = 0;
            for (int r = 0; r < n; r++) {
                for (int c = drawn[r]; c > 0; c--) {
                    rows[k++] = r;
                }
            }
        } else {
            for (int r = 0; r < n; r++) {
                rows[r] = r;
            }
        }
        featureOrder = new int[x.features()];
        for (int f = 0; f < featureOrder.length; f++) {
            featureOrder[f] = f;
        }
        size = 0;
        // The node arrays may have grown in an earlier tree of this grower: the values must match their capacity.
        value = new double[feature.length * classes];
        node(0, n, 0);
        HistogramTree t = new HistogramTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                Arrays.copyOf(right, size), Arrays.copyOf(value, size * classes), cls == null ? 0 : classes);
        rows = null;
        scratch = null;
        return t;
    }

    private int node(int start, int end, int depth) {
        int id = newNode();
        int n = end - start;
        boolean pure = setLeafValue(id, start, end);
        if (depth >= maxDepth || n < 2 * minLeaf || pure) {
            return id;
        }
        int bestFeature = -1;
        int bestBin = -1;
        // As scikit-learn: the best split is taken even when it does not lower the impurity (XOR needs a first split
        // that gains nothing), and features constant in this node do not count towards featuresPerSplit.
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestThreshold = Double.NaN;
        int visited = 0;
        // Fisher-Yates prefix: the first i entries are a uniform random subset, drawn until enough are usable.
        for (int i = 0; i < featureOrder.length && visited < featuresPerSplit; i++) {
            int j = i + random.nextInt(featureOrder.length - i);
            int f = featureOrder[j];
            featureOrder[j] = featureOrder[i];
            featureOrder[i] = f;
            long found = raw != null ? randomSplit(f, start, end, bestScore)
                    : cls == null ? bestRegressionSplit(f, start, end, bestScore) : bestClassificationSplit(f, start, end, bestScore);
            if (found == CONSTANT) {
                continue;
            }
            visited++;
            if (found >= 0) {
                bestFeature = f;
                bestBin = (int) found;
                bestScore = lastScore;
                bestThreshold = lastThreshold;
            }
        }
        if (bestFeature < 0) {
            return id;
        }
        int mid = raw != null ? partition(raw[bestFeature], bestThreshold, start, end) : partition(bestFeature, bestBin, start, end);
        feature[id] = bestFeature;
        threshold[id] = raw != null ? bestThreshold : x.edges[bestFeature][bestBin];
        int l = node(start, mid, depth + 1);
        int r = node(mid, end, depth + 1);
        left[id] = l;
        right[id] = r;
        return id;
    }

    private double lastScore;
    /** Returned by the split searches when every row of the node falls in one bin of the feature. */
    private static final long CONSTANT = -2;

    /** Mean or class proportions of the node's rows; true when the node cannot be improved (constant target). */
    private boolean setLeafValue(int id, int start, int end) {
        int n = end - start;
        if (cls == null) {
            double s = 0;
            for (int i = start; i < end; i++) {
                s += y[rows[i]];
            }
            double first = y[rows[start]];
            boolean constant = true;
            for (int i = start; i < end && constant; i++) {
                constant = y[rows[i]] == first;
            }
            value[id] = s / n;
            return constant;
        }
        int base = id * classes;
        for (int i = start; i < end; i++) {
            value[base + cls[rows[i]]]++;
        }
        int nonZero = 0;
        for (int k = 0; k < classes; k++) {
            nonZero += value[base + k] > 0 ? 1 : 0;
            value[base + k] /= n;
        }
        return nonZero <= 1;
    }

    /**
     * Variance reduction: maximising sL²/nL + sR²/nR is minimising the children's summed squared error.
     * Returns the best bin if it beats {@code toBeat} (its score in {@link #lastScore}), -1 if none does, or
     * {@link #CONSTANT}.
     */
    private long bestRegressionSplit(int f, int start, int end, double toBeat) {
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
    private long bestClassificationSplit(int f, int start, int end, double toBeat) {
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
    private long randomSplit(int f, int start, int end, double toBeat) {
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

    /** Stable partition of rows[start, end) by "value ≤ t" on raw values; returns where the right child starts. */
    private int partition(double[] v, double t, int start, int end) {
        int l = start;
        int r = 0;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            if (v[row] <= t) {
                rows[l++] = row;
            } else {
                scratch[r++] = row;
            }
        }
        System.arraycopy(scratch, 0, rows, l, r);
        return l;
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

    /** Stable partition of rows[start, end) by "bin ≤ b"; returns where the right child starts. */
    private int partition(int f, int bin, int start, int end) {
        byte[] code = x.codes[f];
        int l = start;
        int r = 0;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            if ((code[row] & 0xFF) <= bin) {
                rows[l++] = row;
            } else {
                scratch[r++] = row;
            }
        }
        System.arraycopy(scratch, 0, rows, l, r);
        return l;
    }

    private int newNode() {
        if (size == feature.length) {
            int cap = size * 2;
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            value = Arrays.copyOf(value, cap * classes);
        }
        feature[size] = -1;
        left[size] = -1;
        right[size] = -1;
        return size++;
    }
}
