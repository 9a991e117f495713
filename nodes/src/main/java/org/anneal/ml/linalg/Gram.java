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
 * update, which the JIT vectorises. The columns are cut into a few pieces, fixed by p, summed apart in parallel and
 * added in order: each entry is a chain of fused multiply-adds over each piece's columns in order, then the pieces'
 * sum, so G is the same bit for bit whatever the number of threads, and exactly symmetric (the lower triangle is
 * copied). Cutting the columns rather than G's rows reads and centres every column once.
 */
public final class Gram {
    /** Pieces of the columns summed apart, so that every core has work; each column is read and centred once. */
    static final int CHUNKS = 4;
    /** Columns per piece at least. */
    private static final int CHUNK_COLUMNS = 64;

    private Gram() {
    }

    /** G = Xc·Xcᵀ for X given as its p columns of n values each; {@code shift} null: the columns as they are. */
    public static double[][] ofColumns(double[][] columns, double[] shift, Runnable checkCancelled) {
        int p = columns.length;
        int n = p == 0 ? 0 : columns[0].length;
        int chunks = chunks(p);
        double[][][] sums = new double[chunks][][];
        IntStream.range(0, chunks).parallel().forEach(c -> sums[c] = upperTriangle(columns, shift, n,
                (int) ((long) c * p / chunks), (int) ((long) (c + 1) * p / chunks), checkCancelled));
        double[][] g = sums[0];
        for (int c = 1; c < chunks; c++) {
            for (int i = 0; i < n; i++) {
                addInto(g[i], sums[c][i], i & ~7, n);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
        }
        return g;
    }

    /** Pieces of the p columns, from p alone. */
    static int chunks(int p) {
        return Math.max(1, Math.min(CHUNKS, p / CHUNK_COLUMNS));
    }

    /**
     * Σ over columns [k0, k1) of x·xᵀ, in order, on and above the diagonal (rows start at a multiple of eight, so a few
     * entries left of it come along and are overwritten by the mirror). Each column is centred once, into a buffer.
     */
    private static double[][] upperTriangle(double[][] columns, double[] shift, int n, int k0, int k1, Runnable checkCancelled) {
        double[][] g = new double[n][n];
        double[][] b = new double[4][n];
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            if (((k - k0) & 255) == 0) {
                checkCancelled.run();
            }
            for (int q = 0; q < 4; q++) {
                centre(columns[k + q], shift == null ? 0 : shift[k + q], b[q], 0, n);
            }
            for (int i = 0; i < n; i++) {
                ThinProducts.fourSteps(g[i], b[0], b[1], b[2], b[3], b[0][i], b[1][i], b[2][i], b[3][i], i & ~7, n);
            }
        }
        for (; k < k1; k++) {
            centre(columns[k], shift == null ? 0 : shift[k], b[0], 0, n);
            for (int i = 0; i < n; i++) {
                ThinProducts.oneStep(g[i], b[0], b[0][i], i & ~7, n);
            }
        }
        return g;
    }

    private static void addInto(double[] g, double[] piece, int from, int to) {
        for (int j = from; j < to; j++) {
            g[j] += piece[j];
        }
    }

    private static void centre(double[] column, double shift, double[] into, int from, int to) {
        for (int i = from; i < to; i++) {
            into[i] = column[i] - shift;
        }
    }
}
