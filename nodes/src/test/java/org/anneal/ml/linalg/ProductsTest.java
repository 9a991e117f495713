package org.anneal.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tiled, parallel product gives the plain triple loop's numbers bit for bit, whatever the shapes. */
class ProductsTest {

    static double[][] random(int m, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian() * 1e3;
            }
        }
        return a;
    }

    /** i-k-j order: each entry adds its products in k order. */
    static double[][] naive(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    @Test
    void sameNumbersAsThePlainLoopForOddShapesAndManyTiles() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {7, 300, 9}, {65, 513, 257}, {130, 3, 600}};
        for (int[] s : shapes) {
            double[][] a = random(s[0], s[1], s[0]);
            double[][] b = random(s[1], s[2], s[2]);
            double[][] expected = naive(a, b);
            double[][] got = Products.multiply(a, b, () -> { });
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], got[i], 0, "row " + i + " of " + s[0] + "×" + s[1] + "·" + s[1] + "×" + s[2]);
            }
        }
    }

    @Test
    void aSymmetricProductIsMirroredFromItsUpperTriangle() {
        double[][] a = random(150, 333, 4);
        double[][] expected = naive(a, Products.transpose(a));
        double[][] got = Products.multiplySymmetric(a, Products.transpose(a), () -> { });
        for (int i = 0; i < expected.length; i++) {
            for (int j = i; j < expected.length; j++) {
                // the plain loop computes both triangles; a·b = b·a for doubles, so they agree exactly
                assertArrayEquals(new double[] {expected[i][j], expected[i][j]}, new double[] {got[i][j], got[j][i]}, 0);
            }
        }
    }

    @Test
    void mismatchedInnerDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Products.multiply(new double[2][3], new double[4][2], () -> { }));
    }
}
