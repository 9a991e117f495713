package org.anneal.lineage;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Rank statistics (Spearman, AUC) decided without sorting a column when they are clearly below their threshold, which on
 * a million rows is nearly always. One pass drops each value into one of {@value #BUCKETS} equal-width buckets over the
 * column's range (a counting sort, kept order-preserving), so each row's rank is known to within its bucket: the
 * bucket's middle rank, give or take half the bucket's count. From these the rank correlation or the AUC is bounded
 * from above; only a statistic whose bound reaches its threshold is computed exactly, from the sorted column, with the
 * same arithmetic as before. A finding therefore quotes the exact value, and no value the bound rules out could have
 * exceeded the threshold.
 */
final class RankScreen {
    static final int BUCKETS = 1 << 13;
    static final int COARSE = 1 << 6;
    static final int FINE_PER_COARSE = BUCKETS / COARSE;
    /** Room for rounding in the bound's sums over a million rows, so a bound never decides a case that is this close. */
    private static final double MARGIN = 1e-6;
    /** What {@link #aucIfAbove} says of an AUC too far from 0 and 1 to matter. */
    static final double RULED_OUT = -1;

    private final Map<double[], Bucketed> bucketed = new IdentityHashMap<>();
    private final Map<double[], Coarse> coarse = new IdentityHashMap<>();
    private final Map<double[], double[]> exact = new IdentityHashMap<>();

    /**
     * A column's values counted in {@value #BUCKETS} order-preserving buckets of equal width over its range: all that
     * {@link #closeShare} needs, and the common part of {@link Bucketed} and {@link Coarse}, which bucket alike.
     */
    static class Histogram {
        final int n;
        final int[] count = new int[BUCKETS];
        final boolean constant;
        /** Width of a bucket, in the column's units. */
        final double width;
        final double min;
        final double scale;

        Histogram(double[] v) {
            this(v.length, rangeOf(v));
        }

        private Histogram(int n, double[] range) {
            this(n, range[0], range[1]);
        }

        /** Buckets over a range already known (the smallest and largest of the n values), not yet counted. */
        Histogram(int n, double lo, double hi) {
            this.n = n;
            min = lo;
            constant = !(hi > lo) || Double.isInfinite(hi - lo); // no range to divide: decided exactly
            scale = constant ? 0 : BUCKETS / (hi - lo);
            width = constant ? 0 : (hi - lo) / BUCKETS;
        }

        private static double[] rangeOf(double[] v) {
            double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
                range(v, from, Chunks.end(from, v.length), range);
            }
            return range;
        }

        /** The smallest and largest of values {@code from} to {@code to}, into {@code range}, a piece at a time ({@link Chunks}). */
        static void range(double[] v, int from, int to, double[] range) {
            double lo = range[0];
            double hi = range[1];
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            range[0] = lo;
            range[1] = hi;
        }

        /**
         * The bucket of value x: monotone in x, so a larger value never lands in an earlier bucket. Clamped without a branch
         * (a NaN or anything below the minimum to 0, the maximum and beyond to the last bucket, as the comparisons did):
         * the two ends are met once a column, and a branch taken that rarely made the compiled loop trap and be compiled again.
         */
        final int bucketOf(double x) {
            return Math.min(BUCKETS - 1, Math.max(0, (int) ((x - min) * scale)));
        }

        /**
         * The chance that another row lies within {@code reach} (in the column's units) of a row: the share of rows in the
         * buckets that reach spans around each row's bucket, averaged over the rows. For a column coarser than the reach
         * (few distinct values) that is the share of rows sharing a value; for a fine one, the density times the reach.
         */
        double closeShare(double reach) {
            if (constant) {
                return 1;
            }
            int w = (int) Math.min(BUCKETS, Math.ceil(reach / width));
            long[] prefix = new long[BUCKETS + 1];
            for (int b = 0; b < BUCKETS; b++) {
                prefix[b + 1] = prefix[b] + count[b];
            }
            double p = 0;
            for (int b = 0; b < BUCKETS; b++) {
                if (count[b] > 0) {
                    long near = prefix[Math.min(BUCKETS, b + w + 1)] - prefix[Math.max(0, b - w)];
                    p += count[b] / (double) n * near / n;
                }
            }
            return p;
        }
    }

    /** A column's values placed in order-preserving buckets: per row its bucket, per bucket its first rank and count. */
    static final class Bucketed extends Histogram {
        final int[] bucket;
        final int[] start;
        /** Per bucket its middle rank and half its count less one, side by side: one cache line per row looked up. */
        private final double[] midHalf = new double[2 * BUCKETS];

        Bucketed(double[] v) {
            super(v);
            bucket = new int[n];
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                place(v, from, Chunks.end(from, n));
            }
            start = new int[BUCKETS];
            for (int b = 0; b < BUCKETS; b++) {
                start[b] = b == 0 ? 0 : start[b - 1] + count[b - 1];
                midHalf[2 * b] = start[b] + (count[b] + 1) / 2.0;
                midHalf[2 * b + 1] = (count[b] - 1) / 2.0;
            }
        }

        private void place(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                int b = bucketOf(v[i]);
                bucket[i] = b;
                count[b]++;
            }
        }

        /** The middle of the ranks (1-based) the row's bucket spans: its rank averaged over every order within the bucket. */
        double mid(int i) {
            return midHalf[2 * bucket[i]];
        }

        /** How far the row's true rank can lie from {@link #mid}. */
        double half(int i) {
            return midHalf[2 * bucket[i] + 1];
        }
    }

    /**
     * The same buckets {@value #FINE_PER_COARSE} at a time: per row one of {@value #COARSE} coarse buckets (a byte), and the
     * fine counts. Two columns' coarse buckets make a {@value #COARSE} × {@value #COARSE} table, from which the rank bound
     * follows as it does row by row ({@link #coarseBound}) in a pass that only counts: on a million rows a fraction of the
     * fine bound's cost, and far enough from the threshold for nearly every feature (issue 16, "Performance").
     */
    static final class Coarse extends Histogram {
        private final double[] values;
        /** Per row its coarse bucket; for buckets counted by {@link TargetRead}, placed only when a bound between two features asks. */
        private byte[] row;

        Coarse(double[] v) {
            super(v);
            values = v;
            row = new byte[n];
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                place(v, from, Chunks.end(from, n));
            }
        }

        /**
         * Coarse buckets of {@code v} over its range (known already), counted by the caller ({@link TargetRead}, whose own
         * pair counts need no row's bucket kept): D4's bound between two features asks the rows of two or three of them.
         */
        Coarse(double[] v, double lo, double hi) {
            super(v.length, lo, hi);
            values = v;
        }

        private void place(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                int b = bucketOf(v[i]);
                count[b]++;
                row[i] = (byte) (b / FINE_PER_COARSE);
            }
        }

        /** Keeps every row's coarse bucket, placed by the caller with the counts. */
        void keepRows(byte[] r) {
            row = r;
        }

        /** Per row its coarse bucket. */
        byte[] rows() {
            if (row == null) {
                byte[] r = new byte[n];
                for (int from = 0; from < n; from = Chunks.end(from, n)) {
                    rows(r, from, Chunks.end(from, n));
                }
                row = r;
            }
            return row;
        }

        private void rows(byte[] r, int from, int to) {
            for (int i = from; i < to; i++) {
                r[i] = (byte) (bucketOf(values[i]) / FINE_PER_COARSE);
            }
        }

        /** Per coarse bucket its middle rank (1-based) and half its count less one, as {@link Bucketed} has them per fine one. */
        double[][] midsAndHalves() {
            double[] mid = new double[COARSE];
            double[] half = new double[COARSE];
            int start = 0;
            for (int c = 0; c < COARSE; c++) {
                int rows = 0;
                for (int b = c * FINE_PER_COARSE; b < (c + 1) * FINE_PER_COARSE; b++) {
                    rows += count[b];
                }
                mid[c] = start + (rows + 1) / 2.0;
                half[c] = (rows - 1) / 2.0;
                start += rows;
            }
            return new double[][] {mid, half};
        }
    }

    /** Arrays hash and compare by identity, so a concurrent map of them is an identity map that other threads may ask too. */
    private final Map<double[], Boolean> missing = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the column has a missing value (NaN), asked once per column however many checks ask; the one part of this
     * class that threads share (D9's reading of the features asks it beside the checks of the calling thread).
     */
    boolean hasMissing(double[] v) {
        return missing.computeIfAbsent(v, a -> {
            for (int from = 0; from < a.length; from = Chunks.end(from, a.length)) {
                if (hasNaN(a, from, Chunks.end(from, a.length))) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Whether the column has a missing value, as {@code missingCount() > 0} says; a numeric column's answer asked once per
     * column ({@link #hasMissing(double[])}), so D3, D8 and D9 read a target or a feature for it once between them.
     */
    boolean hasMissing(org.anneal.data.Column c) {
        return c instanceof org.anneal.data.NumericColumn n ? hasMissing(n.values()) : c.missingCount() > 0;
    }

    private static boolean hasNaN(double[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Double.isNaN(v[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the column has a missing value when that is known already (null: not asked yet), without reading it. */
    Boolean knownMissing(double[] v) {
        return missing.get(v);
    }

    /** Keeps the answer of a pass that read the column anyway (unless another thread kept one first: the same answer). */
    void keepMissing(double[] v, boolean hasMissing) {
        missing.putIfAbsent(v, hasMissing);
    }

    /** Keeps the coarse buckets of a column made elsewhere ({@link TargetRead}); false when the column had some already. */
    boolean keepCoarse(double[] v, Coarse c) {
        return coarse.putIfAbsent(v, c) == null;
    }

    /** Whether the column's coarse buckets or its moments were made already. */
    boolean readBefore(double[] v) {
        return coarse.containsKey(v) || moments.containsKey(v);
    }

    /** Distinct values of a column, counted by D9's reading on one thread and asked by D8 on another. */
    private final Map<double[], Integer> distinct = new java.util.concurrent.ConcurrentHashMap<>();

    /** Keeps a column's distinct values as {@code Double.equals} counts them (a negative count is not kept). */
    void keepDistinct(double[] v, int count) {
        if (count >= 0) {
            distinct.put(v, count);
        }
    }

    /** {@link #keepDistinct}'s count of the column, or -1 when none was kept (yet: the answer may come later). */
    int knownDistinct(double[] v) {
        return distinct.getOrDefault(v, -1);
    }

    /** A column's sum and its sum of squares about the mean, by {@link #keepMoments}; this thread's checks only. */
    private final Map<double[], double[]> moments = new IdentityHashMap<>();

    /**
     * Keeps what D3's straight line summed over a column without missing values (its sum in row order, then its squares
     * about sum / n in row order), which are the very sums D4's standardizing takes: D4 reuses them instead of two more
     * passes over each column (issue 16, "Performance").
     */
    void keepMoments(double[] v, double sum, double squares) {
        moments.put(v, new double[] {sum, squares});
    }

    /** {@link #keepMoments}' sum and squares of the column, or null. */
    double[] moments(double[] v) {
        return moments.get(v);
    }

    Bucketed bucketed(double[] v) {
        return bucketed.computeIfAbsent(v, Bucketed::new);
    }

    /** The column's bucket counts, from whichever bucketing of it was made already. */
    Histogram histogram(double[] v) {
        Histogram h = bucketed.get(v);
        return h != null ? h : coarse(v);
    }

    Coarse coarse(double[] v) {
        return coarse.computeIfAbsent(v, Coarse::new);
    }

    /**
     * The bound on |Spearman| that {@link #spearmanIfAbove} works out row by row, from the coarse buckets: the rows counted
     * by pair of coarse buckets, each row's rank its coarse bucket's middle give or take half the bucket. Valid as the fine
     * bound is (true ranks are the middle plus offsets summing to 0 within a bucket), only looser.
     */
    double coarseBound(double[] x, double[] y) {
        Coarse a = coarse(x);
        Coarse b = coarse(y);
        if (a.constant || b.constant) {
            return Double.POSITIVE_INFINITY;
        }
        int[] joint = new int[COARSE * COARSE];
        for (int from = 0; from < a.n; from = Chunks.end(from, a.n)) {
            countPairs(joint, a.rows(), b.rows(), from, Chunks.end(from, a.n));
        }
        CheckBounds.checkInterrupted();
        return coarseBound(a, b, joint);
    }

    /**
     * {@link #coarseBound(double[], double[])} from the rows counted by pair of coarse buckets ({@code joint}, row-major
     * by {@code a}'s bucket), however they were counted.
     */
    static double coarseBound(Coarse a, Coarse b, int[] joint) {
        if (a.constant || b.constant) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] ma = a.midsAndHalves();
        double[][] mb = b.midsAndHalves();
        double mean = (a.n + 1) / 2.0;
        double cov = 0;
        double va = 0;
        double vb = 0;
        double slack = 0;
        for (int p = 0; p < COARSE; p++) {
            double da = ma[0][p] - mean;
            for (int q = 0; q < COARSE; q++) {
                int rows = joint[p * COARSE + q];
                if (rows > 0) {
                    double db = mb[0][q] - mean;
                    cov += rows * da * db;
                    va += rows * da * da;
                    vb += rows * db * db;
                    slack += rows * (ma[1][p] * Math.abs(db) + mb[1][q] * Math.abs(da) + ma[1][p] * mb[1][q]);
                }
            }
        }
        return (Math.abs(cov) + slack) / Math.sqrt(va * vb);
    }

    private static void countPairs(int[] joint, byte[] ra, byte[] rb, int from, int to) {
        for (int i = from; i < to; i++) {
            joint[(ra[i] & (COARSE - 1)) * COARSE + (rb[i] & (COARSE - 1))]++; // masks: the index is in the table, unchecked
        }
    }

    /** Ranks with ties averaged, as {@link TargetProxies#ranks}, kept for the column's next exact use. */
    double[] ranks(double[] v) {
        return exact.computeIfAbsent(v, TargetProxies::ranks);
    }

    /**
     * |Spearman| of {@code x} and {@code y} when it may exceed {@code threshold}, else NaN (it cannot). Exact whenever a
     * number is returned.
     */
    double spearmanIfAbove(double[] x, double[] y, double threshold) {
        return spearmanIfAbove(x, y, threshold, coarseBound(x, y));
    }

    /** As {@link #spearmanIfAbove(double[], double[], double)}, the coarse bound of x and y given. */
    double spearmanIfAbove(double[] x, double[] y, double threshold, double coarseBound) {
        if (coarseBound < threshold - MARGIN) {
            return Double.NaN; // ruled out by the coarse buckets, without a pass through the fine ones
        }
        Bucketed a = bucketed(x);
        Bucketed b = bucketed(y);
        if (!a.constant && !b.constant) {
            double mean = (a.n + 1) / 2.0;
            double cov = 0;
            double va = 0;
            double vb = 0;
            double slack = 0;
            for (int i = 0; i < a.n; i++) {
                double da = a.mid(i) - mean;
                double db = b.mid(i) - mean;
                double ha = a.half(i);
                double hb = b.half(i);
                cov += da * db;
                va += da * da;
                vb += db * db;
                slack += ha * Math.abs(db) + hb * Math.abs(da) + ha * hb;
                if ((i & 0x3FFFF) == 0) {
                    CheckBounds.checkInterrupted();
                }
            }
            // true ranks = middle + an offset summing to 0 within a bucket: the covariance moves by at most the slack, and
            // each variance can only grow
            double bound = (Math.abs(cov) + slack) / Math.sqrt(va * vb);
            if (bound < threshold - MARGIN) {
                return Double.NaN;
            }
        }
        return Math.abs(TargetProxies.pearson(ranks(x), ranks(y)));
    }

    /**
     * The AUC of {@code x} for class {@code k} against the rest when max(AUC, 1 − AUC) may exceed {@code threshold};
     * {@link #RULED_OUT} when it cannot; NaN when the class is empty or everything.
     */
    double aucIfAbove(double[] x, int[] codes, int k, double threshold) {
        Bucketed a = bucketed(x);
        if (!a.constant) {
            int[] inBucket = new int[BUCKETS];
            double sum = 0;
            long pos = 0;
            for (int i = 0; i < a.n; i++) {
                if (codes[i] == k) {
                    sum += a.mid(i);
                    pos++;
                    inBucket[a.bucket[i]]++;
                }
            }
            long neg = a.n - pos;
            if (pos == 0 || neg == 0) {
                return Double.NaN;
            }
            double slack = 0; // the class's ranks within a bucket can sum to at most this much more or less than the middle
            for (int b = 0; b < BUCKETS; b++) {
                slack += inBucket[b] * (double) (a.count[b] - inBucket[b]) / 2;
            }
            double pairs = pos * (double) neg;
            double auc = (sum - pos * (pos + 1) / 2.0) / pairs;
            double hi = (auc + slack / pairs);
            double lo = (auc - slack / pairs);
            if (Math.max(hi, 1 - lo) < threshold - MARGIN) {
                return RULED_OUT;
            }
        }
        return TargetProxies.auc(ranks(x), codes, k);
    }

    /** Ranks with ties averaged: the sorted values give each value's first and last place. Same numbers as the old sort. */
    static double[] sortedRanks(double[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] == 0 ? 0 : v[i]; // -0.0 ties with 0.0, as == says
        }
        Arrays.sort(s);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i] == 0 ? 0 : v[i];
            int first = lowerBound(s, x);
            int last = upperBound(s, x) - 1;
            r[i] = (first + last) / 2.0 + 1;
            if ((i & 0x3FFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
        return r;
    }

    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
