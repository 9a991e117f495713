package org.anneal.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** G = Xc·Xcᵀ from X's columns: every entry the fused chain over the columns in order, exactly symmetric, on any number of threads. */
class GramTest {

    /** The same sums the plain way: each entry one chain of fused multiply-adds per piece of the columns, in order, then the pieces added. */
    static double[][] plain(double[][] columns, double[] shift) {
        int n = columns[0].length;
        int p = columns.length;
        int chunks = Gram.chunks(p);
        double[][] g = new double[n][n];
        for (int c = 0; c < chunks; c++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int k = c * p / chunks; k < (c + 1) * p / chunks; k++) {
                        double s = shift == null ? 0 : shift[k];
                        sum = Math.fma(columns[k][i] - s, columns[k][j] - s, sum);
                    }
                    g[i][j] = c == 0 ? sum : g[i][j] + sum;
                }
            }
        }
        return g;
    }

    @Test
    void everyEntryIsThePlainChainOfItsColumnsForOddShapes() {
        // (rows n, columns p): one row, one column, columns not a multiple of four, one piece of columns and several
        int[][] shapes = {{1, 1}, {1, 9}, {5, 1}, {7, 6}, {33, 13}, {97, 250}, {20, 1003}};
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
    void thePiecesOfTheColumnsDependOnTheirCountOnly() {
        assertEquals(1, Gram.chunks(1));
        assertEquals(1, Gram.chunks(127));
        assertEquals(3, Gram.chunks(250));
        assertEquals(Gram.CHUNKS, Gram.chunks(5000));
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
    void aCancelStopsThePieces() {
        double[][] columns = ProductsTest.random(4000, 64, 4);
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
