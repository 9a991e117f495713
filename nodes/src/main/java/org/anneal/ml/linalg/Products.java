package org.anneal.ml.linalg;

import java.util.stream.IntStream;

/**
 * Dense matrix products for the decompositions (PCA, NMF), written so that the JIT vectorises the inner loop: a
 * product is a sum of row updates {@code c[i][·] += a[i][k] · b[k][·]} over contiguous rows, four rows of C at a
 * time (each loaded row of B feeds four updates), in tiles that stay in cache. Tiles run in parallel, but every entry
 * of C adds its k products in the order k = 0, 1, …, one after the other, so the result is the same bit for bit
 * whatever the number of threads (the naive triple loop in i-k-j order gives the same numbers).
 *
 * <p>Matrices are arrays of rows. Callers that need {@code A·Bᵀ} or {@code Aᵀ·B} pass the transposed copy
 * ({@link #transpose}): a copy costs m·n, the product m·n·k.
 */
public final class Products {
    private static final int TILE_ROWS = 64;
    private static final int TILE_COLS = 256;
    private static final int DEPTH = 256;

    private Products() {
    }

    /** C = A·B for A (m × k) and B (k × n). */
    public static double[][] multiply(double[][] a, double[][] b, Runnable checkCancelled) {
        return multiply(a, b, false, checkCancelled);
    }

    /**
     * C = A·B where the caller knows C is symmetric (A·Aᵀ given A and Aᵀ): only the tiles that reach the diagonal or
     * above are computed, the lower triangle is copied from the upper one.
     */
    public static double[][] multiplySymmetric(double[][] a, double[][] b, Runnable checkCancelled) {
        return multiply(a, b, true, checkCancelled);
    }

    private static double[][] multiply(double[][] a, double[][] b, boolean symmetric, Runnable checkCancelled) {
        int m = a.length;
        int depth = b.length;
        int n = depth == 0 ? 0 : b[0].length;
        if (m > 0 && a[0].length != depth) {
            throw new IllegalArgumentException("inner dimensions differ: " + a[0].length + " and " + depth);
        }
        double[][] c = new double[m][n];
        int rowTiles = (m + TILE_ROWS - 1) / TILE_ROWS;
        int colTiles = (n + TILE_COLS - 1) / TILE_COLS;
        IntStream.range(0, rowTiles * colTiles).parallel().forEach(t -> {
            int i0 = (t / colTiles) * TILE_ROWS;
            int j0 = (t % colTiles) * TILE_COLS;
            int i1 = Math.min(m, i0 + TILE_ROWS);
            int j1 = Math.min(n, j0 + TILE_COLS);
            if (symmetric && j1 <= i0) {
                return; // entirely below the diagonal
            }
            checkCancelled.run();
            for (int k0 = 0; k0 < depth; k0 += DEPTH) {
                tile(a, b, c, i0, i1, j0, j1, k0, Math.min(depth, k0 + DEPTH));
            }
        });
        if (symmetric) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < i; j++) {
                    c[i][j] = c[j][i];
                }
            }
        }
        return c;
    }

    /**
     * One tile of C, two rows and two steps of k per pass: each pass loads two rows of B and feeds four multiply-adds
     * per loaded C entry. The passes are small methods of their own, small enough for the JIT to unroll and
     * vectorise (a four-row pass exceeds its default unrolling limit and runs scalar, three times slower).
     */
    private static void tile(double[][] a, double[][] b, double[][] c, int i0, int i1, int j0, int j1, int k0, int k1) {
        int i = i0;
        for (; i + 1 < i1; i += 2) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            int k = k0;
            for (; k + 1 < k1; k += 2) {
                twoRowsTwoSteps(b[k], b[k + 1], c[i], c[i + 1], a0[k], a1[k], a0[k + 1], a1[k + 1], j0, j1);
            }
            for (; k < k1; k++) {
                oneRow(b[k], c[i], a0[k], j0, j1);
                oneRow(b[k], c[i + 1], a1[k], j0, j1);
            }
        }
        for (; i < i1; i++) {
            double[] ai = a[i];
            int k = k0;
            for (; k + 3 < k1; k += 4) {
                oneRowFourSteps(b[k], b[k + 1], b[k + 2], b[k + 3], c[i], ai[k], ai[k + 1], ai[k + 2], ai[k + 3], j0, j1);
            }
            for (; k < k1; k++) {
                oneRow(b[k], c[i], ai[k], j0, j1);
            }
        }
    }

    /** The odd row out (NMF's fifth component): four steps of k per pass, again added left to right. */
    private static void oneRowFourSteps(double[] u, double[] v, double[] w, double[] z, double[] c, double x0, double x1, double x2,
                                        double x3, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = c[j] + x0 * u[j] + x1 * v[j] + x2 * w[j] + x3 * z[j];
        }
    }

    /** {@code c + x·u + y·v} is evaluated left to right, so every entry still adds its products one at a time in k order. */
    private static void twoRowsTwoSteps(double[] u, double[] v, double[] c0, double[] c1, double x0, double x1, double y0, double y1,
                                        int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            double uj = u[j];
            double vj = v[j];
            c0[j] = c0[j] + x0 * uj + y0 * vj;
            c1[j] = c1[j] + x1 * uj + y1 * vj;
        }
    }

    private static void oneRow(double[] u, double[] c, double x, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] += x * u[j];
        }
    }

    /** The transpose as a new array of rows. */
    public static double[][] transpose(double[][] a) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        double[][] t = new double[n][m];
        for (int i0 = 0; i0 < m; i0 += 64) {
            for (int j0 = 0; j0 < n; j0 += 64) {
                for (int i = i0; i < Math.min(m, i0 + 64); i++) {
                    double[] ai = a[i];
                    for (int j = j0; j < Math.min(n, j0 + 64); j++) {
                        t[j][i] = ai[j];
                    }
                }
            }
        }
        return t;
    }

    /** Σ a[j]·b[j] with four partial sums, so several multiply-adds are in flight. */
    public static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < to; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
