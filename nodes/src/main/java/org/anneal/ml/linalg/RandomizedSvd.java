package org.anneal.ml.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The leading singular values and right singular vectors of a matrix X by randomised range finding (Halko, Martinsson
 * and Tropp 2011, algorithms 4.4 and 5.1, as scikit-learn's {@code randomized_svd}): multiply X by a random Gaussian
 * matrix with a few more columns than wanted, sharpen the range with power iterations (X Xᵀ applied again, normalised
 * after every product so small singular values are not lost to round-off), project X onto that range and take the exact
 * SVD of the small projection. Cost: about 2(q + 1) products of X with a thin matrix instead of a decomposition of X;
 * for a few hundred rows, the Gram matrix X Xᵀ once and the iterations on it ({@link Route}). The random matrix comes
 * from the seed, so the result is reproducible.
 */
public final class RandomizedSvd {

    /** @param values leading singular values, largest first; {@code vectors[k]} its unit right singular vector (length p) */
    public record Result(double[] values, double[][] vectors) {
    }

    private RandomizedSvd() {
    }

    /**
     * The {@code wanted} leading singular triplets of X, given as its rows (n × p) and its columns (p × n, the transpose),
     * computed as scikit-learn's {@code randomized_svd} does: the products run in {@link ThinProducts} (each reads X
     * once), and between power iterations the sketch is only kept from collapsing onto the leading direction by an LU
     * factorisation with partial pivoting (the L factor spans the same range, {@code power_iteration_normalizer="LU"});
     * only the final range is orthonormalised. The route ({@link #route}) depends on the shapes only. prepare.pca and
     * prepare.nmf's NNDSVDa start both use it, as scikit-learn's do.
     *
     * @param sketch     rows of the random test matrix (at least {@code wanted}; scikit-learn uses wanted + 10)
     * @param iterations power iterations (scikit-learn: 7 when few components are wanted, else 4)
     */
    public static Result leadingLuNormalised(double[][] rows, double[][] columns, int wanted, int sketch, int iterations, long seed,
                                             Runnable checkCancelled) {
        return leadingLuNormalised(rows, columns, null, wanted, sketch, iterations, seed, checkCancelled);
    }

    /**
     * As {@link #leadingLuNormalised(double[][], double[][], int, int, int, long, Runnable)} with {@code columns[j]}
     * holding X's column j plus {@code shift[j]} (null: no shift): a table's own columns and their means, so no centred
     * copy of them is made. X·Z is then computed as (X + 1·shiftᵀ)·Z − 1·(shiftᵀZ); the sums add the shifted values, so
     * a shift millions of times the spread of a column costs digits here, but the ranges this finds only steer the last
     * step, which reads the centred rows (an error ε in the range moves the singular values by about ε²).
     */
    public static Result leadingLuNormalised(double[][] rows, double[][] columns, double[] shift, int wanted, int sketch, int iterations,
                                             long seed, Runnable checkCancelled) {
        return leadingLuNormalised(rows, columns, shift, wanted, sketch, iterations, seed, checkCancelled,
                route(rows.length, columns.length, wanted, sketch, iterations));
    }

    /** How the power iterations apply X Xᵀ: two passes over X each, or once through the Gram matrix. */
    public enum Route { RANGE, GRAM }

    /**
     * The Gram route when X has no more rows than columns and building G (n²p/2 multiply-adds) plus the two passes
     * over X it still needs costs less than the range finder's 2(q + 1) passes — a few hundred spectra; decided from
     * the shapes alone. Below {@value #GRAM_FROM} multiply-adds (milliseconds either way) the range finder stays, so
     * that small decompositions keep the numbers they had before the Gram route existed.
     */
    public static Route route(int n, int p, int wanted, int sketch, int iterations) {
        double range = (2.0 * iterations + 2) * sketch * n * p;
        double gram = (double) n * n * p / 2 + (double) (sketch + wanted) * n * p;
        return n <= p && range >= GRAM_FROM && gram < range ? Route.GRAM : Route.RANGE;
    }

    static final double GRAM_FROM = 5e7;

    static Result leadingLuNormalised(double[][] rows, double[][] columns, double[] shift, int wanted, int sketch, int iterations,
                                      long seed, Runnable checkCancelled, Route route) {
        double[][] y = timesColumns(gaussianRows(sketch, columns.length, seed), columns, shift, checkCancelled); // (XΩ)ᵀ
        if (route == Route.GRAM) {
            return throughGram(rows, Gram.ofColumns(columns, shift, checkCancelled), y, wanted, iterations, checkCancelled);
        }
        for (int it = 0; it < iterations; it++) {
            double[][] z = luNormalised(ThinProducts.multiply(luNormalised(y), rows, checkCancelled)); // (XᵀY)ᵀ
            y = timesColumns(z, columns, shift, checkCancelled); // (XZ)ᵀ
        }
        double[][] b = ThinProducts.multiply(orthonormalRows(y), rows, checkCancelled); // B = QᵀX
        // the eigenvalues of B Bᵀ are the squared singular values; Uᵀ B = Σ Vᵀ
        return triplets(Products.multiplySymmetric(b, Products.transpose(b), checkCancelled), u -> Products.multiply(u, b, checkCancelled),
                wanted, checkCancelled);
    }

    /**
     * The same subspace iteration with G = X Xᵀ: Y ← G·L(Y), L the LU normalisation, spans (X Xᵀ)^q XΩ as the range
     * finder's Y does (it normalises between the two halves of each product as well; the span is the same). With Q an
     * orthonormal basis of it, B Bᵀ = Qᵀ G Q is s × s work, and only the wanted rows of Uᵀ B = (Q U)ᵀ X read X again.
     */
    private static Result throughGram(double[][] rows, double[][] g, double[][] y, int wanted, int iterations, Runnable checkCancelled) {
        for (int it = 0; it < iterations; it++) {
            y = Products.multiply(luNormalised(y), g, checkCancelled); // (G L)ᵀ = Lᵀ G, G symmetric
        }
        double[][] q = orthonormalRows(y);
        double[][] qg = Products.multiply(q, g, checkCancelled);
        return triplets(Products.multiplySymmetric(qg, Products.transpose(q), checkCancelled),
                u -> ThinProducts.multiply(Products.multiply(u, q, checkCancelled), rows, checkCancelled), wanted, checkCancelled);
    }

    /** (X·Z)ᵀ = Zᵀ·Xᵀ from X's shifted columns. */
    private static double[][] timesColumns(double[][] zt, double[][] columns, double[] shift, Runnable checkCancelled) {
        double[][] y = ThinProducts.multiply(zt, columns, checkCancelled);
        if (shift != null) {
            for (int r = 0; r < y.length; r++) {
                double offset = Products.dot(zt[r], shift, 0, shift.length);
                double[] row = y[r];
                for (int i = 0; i < row.length; i++) {
                    row[i] -= offset;
                }
            }
        }
        return y;
    }

    /** Ωᵀ: {@code sketch} rows of p standard Gaussian numbers from the seed. */
    private static double[][] gaussianRows(int sketch, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] omega = new double[sketch][p];
        for (double[] row : omega) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return omega;
    }

    /**
     * The leading triplets from B Bᵀ (B = QᵀX, Q an orthonormal basis of X's range) and a way to compute Uᵀ B for
     * eigenvectors U of it: B = U Σ Vᵀ, so the rows of Uᵀ B are σ v.
     */
    private static Result triplets(double[][] bbt, UnaryOperator<double[][]> timesB, int wanted, Runnable checkCancelled) {
        SymmetricEigen.Result eig = SymmetricEigen.largest(bbt, wanted, checkCancelled);
        double[] values = new double[wanted];
        double[][] vectors = timesB.apply(eig.vectors());
        int p = vectors.length == 0 ? 0 : vectors[0].length;
        for (int k = 0; k < wanted; k++) {
            double len = Math.sqrt(Products.dot(vectors[k], vectors[k], 0, p));
            values[k] = len > 0 ? len : 0; // X = 0 leaves B Bᵀ = 0, whose "eigenvectors" are NaN: no direction, value 0
            for (int j = 0; j < p; j++) {
                vectors[k][j] = len > 0 ? vectors[k][j] / len : 0;
            }
        }
        return new Result(values, vectors);
    }

    /**
     * Replaces the rows of Yᵀ (the columns of Y) by those of P·L from Y = P·L·U with partial pivoting, in place: the
     * same span, well enough conditioned for the next product, at a third of an orthonormalisation's cost and in row
     * updates that vectorise. Column k of L is Y's column k, reduced by the earlier ones, divided by its largest
     * remaining entry (the pivot, then exactly 1), with zeros in the earlier pivots' places. A column with nothing left but
     * round-off (Y of lower rank) becomes zero, as {@link #orthonormalRows} makes it.
     */
    static double[][] luNormalised(double[][] y) {
        int n = y.length == 0 ? 0 : y[0].length;
        boolean[] pivoted = new boolean[n];
        double[] before = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            for (double v : y[k]) {
                before[k] = Math.max(before[k], Math.abs(v));
            }
        }
        for (int k = 0; k < y.length; k++) {
            double[] row = y[k];
            int pivot = -1;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                if (!pivoted[i] && Math.abs(row[i]) > largest) {
                    largest = Math.abs(row[i]);
                    pivot = i;
                }
            }
            if (largest <= 1e-13 * before[k]) { // only round-off of the earlier columns is left
                Arrays.fill(row, 0);
                continue;
            }
            double inverse = 1 / row[pivot];
            for (int i = 0; i < n; i++) {
                row[i] = pivoted[i] ? 0 : row[i] * inverse;
            }
            row[pivot] = 1;
            pivoted[pivot] = true;
            for (int r = k + 1; r < y.length; r++) {
                subtractScaled(y[r], row, y[r][pivot]);
            }
        }
        return y;
    }

    private static void subtractScaled(double[] target, double[] row, double factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] -= factor * row[i];
        }
    }

    /**
     * Orthonormalises the rows in place by modified Gram–Schmidt, done twice ("twice is enough": one pass loses
     * orthogonality when the rows are nearly dependent). A row that is dependent on the ones before it becomes zero.
     */
    static double[][] orthonormalRows(double[][] a) {
        int n = a.length == 0 ? 0 : a[0].length;
        double[] original = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            original[r] = Math.sqrt(Products.dot(a[r], a[r], 0, n));
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < a.length; r++) {
                double[] row = a[r];
                for (int s = 0; s < r; s++) {
                    double proj = Products.dot(row, a[s], 0, n);
                    double[] other = a[s];
                    for (int j = 0; j < n; j++) {
                        row[j] -= proj * other[j];
                    }
                }
                double len = Math.sqrt(Products.dot(row, row, 0, n));
                double before = pass == 0 ? original[r] : 1; // unit length after the first pass
                double scale = len > 1e-13 * before && len > 0 ? 1 / len : 0;
                for (int j = 0; j < n; j++) {
                    row[j] *= scale;
                }
            }
        }
        return a;
    }
}
