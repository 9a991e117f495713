package org.anneal.ml.linalg;

import java.util.SplittableRandom;

/**
 * The leading singular values and right singular vectors of a matrix X by randomised range finding (Halko, Martinsson
 * and Tropp 2011, algorithms 4.4 and 5.1, as scikit-learn's {@code randomized_svd}): multiply X by a random Gaussian
 * matrix with a few more columns than wanted, sharpen the range with power iterations (X Xᵀ applied again, re-orthonormalised
 * after every product so small singular values are not lost to round-off), project X onto that range and take the exact
 * SVD of the small projection. Cost: about 2(q + 1) products of X with a thin matrix instead of a decomposition of X.
 * The random matrix comes from the seed, so the result is reproducible.
 */
public final class RandomizedSvd {

    /** @param values leading singular values, largest first; {@code vectors[k]} its unit right singular vector (length p) */
    public record Result(double[] values, double[][] vectors) {
    }

    private RandomizedSvd() {
    }

    /**
     * The {@code wanted} leading singular triplets of X, given as its rows (n × p) and its columns (p × n, the transpose):
     * each product then runs over contiguous rows.
     *
     * @param sketch     columns of the random test matrix (at least {@code wanted}; scikit-learn uses wanted + 10)
     * @param iterations power iterations (scikit-learn: 7 when few components are wanted, else 4)
     */
    public static Result leading(double[][] rows, double[][] columns, int wanted, int sketch, int iterations, long seed,
                                 Runnable checkCancelled) {
        int p = columns.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] omega = new double[sketch][p]; // Ωᵀ
        for (double[] row : omega) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] q = orthonormalRows(Products.multiply(omega, columns, checkCancelled)); // (XΩ)ᵀ
        for (int it = 0; it < iterations; it++) {
            double[][] z = orthonormalRows(Products.multiply(q, rows, checkCancelled)); // (XᵀQ)ᵀ
            q = orthonormalRows(Products.multiply(z, columns, checkCancelled)); // (XZ)ᵀ
        }
        double[][] b = Products.multiply(q, rows, checkCancelled); // B = QᵀX, sketch × p
        // B = U Σ Vᵀ from the eigenvectors of the small B Bᵀ: its eigenvalues are the squared singular values
        SymmetricEigen.Result eig = SymmetricEigen.largest(Products.multiplySymmetric(b, Products.transpose(b), checkCancelled), wanted,
                checkCancelled);
        double[] values = new double[wanted];
        double[][] vectors = Products.multiply(eig.vectors(), b, checkCancelled); // Uᵀ B = Σ Vᵀ
        for (int k = 0; k < wanted; k++) {
            double len = Math.sqrt(Products.dot(vectors[k], vectors[k], 0, p));
            values[k] = len;
            for (int j = 0; j < p; j++) {
                vectors[k][j] = len > 0 ? vectors[k][j] / len : 0;
            }
        }
        return new Result(values, vectors);
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
