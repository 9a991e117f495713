package org.anneal.ml.linalg;

import java.util.stream.IntStream;

/**
 * The Gram matrix G = Xc·Xcᵀ (n × n) of a matrix with few rows and many columns (a few hundred spectra of thousands of
 * channels), from X's columns and their shifts (Xc = X − 1·shiftᵀ, as a table holds its columns and their means):
 * n²p/2 multiply-adds once, after which {@link RandomizedSvd}'s power iterations are n × n work instead of two passes
 * over X each.
 *
 * <p>Four columns at a time are centred into a small buffer, then every row i of G gets
 * {@code g[i][j] += x₀b₀[j] + x₁b₁[j] + x₂b₂[j] + x₃b₃[j]} for j ≥ i only — {@link ThinProducts}' four-step row
 * update, which the JIT vectorises. Rows are cut into bands of about equal triangle area that run in parallel; each
 * entry is one thread's chain of fused multiply-adds over the columns in order, so G is the same bit for bit whatever
 * the number of threads, and exactly symmetric (the lower triangle is copied).
 */
public final class Gram {
    /** Bands wanted at least, so that every core has work; each band reads the columns once. */
    static final int BANDS = 4;
    /** Rows per band at least: fewer and the buffer fills cost as much as the updates. */
    private static final int BAND_ROWS = 16;

    private Gram() {
    }

    /** G = Xc·Xcᵀ for X given as its p columns of n values each; {@code shift} null: the columns as they are. */
    public static double[][] ofColumns(double[][] columns, double[] shift, Runnable checkCancelled) {
        int n = columns.length == 0 ? 0 : columns[0].length;
        double[][] g = new double[n][n];
        int[] edges = bandEdges(n);
        IntStream.range(0, edges.length - 1).parallel().forEach(b -> band(columns, shift, g, edges[b], edges[b + 1], checkCancelled));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
        }
        return g;
    }

    /** Row edges of bands of about equal work (row i updates n − i entries), from n alone. */
    static int[] bandEdges(int n) {
        int bands = Math.max(1, Math.min(BANDS, n / BAND_ROWS));
        int[] edges = new int[bands + 1];
        double total = (double) n * (n + 1) / 2;
        int i = 0;
        double area = 0;
        for (int b = 1; b < bands; b++) {
            while (i < n && area < total * b / bands) {
                area += n - i;
                i++;
            }
            edges[b] = i;
        }
        edges[bands] = n;
        return edges;
    }

    /** Rows [i0, i1) of G's upper triangle, every column of X in order. */
    private static void band(double[][] columns, double[] shift, double[][] g, int i0, int i1, Runnable checkCancelled) {
        int p = columns.length;
        int n = g.length;
        double[][] b = new double[4][n];
        int from = i0 & ~7;
        int k = 0;
        for (; k + 3 < p; k += 4) {
            if ((k & 255) == 0) {
                checkCancelled.run();
            }
            for (int q = 0; q < 4; q++) {
                centre(columns[k + q], shift == null ? 0 : shift[k + q], b[q], from, n);
            }
            for (int i = i0; i < i1; i++) {
                ThinProducts.fourSteps(g[i], b[0], b[1], b[2], b[3], b[0][i], b[1][i], b[2][i], b[3][i], from, n);
            }
        }
        for (; k < p; k++) {
            centre(columns[k], shift == null ? 0 : shift[k], b[0], from, n);
            for (int i = i0; i < i1; i++) {
                ThinProducts.oneStep(g[i], b[0], b[0][i], from, n);
            }
        }
    }

    private static void centre(double[] column, double shift, double[] into, int from, int to) {
        for (int i = from; i < to; i++) {
            into[i] = column[i] - shift;
        }
    }
}
