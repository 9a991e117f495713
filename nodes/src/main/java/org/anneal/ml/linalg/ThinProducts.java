package org.anneal.ml.linalg;

import java.util.stream.IntStream;

/**
 * C = A·B where A has only a few rows (the 10–30 random directions of a randomized SVD) and B is a whole data matrix,
 * given as its rows: the product every power iteration of {@link RandomizedSvd} spends its time in, one pass over the
 * data each. {@link Products}' tiles take two rows of C at a time and so read each tile of B once per pair of rows;
 * here every four rows of B loaded into cache update all rows of C before the next four are read, so B — megabytes —
 * is read once per product and the few rows of C stay in cache. Each update {@code c += x₀b₀ + x₁b₁ + x₂b₂ + x₃b₃} is
 * a chain of fused multiply-adds that the JIT turns into vector instructions.
 *
 * <p>The work is cut into fixed pieces — {@value #WIDTH} columns of C by a share of B's rows — that run in parallel.
 * When C has few columns (X·Ω for a table of a few hundred rows), B's rows are split into up to {@value #TASKS} chunks,
 * each summed into a C of its own, and the chunks are added in order afterwards. The cut depends only on the shapes,
 * so the result is the same bit for bit whatever the number of threads.
 */
public final class ThinProducts {
    static final int WIDTH = 512;
    /** Pieces wanted at least, so that every core has work even when C is narrow. */
    static final int TASKS = 16;

    private ThinProducts() {
    }

    /** C = A·B for A (s × k, s small) and B (k × n), both arrays of rows. */
    public static double[][] multiply(double[][] a, double[][] b, Runnable checkCancelled) {
        int s = a.length;
        int depth = b.length;
        int n = depth == 0 ? 0 : b[0].length;
        if (s > 0 && a[0].length != depth) {
            throw new IllegalArgumentException("inner dimensions differ: " + a[0].length + " and " + depth);
        }
        int tiles = (n + WIDTH - 1) / WIDTH;
        int chunks = Math.max(1, Math.min(depth / 64, (TASKS + tiles - 1) / Math.max(tiles, 1)));
        // each chunk of B's rows sums into a whole C of its own, so every row update indexes C and B alike (which the
        // JIT needs to vectorise it); chunk 0's is the result
        double[][][] sums = new double[chunks][s][n];
        IntStream.range(0, tiles * chunks).parallel().forEach(t -> {
            checkCancelled.run();
            int tile = t / chunks;
            int chunk = t % chunks;
            int j0 = tile * WIDTH;
            accumulate(a, b, sums[chunk], (int) ((long) chunk * depth / chunks), (int) ((long) (chunk + 1) * depth / chunks), j0,
                    Math.min(n, j0 + WIDTH));
        });
        double[][] c = sums[0];
        for (int chunk = 1; chunk < chunks; chunk++) { // s × n additions per chunk: not worth waking another thread
            for (int r = 0; r < s; r++) {
                addInto(c[r], sums[chunk][r]);
            }
        }
        return c;
    }

    /** c[r][j] += Σ_k a[r][k]·b[k][j] over k in [k0, k1), j in [j0, j1), k in order four at a time. */
    private static void accumulate(double[][] a, double[][] b, double[][] c, int k0, int k1, int j0, int j1) {
        int s = a.length;
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double[] b0 = b[k];
            double[] b1 = b[k + 1];
            double[] b2 = b[k + 2];
            double[] b3 = b[k + 3];
            for (int r = 0; r < s; r++) {
                double[] ar = a[r];
                fourSteps(c[r], b0, b1, b2, b3, ar[k], ar[k + 1], ar[k + 2], ar[k + 3], j0, j1);
            }
        }
        for (; k < k1; k++) {
            for (int r = 0; r < s; r++) {
                oneStep(c[r], b[k], a[r][k], j0, j1);
            }
        }
    }

    static void fourSteps(double[] c, double[] b0, double[] b1, double[] b2, double[] b3, double x0, double x1, double x2,
                                  double x3, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = Math.fma(x3, b3[j], Math.fma(x2, b2[j], Math.fma(x1, b1[j], Math.fma(x0, b0[j], c[j]))));
        }
    }

    static void oneStep(double[] c, double[] b, double x, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = Math.fma(x, b[j], c[j]);
        }
    }

    private static void addInto(double[] c, double[] piece) {
        for (int j = 0; j < c.length; j++) {
            c[j] += piece[j];
        }
    }
}
