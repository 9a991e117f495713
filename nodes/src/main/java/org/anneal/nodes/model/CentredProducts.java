package org.anneal.nodes.model;

import java.util.function.DoubleConsumer;

/**
 * Column sums and the sums of products of centred columns ({@code Σ (a_i - ma)(b_i - mb)} for every pair), the
 * normal equations of a linear fit. Each sum adds its terms in row order, as one loop per pair does, so the results
 * are the same to the last bit; but the rows go by in blocks that stay in the cache, every block centred once, and
 * four sums grow side by side. One loop per pair read both columns from memory each time (230 passes over 6 MB
 * columns for 20 features) and waited on one addition at a time; a cold process also compiled that loop apart from
 * the mean's and the missing-value count's.
 */
final class CentredProducts {
    /** Rows per block: 21 centred columns of this many values fit in a core's L2 cache. */
    private static final int BLOCK = 1024;

    private CentredProducts() {
    }

    /** The sum of each column, in row order (NaN when a value is NaN). */
    static double[] sums(double[][] cols) {
        int m = cols.length;
        double[] s = new double[m];
        int j = 0;
        for (; j + 4 <= m; j += 4) {
            double[] a = cols[j];
            double[] b = cols[j + 1];
            double[] c = cols[j + 2];
            double[] d = cols[j + 3];
            double sa = 0;
            double sb = 0;
            double sc = 0;
            double sd = 0;
            for (int i = 0; i < a.length; i++) {
                sa += a[i];
                sb += b[i];
                sc += c[i];
                sd += d[i];
            }
            s[j] = sa;
            s[j + 1] = sb;
            s[j + 2] = sc;
            s[j + 3] = sd;
        }
        for (; j < m; j++) {
            double sa = 0;
            for (double v : cols[j]) {
                sa += v;
            }
            s[j] = sa;
        }
        return s;
    }

    /**
     * {@code out[j][k]} = Σ_i (cols[j][i] - mean[j]) (cols[k][i] - mean[k]) for j < last column, k ≥ j (the last column
     * is the target: its products with the others are needed, not its own square); the rest of {@code out} stays 0.
     */
    static double[][] of(double[][] cols, double[] mean, Runnable checkCancelled, DoubleConsumer progress) {
        int m = cols.length;
        int n = m == 0 ? 0 : cols[0].length;
        double[][] out = new double[m][m];
        double[][] c = new double[m][BLOCK];
        for (int from = 0; from < n; from += BLOCK) {
            checkCancelled.run();
            int len = Math.min(BLOCK, n - from);
            for (int j = 0; j < m; j++) {
                centre(cols[j], from, len, mean[j], c[j]);
            }
            for (int j = 0; j < m - 1; j++) {
                double[] row = out[j];
                int k = j;
                for (; k + 4 <= m; k += 4) {
                    four(c[j], c[k], c[k + 1], c[k + 2], c[k + 3], len, row, k);
                }
                for (; k < m; k++) {
                    row[k] = one(c[j], c[k], len, row[k]);
                }
            }
            progress.accept((from + len) / (double) n);
        }
        return out;
    }

    private static void centre(double[] v, int from, int len, double mean, double[] to) {
        for (int i = 0; i < len; i++) {
            to[i] = v[from + i] - mean;
        }
    }

    /** Adds the block's products of {@code a} with four columns to {@code row[k..k+3]}, each sum in row order. */
    private static void four(double[] a, double[] b0, double[] b1, double[] b2, double[] b3, int len, double[] row, int k) {
        double s0 = row[k];
        double s1 = row[k + 1];
        double s2 = row[k + 2];
        double s3 = row[k + 3];
        for (int i = 0; i < len; i++) {
            double x = a[i];
            s0 += x * b0[i];
            s1 += x * b1[i];
            s2 += x * b2[i];
            s3 += x * b3[i];
        }
        row[k] = s0;
        row[k + 1] = s1;
        row[k + 2] = s2;
        row[k + 3] = s3;
    }

    private static double one(double[] a, double[] b, int len, double s) {
        for (int i = 0; i < len; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
