package org.anneal.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseMatrix;

/** Eigenvalues and leading eigenvectors against Tribuo's full symmetric eigendecomposition (the reference PCA used before). */
class SymmetricEigenTest {

    /** B·Bᵀ of a Gaussian n × (n + 3) matrix: symmetric, positive definite, eigenvalues well apart. */
    static double[][] randomSymmetric(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[n][n + 3];
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return Products.multiplySymmetric(b, Products.transpose(b), () -> { });
    }

    @Test
    void matchesTheReferenceDecompositionUpToSign() {
        for (int n : new int[] {1, 2, 3, 7, 40, 150}) {
            double[][] a = randomSymmetric(n, n);
            int wanted = Math.min(n, 8);
            SymmetricEigen.Result mine = SymmetricEigen.largest(a, wanted, () -> { });
            var ref = DenseMatrix.createDenseMatrix(a).eigenDecomposition().orElseThrow();
            double[] refValues = ref.eigenvalues().toArray();
            Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(k -> -refValues[k])).toArray(Integer[]::new);
            double top = refValues[order[0]];
            for (int k = 0; k < n; k++) {
                assertEquals(refValues[order[k]], mine.values()[k], 1e-12 * top, "eigenvalue " + k + " of " + n);
            }
            for (int k = 0; k < wanted; k++) {
                double[] v = mine.vectors()[k];
                int col = order[k];
                double sign = Math.signum(IntStream.range(0, n).mapToDouble(i -> v[i] * ref.eigenvectors().get(i, col)).sum());
                for (int i = 0; i < n; i++) {
                    assertEquals(sign * ref.eigenvectors().get(i, col), v[i], 1e-8, "vector " + k + " of " + n + ", entry " + i);
                }
            }
        }
    }

    @Test
    void repeatedEigenvaluesStillGiveOrthonormalEigenvectors() {
        // diag(5, 5, 5, 2, 1) turned by a fixed rotation: the three vectors of 5 are any orthonormal basis of one plane
        int n = 5;
        double[][] q = Products.transpose(randomSymmetric(n, 3)); // any matrix; orthonormalise its rows
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                double d = Products.dot(q[i], q[k], 0, n);
                for (int j = 0; j < n; j++) {
                    q[i][j] -= d * q[k][j];
                }
            }
            double len = Math.sqrt(Products.dot(q[i], q[i], 0, n));
            for (int j = 0; j < n; j++) {
                q[i][j] /= len;
            }
        }
        double[] lambda = {5, 5, 5, 2, 1};
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[k][i] * lambda[k] * q[k][j];
                }
            }
        }
        SymmetricEigen.Result r = SymmetricEigen.largest(a, 4, () -> { });
        assertEquals(5, r.values()[2], 1e-12);
        assertEquals(2, r.values()[3], 1e-12);
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l <= k; l++) {
                assertEquals(k == l ? 1 : 0, Products.dot(r.vectors()[k], r.vectors()[l], 0, n), 1e-10, "vectors " + k + "·" + l);
            }
            double[] av = new double[n];
            for (int i = 0; i < n; i++) {
                av[i] = Products.dot(a[i], r.vectors()[k], 0, n);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(r.values()[k] * r.vectors()[k][i], av[i], 1e-10, "A v = λ v for vector " + k);
            }
        }
    }

    @Test
    void theInputIsLeftAsItWasAndTheResultDoesNotDependOnTheRun() {
        double[][] a = randomSymmetric(300, 11); // big enough for the parallel row updates
        double[][] copy = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        SymmetricEigen.Result first = SymmetricEigen.largest(a, 5, () -> { });
        SymmetricEigen.Result second = SymmetricEigen.largest(a, 5, () -> { });
        assertTrue(Arrays.deepEquals(copy, a));
        assertTrue(Arrays.equals(first.values(), second.values()));
        assertTrue(Arrays.deepEquals(first.vectors(), second.vectors()));
    }
}
