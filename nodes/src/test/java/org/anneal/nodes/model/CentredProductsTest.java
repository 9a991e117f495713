package org.anneal.nodes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked sums against one plain loop per pair: equal to the last bit, for every shape of the blocks and groups of four. */
class CentredProductsTest {
    @Test
    void blockedSumsEqualOneLoopPerPairBitForBit() {
        Random r = new Random(11);
        for (int[] shape : new int[][] {{1, 5}, {2, 1}, {3, 1023}, {5, 1024}, {6, 1025}, {9, 2500}, {21, 3000}}) {
            int m = shape[0];
            int n = shape[1];
            double[][] cols = new double[m][n];
            for (double[] c : cols) {
                double scale = Math.pow(10, r.nextInt(8) - 3);
                for (int i = 0; i < n; i++) {
                    c[i] = r.nextGaussian() * scale + r.nextInt(100);
                }
            }
            double[] sums = CentredProducts.sums(cols);
            double[] mean = new double[m];
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (double v : cols[j]) {
                    s += v;
                }
                assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(sums[j]), "sum " + j);
                mean[j] = s / n;
            }
            double[][] out = CentredProducts.of(cols, mean, () -> { }, x -> { });
            for (int j = 0; j < m - 1; j++) {
                for (int k = j; k < m; k++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += (cols[j][i] - mean[j]) * (cols[k][i] - mean[k]);
                    }
                    assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(out[j][k]), m + "x" + n + " pair " + j + "," + k);
                }
            }
        }
    }
}
