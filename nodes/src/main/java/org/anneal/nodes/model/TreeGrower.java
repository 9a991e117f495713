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
 * The split searches themselves are in {@link SplitFinder}. Not thread-safe; use one grower per thread.
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

    private final SplitFinder splits;
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
        this.raw = raw;
        this.splits = new SplitFinder(x, y, cls, this.classes, this.minLeaf, raw);
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
            long found = raw != null ? splits.randomSplit(rows, f, start, end, bestScore, random)
                    : cls == null ? splits.bestRegressionSplit(rows, f, start, end, bestScore) : splits.bestClassificationSplit(rows, f, start, end, bestScore);
            if (found == SplitFinder.CONSTANT) {
                continue;
            }
            visited++;
            if (found >= 0) {
                bestFeature = f;
                bestBin = (int) found;
                bestScore = splits.lastScore();
                bestThreshold = splits.lastThreshold();
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
