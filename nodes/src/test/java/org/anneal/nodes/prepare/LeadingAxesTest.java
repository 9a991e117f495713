package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.linalg.RandomizedSvd;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/** The fast exact and randomized routes of prepare.pca against the classic covariance route (Tribuo's eigendecomposition). */
class LeadingAxesTest {

    /** Columns around 1000 with a few strong directions (column scales falling fast) so the leading axes are well apart. */
    static double[][] columns(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] factors = new double[4][n];
        for (double[] f : factors) {
            for (int i = 0; i < n; i++) {
                f[i] = r.nextGaussian();
            }
        }
        double[][] x = new double[p][n];
        for (int j = 0; j < p; j++) {
            double[] load = {8 * Math.sin(0.01 * j + 1), 4 * Math.cos(0.02 * j), 2 * Math.sin(0.05 * j + 2), 1.0 * (j % 7 - 3) / 3};
            for (int i = 0; i < n; i++) {
                double v = 1000 + 0.1 * r.nextGaussian();
                for (int k = 0; k < 4; k++) {
                    v += load[k] * factors[k][i];
                }
                x[j][i] = v;
            }
        }
        return x;
    }

    static List<String> names(int p) {
        return IntStream.range(0, p).mapToObj(j -> "c" + j).toList();
    }

    static Table table(double[][] x) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            cols.add(new NumericColumn("c" + j, ColumnRole.FEATURE, x[j]));
        }
        return new Table(cols);
    }

    static void assertSameAxes(PrincipalAxes reference, PrincipalAxes fast, int k, double tol) {
        double top = reference.variance()[0];
        for (int c = 0; c < k; c++) {
            assertEquals(reference.variance()[c], fast.variance()[c], 1e-10 * top, "variance " + (c + 1));
            // both fix the sign the same way (largest loading positive): equal, not only up to sign
            assertArrayEquals(reference.axes()[c], fast.axes()[c], tol, "axis " + (c + 1));
        }
        assertEquals(reference.totalVariance(), fast.totalVariance(), 1e-10 * reference.totalVariance());
    }

    @Test
    void theClassicCovarianceIsThePlainDoubleLoopToTheLastBit() {
        double[][] x = columns(57, 23, 1);
        double[] mean = PrincipalAxes.means(x);
        double[][] fast = PrincipalAxes.covariance(PrincipalAxes.centred(x, mean), () -> { });
        int n = x[0].length;
        for (int a = 0; a < x.length; a++) {
            for (int b = a; b < x.length; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (x[a][i] - mean[a]) * (x[b][i] - mean[b]); // the loop prepare.pca ran before
                }
                assertEquals(s / (n - 1), fast[a][b], 0, "entry " + a + "," + b);
                assertEquals(s / (n - 1), fast[b][a], 0, "entry " + b + "," + a);
            }
        }
    }

    @Test
    void theExactRouteMatchesTheReferenceOnTallAndWideTables() {
        for (int[] shape : new int[][] {{300, 40}, {45, 160}}) { // covariance route, Gram route
            double[][] x = columns(shape[0], shape[1], shape[0]);
            List<String> names = names(shape[1]);
            double[] mean = PrincipalAxes.means(x);
            PrincipalAxes reference = PrincipalAxes.byCovariance(names, x, mean, () -> { });
            PrincipalAxes fast = LeadingAxes.exact(names, x, mean, 5, () -> { });
            assertEquals(5, fast.axes().length, "only the kept axes");
            assertEquals(shape[1], fast.variance().length, "every variance, for the scree plot");
            assertSameAxes(reference, fast, 5, 1e-8);
            for (int c = 5; c < Math.min(shape[0] - 1, shape[1]); c++) {
                assertEquals(reference.variance()[c], fast.variance()[c], 1e-10 * reference.variance()[0], "variance " + (c + 1));
            }
        }
    }

    @Test
    void randomizedMatchesTheExactRouteOnLowRankPlusNoise() {
        double[][] x = columns(150, 400, 5);
        List<String> names = names(400);
        double[] mean = PrincipalAxes.means(x);
        PrincipalAxes exact = LeadingAxes.exact(names, x, mean, 4, () -> { });
        PrincipalAxes fast = LeadingAxes.randomized(names, x, mean, 4, 42, () -> { });
        // four strong directions over noise 0.1: ten extra random directions and seven power iterations leave ~1e-12
        assertSameAxes(exact, fast, 4, 1e-8);
        assertEquals(4, fast.variance().length, "only the kept components' variances are known");
        double[] ratio = fast.varianceRatio();
        assertEquals(exact.varianceRatio()[0], ratio[0], 1e-10, "shares of the exact total");
    }

    @Test
    void randomizedOnAFewHundredWideRowsGoesThroughTheGramMatrixAndMatchesTheExactRoute() {
        // 200 rows of 3,000 columns: building X Xᵀ once costs less than the range finder's sixteen passes
        double[][] x = columns(200, 3000, 13);
        List<String> names = names(3000);
        double[] mean = PrincipalAxes.means(x);
        assertEquals(RandomizedSvd.Route.GRAM, RandomizedSvd.route(200, 3000, 4, 14, 7));
        assertSameAxes(LeadingAxes.exact(names, x, mean, 4, () -> { }), LeadingAxes.randomized(names, x, mean, 4, 42, () -> { }), 4, 1e-8);
    }

    @Test
    void randomizedStaysCloseWhenTheMeansDwarfTheSpread() {
        // the randomized route reads the columns uncentred and takes the means off afterwards: means 10⁷ times the
        // smallest direction's spread cost digits only in the range it finds, not in the axes it reports
        double[][] x = columns(150, 400, 11);
        for (double[] c : x) {
            for (int i = 0; i < c.length; i++) {
                c[i] += 1e7;
            }
        }
        List<String> names = names(400);
        double[] mean = PrincipalAxes.means(x);
        assertSameAxes(LeadingAxes.exact(names, x, mean, 4, () -> { }), LeadingAxes.randomized(names, x, mean, 4, 42, () -> { }), 4, 1e-7);
    }

    @Test
    void theMeansAreTheStreamSumsToTheLastBit() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = new double[11][]; // two groups of four and a remainder of three
        for (int j = 0; j < x.length; j++) {
            x[j] = new double[37];
            for (int i = 0; i < 37; i++) {
                x[j][i] = r.nextGaussian() * Math.pow(10, r.nextInt(-3, 12)) + (j % 2 == 0 ? 1e9 : 0);
            }
        }
        x[3][5] = Double.NaN;
        x[6][0] = Double.POSITIVE_INFINITY;
        x[9][1] = Double.POSITIVE_INFINITY;
        x[9][2] = Double.NEGATIVE_INFINITY;
        double[] mean = PrincipalAxes.means(x);
        for (int j = 0; j < x.length; j++) {
            assertEquals(java.util.Arrays.stream(x[j]).sum() / 37, mean[j], 0, "column " + j);
        }
    }

    @Test
    void autoKeepsEarlierWorkflowsOnTheClassicRouteAndGoesRandomizedOnlyWhenBothSidesAreLarge() {
        assertSame(LeadingAxes.Route.EXACT, LeadingAxes.route(PcaNode.Solver.AUTO, 2304, 512, 3));
        assertSame(LeadingAxes.Route.EXACT, LeadingAxes.route(PcaNode.Solver.AUTO, 1000, 5000, 10));
        assertSame(LeadingAxes.Route.RANDOMIZED, LeadingAxes.route(PcaNode.Solver.AUTO, 3000, 5000, 10));
        assertSame(LeadingAxes.Route.EXACT, LeadingAxes.route(PcaNode.Solver.AUTO, 3000, 5000, 400));
        assertSame(LeadingAxes.Route.EXACT, LeadingAxes.route(PcaNode.Solver.RANDOMIZED, 5, 100, 10), "more components than rows");
        double[][] x = columns(80, 30, 9);
        Table t = table(x);
        PrincipalAxes classic = PrincipalAxes.fit(t, names(30), () -> { });
        for (PcaNode.Solver solver : List.of(PcaNode.Solver.AUTO, PcaNode.Solver.FULL)) {
            PrincipalAxes now = LeadingAxes.fit(t, names(30), 3, solver, 1, () -> { });
            assertArrayEquals(classic.variance(), now.variance(), 0, "same numbers to the last bit");
            for (int c = 0; c < 30; c++) {
                assertArrayEquals(classic.axes()[c], now.axes()[c], 0);
            }
        }
    }
}
