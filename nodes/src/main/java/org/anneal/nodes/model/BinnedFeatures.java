package org.anneal.nodes.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The training features quantised once per fit into at most 256 bins each (one unsigned byte per value), so that
 * growing a tree only accumulates per-bin histograms instead of sorting rows at every node. A split "bin ≤ b"
 * corresponds to the real threshold {@code edges[f][b]}, a midpoint between neighbouring training values, so the
 * fitted trees predict from raw values without binning.
 */
final class BinnedFeatures {
    static final int MAX_BINS = 256;
    /** Quantiles are taken on a seeded sample of this many values: beyond it, bin edges hardly move. */
    private static final int SAMPLE = 200_000;

    final int rows;
    final byte[][] codes;
    final double[][] edges;

    private BinnedFeatures(int rows, byte[][] codes, double[][] edges) {
        this.rows = rows;
        this.codes = codes;
        this.edges = edges;
    }

    int features() {
        return codes.length;
    }

    int bins(int feature) {
        return edges[feature].length + 1;
    }

    /** Bins n rows of complete numeric columns (callers reject missing values first); the inputs are not modified. */
    static BinnedFeatures of(double[][] columns, int n, long seed) {
        byte[][] codes = new byte[columns.length][];
        double[][] edges = new double[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            edges[f] = edges(columns[f], new SplittableRandom(seed + f));
            codes[f] = encode(columns[f], edges[f]);
        }
        return new BinnedFeatures(n, codes, edges);
    }

    /**
     * Every distinct value gets its own bin when there are at most 256 of them (then splits are exactly CART's);
     * otherwise the edges sit at 255 quantiles, each moved up to the gap after the quantile value so ties stay together.
     */
    static double[] edges(double[] values, SplittableRandom random) {
        double[] sorted;
        if (values.length > SAMPLE) {
            sorted = new double[SAMPLE];
            for (int i = 0; i < SAMPLE; i++) {
                sorted[i] = values[random.nextInt(values.length)];
            }
        } else {
            sorted = values.clone();
        }
        Arrays.sort(sorted);
        double[] distinct = distinct(sorted);
        if (distinct.length <= MAX_BINS) {
            double[] e = new double[Math.max(0, distinct.length - 1)];
            for (int i = 0; i < e.length; i++) {
                e[i] = midpoint(distinct[i], distinct[i + 1]);
            }
            return e;
        }
        double[] e = new double[MAX_BINS - 1];
        int count = 0;
        for (int b = 1; b < MAX_BINS; b++) {
            double v = sorted[(int) ((long) b * sorted.length / MAX_BINS)];
            int at = Arrays.binarySearch(distinct, v);
            if (at + 1 >= distinct.length) {
                continue;
            }
            double edge = midpoint(distinct[at], distinct[at + 1]);
            if (count == 0 || edge > e[count - 1]) {
                e[count++] = edge;
            }
        }
        return Arrays.copyOf(e, count);
    }

    private static double[] distinct(double[] sorted) {
        double[] d = new double[sorted.length];
        int m = 0;
        for (double v : sorted) {
            if (m == 0 || v != d[m - 1]) {
                d[m++] = v;
            }
        }
        return Arrays.copyOf(d, m);
    }

    /** Halfway between two neighbouring values; if rounding lands on the upper one, the lower keeps "≤" honest. */
    private static double midpoint(double lo, double hi) {
        double m = lo + (hi - lo) / 2;
        return m >= hi ? lo : m;
    }

    /** The bin of v: the first edge it does not exceed, or the last bin. */
    static int bin(double[] edges, double v) {
        int at = Arrays.binarySearch(edges, v);
        return at >= 0 ? at : -(at + 1);
    }

    private static byte[] encode(double[] values, double[] edges) {
        byte[] c = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = (byte) bin(edges, values[i]);
        }
        return c;
    }
}
