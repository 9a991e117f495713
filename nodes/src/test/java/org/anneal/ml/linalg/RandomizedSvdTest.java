package org.anneal.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomizedSvdTest {

    /** U diag(s) Vᵀ with random orthonormal U, V plus Gaussian noise of the given size: low rank plus noise, as spectra are. */
    static double[][] lowRankPlusNoise(int n, int p, double[] s, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] u = RandomizedSvd.orthonormalRows(gaussian(s.length, n, r));
        double[][] v = RandomizedSvd.orthonormalRows(gaussian(s.length, p, r));
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double sum = noise * r.nextGaussian();
                for (int k = 0; k < s.length; k++) {
                    sum += u[k][i] * s[k] * v[k][j];
                }
                x[i][j] = sum;
            }
        }
        return x;
    }

    static double[][] gaussian(int m, int n, SplittableRandom r) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return a;
    }

    @Test
    void matchesTheExactSingularTripletsOfALowRankPlusNoiseMatrix() {
        double[][] x = lowRankPlusNoise(200, 300, new double[] {100, 50, 25, 12, 6, 3}, 0.01, 7);
        double[][] xt = Products.transpose(x);
        assertExactTriplets(x, xt, RandomizedSvd.leadingLuNormalised(x, xt, 4, 14, 7, 42, () -> { }), 4);
    }

    /** The first k triplets of {@code fast} against the exact ones: eigenvectors u of X Xᵀ, singular value √λ, right vector Xᵀu/σ. */
    static void assertExactTriplets(double[][] x, double[][] xt, RandomizedSvd.Result fast, int k) {
        int p = xt.length;
        SymmetricEigen.Result exact = SymmetricEigen.largest(Products.multiplySymmetric(x, xt, () -> { }), k, () -> { });
        double[][] v = Products.multiply(exact.vectors(), x, () -> { });
        for (int c = 0; c < k; c++) {
            double sigma = Math.sqrt(exact.values()[c]);
            assertEquals(sigma, fast.values()[c], 1e-9 * sigma, "singular value " + (c + 1));
            double sign = Math.signum(Products.dot(v[c], fast.vectors()[c], 0, p));
            for (int j = 0; j < p; j++) {
                v[c][j] *= sign / sigma;
            }
            assertArrayEquals(v[c], fast.vectors()[c], 1e-8, "right singular vector " + (c + 1));
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        double[][] x = lowRankPlusNoise(60, 90, new double[] {10, 5, 1}, 0.1, 3);
        double[][] xt = Products.transpose(x);
        RandomizedSvd.Result a = RandomizedSvd.leadingLuNormalised(x, xt, 3, 13, 4, 9, () -> { });
        RandomizedSvd.Result b = RandomizedSvd.leadingLuNormalised(x, xt, 3, 13, 4, 9, () -> { });
        assertArrayEquals(a.values(), b.values(), 0);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(a.vectors()[c], b.vectors()[c], 0);
        }
    }

    @Test
    void theLuNormalisedRouteFindsTheSameTripletsAsTheExactSvdAlsoFromShiftedColumns() {
        double[][] x = lowRankPlusNoise(200, 300, new double[] {100, 50, 25, 12, 6, 3}, 0.01, 7);
        double[][] xt = Products.transpose(x);
        RandomizedSvd.Result fast = RandomizedSvd.leadingLuNormalised(x, xt, 4, 14, 7, 42, () -> { });
        assertExactTriplets(x, xt, fast, 4);
        RandomizedSvd.Result again = RandomizedSvd.leadingLuNormalised(x, xt, 4, 14, 7, 42, () -> { });
        assertArrayEquals(fast.values(), again.values(), 0, "the same seed gives the same numbers");
        assertArrayEquals(fast.vectors()[0], again.vectors()[0], 0);
        // the columns as a table holds them, before centring: the shift is taken off on the fly
        double[] shift = shifts(300, 1000);
        assertExactTriplets(x, xt, RandomizedSvd.leadingLuNormalised(x, shifted(xt, shift), shift, 4, 14, 7, 42, () -> { }), 4);
    }

    @Test
    void luNormalisingKeepsTheSpanWithUnitPivotsAndZeroesWhatIsDependent() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] y = gaussian(3, 50, r);
        for (int j = 0; j < 50; j++) {
            y[2][j] = 2 * y[0][j] - y[1][j]; // the third column of Y is a combination of the first two
        }
        double[][] original = {y[0].clone(), y[1].clone(), y[2].clone()};
        double[][] l = RandomizedSvd.luNormalised(y);
        double[][] basis = RandomizedSvd.orthonormalRows(new double[][] {l[0].clone(), l[1].clone()});
        for (double[] column : original) {
            double[] rest = column.clone();
            for (double[] b : basis) {
                double proj = Products.dot(rest, b, 0, 50);
                for (int j = 0; j < 50; j++) {
                    rest[j] -= proj * b[j];
                }
            }
            assertEquals(0, Math.sqrt(Products.dot(rest, rest, 0, 50)), 1e-12 * Math.sqrt(Products.dot(column, column, 0, 50)),
                    "every original column lies in the span of the normalised ones");
        }
        for (int k = 0; k < 2; k++) {
            double largest = 0;
            for (double v : l[k]) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertEquals(1, largest, 1e-15, "column " + k + " is scaled by its pivot");
        }
        for (double v : l[2]) {
            assertEquals(0, v, 1e-13, "a dependent column is left with (almost) nothing");
        }
    }

    @Test
    void theGramRouteFindsTheExactTripletsAndAgreesWithTheRangeFinder() {
        double[][] x = lowRankPlusNoise(120, 700, new double[] {100, 50, 25, 12, 6, 3}, 0.01, 8);
        double[][] xt = Products.transpose(x);
        RandomizedSvd.Result gram = RandomizedSvd.leadingLuNormalised(x, xt, null, 4, 14, 7, 42, () -> { }, RandomizedSvd.Route.GRAM);
        RandomizedSvd.Result range = RandomizedSvd.leadingLuNormalised(x, xt, null, 4, 14, 7, 42, () -> { }, RandomizedSvd.Route.RANGE);
        assertExactTriplets(x, xt, gram, 4);
        assertArrayEquals(range.values(), gram.values(), 1e-11 * range.values()[0], "the same subspace iteration, the same values");
        for (int c = 0; c < 4; c++) {
            double sign = Math.signum(Products.dot(range.vectors()[c], gram.vectors()[c], 0, 700));
            for (int j = 0; j < 700; j++) {
                assertEquals(range.vectors()[c][j], sign * gram.vectors()[c][j], 1e-9, "right vector " + (c + 1) + " at " + j);
            }
        }
        // shifted columns (a table's, with their means) give the centred matrix's triplets on the Gram route too
        double[] shift = shifts(700, 1e4);
        assertExactTriplets(x, xt, RandomizedSvd.leadingLuNormalised(x, shifted(xt, shift), shift, 4, 14, 7, 42, () -> { },
                RandomizedSvd.Route.GRAM), 4);
    }

    /** Shifts base, base + 1, … for p columns. */
    private static double[] shifts(int p, double base) {
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) {
            shift[j] = base + j;
        }
        return shift;
    }

    /** Column j plus shift[j]: the columns as a table holds them, before centring. */
    private static double[][] shifted(double[][] columns, double[] shift) {
        double[][] shifted = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            shifted[j] = columns[j].clone();
            for (int i = 0; i < shifted[j].length; i++) {
                shifted[j][i] += shift[j];
            }
        }
        return shifted;
    }

    @Test
    void theRouteFollowsTheShapesOnly() {
        // prepare.pca's 10 components (20 directions, 7 iterations) and prepare.nmf's 5 parts (15, 7) on spectra
        assertEquals(RandomizedSvd.Route.GRAM, RandomizedSvd.route(240, 5000, 10, 20, 7), "a few hundred spectra: the Gram matrix");
        assertEquals(RandomizedSvd.Route.GRAM, RandomizedSvd.route(240, 5000, 5, 15, 7));
        assertEquals(RandomizedSvd.Route.RANGE, RandomizedSvd.route(1000, 5000, 10, 20, 7), "n²p/2 beyond the passes it saves");
        assertEquals(RandomizedSvd.Route.RANGE, RandomizedSvd.route(5000, 240, 10, 20, 7), "more rows than columns");
        assertEquals(RandomizedSvd.Route.RANGE, RandomizedSvd.route(60, 2000, 3, 13, 7), "milliseconds either way: the earlier route");
    }

    @Test
    void theGramRouteGivesTheSameBitsOnOneThreadAndOnFour() throws Exception {
        double[][] x = lowRankPlusNoise(150, 400, new double[] {30, 20, 10}, 0.1, 4);
        double[][] xt = Products.transpose(x);
        java.util.concurrent.Callable<RandomizedSvd.Result> run =
                () -> RandomizedSvd.leadingLuNormalised(x, xt, null, 3, 13, 7, 5, () -> { }, RandomizedSvd.Route.GRAM);
        RandomizedSvd.Result one = new java.util.concurrent.ForkJoinPool(1).submit(run).get();
        RandomizedSvd.Result four = new java.util.concurrent.ForkJoinPool(4).submit(run).get();
        assertArrayEquals(one.values(), four.values(), 0);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(one.vectors()[c], four.vectors()[c], 0, "vector " + (c + 1));
        }
    }

    @Test
    void theGramRouteOnRankDeficientAndDegenerateMatrices() {
        // rank 2 asked for 4: two exact triplets, then zero values and zero vectors, as on the range route
        double[][] x = lowRankPlusNoise(40, 90, new double[] {5, 2}, 0, 6);
        double[][] xt = Products.transpose(x);
        for (RandomizedSvd.Route route : RandomizedSvd.Route.values()) {
            RandomizedSvd.Result r = RandomizedSvd.leadingLuNormalised(x, xt, null, 4, 8, 4, 1, () -> { }, route);
            assertEquals(5, r.values()[0], 1e-12, route + ": first value");
            assertEquals(2, r.values()[1], 1e-12, route + ": second value");
            for (int c = 2; c < 4; c++) {
                assertEquals(0, r.values()[c], 1e-12, route + ": no third or fourth direction");
            }
        }
        // a single row: one direction, the row itself; a zero matrix: nothing
        double[][] one = {{3, 0, 4}};
        RandomizedSvd.Result single = RandomizedSvd.leadingLuNormalised(one, Products.transpose(one), null, 1, 1, 7, 1, () -> { },
                RandomizedSvd.Route.GRAM);
        assertEquals(5, single.values()[0], 1e-12);
        assertArrayEquals(new double[] {0.6, 0, 0.8}, new double[] {Math.abs(single.vectors()[0][0]), single.vectors()[0][1],
                Math.abs(single.vectors()[0][2])}, 1e-12);
        double[][] zeros = new double[3][5];
        for (RandomizedSvd.Route route : RandomizedSvd.Route.values()) {
            RandomizedSvd.Result none = RandomizedSvd.leadingLuNormalised(zeros, Products.transpose(zeros), null, 2, 3, 4, 1, () -> { }, route);
            assertArrayEquals(new double[] {0, 0}, none.values(), 0, route + ": values of a zero matrix");
            assertArrayEquals(new double[5], none.vectors()[1], 0, route + ": vectors of a zero matrix");
        }
    }
}
