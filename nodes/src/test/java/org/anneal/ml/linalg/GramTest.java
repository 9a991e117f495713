package org.anneal.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** G = Xc·Xcᵀ from X's columns: every entry the fused chain over the columns in order, exactly symmetric, on any number of threads. */
class GramTest {

    /** The same sums the plain way: each entry one chain of fused multiply-adds over the columns in order. */
    static double[][] plain(double[][] columns, double[] shift) {
        int n = columns[0].length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < columns.length; k++) {
                    double s = shift == null ? 0 : shift[k];
                    g[i][j] = Math.fma(columns[k][i] - s, columns[k][j] - s, g[i][j]);
                }
            }
        }
        return g;
    }

    @Test
    void everyEntryIsThePlainChainOfItsColumnsForOddShapes() {
        // (rows n, columns p): one row, one column, columns not a multiple of four, one band and several
        int[][] shapes = {{1, 1}, {1, 9}, {5, 1}, {7, 6}, {33, 13}, {97, 250}};
        for (int[] s : shapes) {
            double[][] columns = ProductsTest.random(s[1], s[0], s[0] + s[1]);
            double[] shift = new double[s[1]];
            for (int k = 0; k < shift.length; k++) {
                shift[k] = 500 + k;
            }
            for (double[] sh : new double[][] {null, shift}) {
                double[][] expected = plain(columns, sh);
                double[][] got = Gram.ofColumns(columns, sh, () -> { });
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], got[i], 0, "row " + i + " of the Gram of " + s[0] + "×" + s[1]);
                }
            }
        }
    }

    @Test
    void bandsCoverEveryRowOnceAndDependOnTheRowCountOnly() {
        for (int n : new int[] {0, 1, 15, 16, 64, 240, 1001}) {
            int[] edges = Gram.bandEdges(n);
            assertEquals(0, edges[0]);
            assertEquals(n, edges[edges.length - 1]);
            for (int b = 1; b < edges.length; b++) {
                assertEquals(true, edges[b] >= edges[b - 1], "edges rise for n = " + n);
            }
        }
        assertEquals(Gram.BANDS + 1, Gram.bandEdges(240).length);
    }

    @Test
    void theSameBitsOnOneThreadAndOnFour() throws Exception {
        double[][] columns = ProductsTest.random(700, 130, 3);
        double[][] one = new ForkJoinPool(1).submit(() -> Gram.ofColumns(columns, null, () -> { })).get();
        double[][] four = new ForkJoinPool(4).submit(() -> Gram.ofColumns(columns, null, () -> { })).get();
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], four[i], 0, "row " + i);
        }
    }

    @Test
    void aCancelStopsTheBands() {
        double[][] columns = ProductsTest.random(2000, 64, 4);
        AtomicInteger asked = new AtomicInteger();
        RuntimeException stop = new RuntimeException("cancelled");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Gram.ofColumns(columns, null, () -> {
            if (asked.incrementAndGet() > 2) {
                throw stop;
            }
        }));
        assertEquals(true, thrown.getMessage().contains("cancelled"), thrown.getMessage()); // rethrown from a pool thread, or as is
    }
}
