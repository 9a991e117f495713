package org.anneal.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The few-rows product equals the plain loop up to the rounding of its other summation order, the same bits on any number of threads. */
class ThinProductsTest {

    @Test
    void matchesThePlainLoopForNarrowWideAndOddShapes() {
        // (rows of A, rows of B, columns of B): narrow C split by depth, wide C split by columns, remainders of four
        int[][] shapes = {{1, 1, 1}, {3, 7, 5}, {20, 5003, 240}, {13, 241, 1500}, {20, 1000, 5000}};
        for (int[] s : shapes) {
            double[][] a = ProductsTest.random(s[0], s[1], s[0]);
            double[][] b = ProductsTest.random(s[1], s[2], s[2]);
            double[][] expected = ProductsTest.naive(a, b);
            double[][] got = ThinProducts.multiply(a, b, () -> { });
            double scale = 1e6 * Math.sqrt(s[1]); // entries of A and B are ~1e3: each sum ~1e6·√k
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], got[i], 1e-13 * scale, "row " + i + " of " + s[0] + "×" + s[1] + "·" + s[1] + "×" + s[2]);
            }
        }
    }

    @Test
    void theSameBitsOnOneThreadAndOnFour() throws Exception {
        double[][] a = ProductsTest.random(20, 5003, 1);
        double[][] b = ProductsTest.random(5003, 700, 2);
        double[][] one = new ForkJoinPool(1).submit(() -> ThinProducts.multiply(a, b, () -> { })).get();
        double[][] four = new ForkJoinPool(4).submit(() -> ThinProducts.multiply(a, b, () -> { })).get();
        assertEquals(one.length, four.length);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], four[i], 0, "row " + i);
        }
    }
}
