package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.anneal.data.Table;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

/** The scores, computed in pieces of rows in parallel, are the row-by-row sums to the last bit on any number of threads. */
class PcaProjectionTest {

    @Test
    void scoresAreThePlainSumsInColumnOrderOnOneThreadAndOnFour() throws Exception {
        // 300 rows: one piece, its components in two halves; 1,100 rows: three pieces, the last one short
        for (int n : new int[] {300, 1100}) {
            assertPlainSums(n, 37);
        }
    }

    @Test
    void aMissingValueFailsNamingItsColumnWhenFittingAndWhenProjecting() {
        double[][] x = LeadingAxesTest.columns(40, 6, 3);
        List<String> names = LeadingAxesTest.names(6);
        double[][] holed = x.clone();
        holed[4] = x[4].clone();
        holed[4][7] = Double.NaN;
        holed[4][9] = Double.NaN;
        for (PcaNode.Solver solver : PcaNode.Solver.values()) {
            NodeFailure f = assertThrows(NodeFailure.class, () -> LeadingAxes.fit(LeadingAxesTest.table(holed), names, 2, solver, 1, () -> { }));
            assertEquals("Column 'c4' has 2 missing value(s) in the fit rows; PCA needs every value.", f.getMessage(), solver.name());
        }
        PrincipalAxes axes = LeadingAxes.fit(LeadingAxesTest.table(x), names, 2, PcaNode.Solver.FULL, 1, () -> { });
        PcaProjection projection = new PcaProjection(axes, 2, false);
        NodeFailure f = assertThrows(NodeFailure.class, () -> projection.apply(LeadingAxesTest.table(holed)));
        assertEquals("Column 'c4' has 2 missing value(s); a row cannot be projected without all of them.", f.getMessage());
        // an infinite value is not a missing one: its row's scores say so, as they always did
        double[][] infinite = x.clone();
        infinite[2] = x[2].clone();
        infinite[2][0] = Double.POSITIVE_INFINITY;
        Table out = projection.apply(LeadingAxesTest.table(infinite));
        assertEquals(true, Double.isInfinite(out.numeric("pc1").values()[0]) || Double.isNaN(out.numeric("pc1").values()[0]));
        assertEquals(true, Double.isFinite(out.numeric("pc1").values()[1]));
    }

    private static void assertPlainSums(int n, int p) throws Exception {
        double[][] x = LeadingAxesTest.columns(n, p, 21);
        List<String> names = LeadingAxesTest.names(p);
        Table t = LeadingAxesTest.table(x);
        double[] mean = PrincipalAxes.means(x);
        PrincipalAxes axes = LeadingAxes.exact(names, x, mean, 5, () -> { });
        for (int components : new int[] {1, 4, 5}) {
            PcaProjection projection = new PcaProjection(axes, components, false);
            Table one = new ForkJoinPool(1).submit(() -> projection.apply(t)).get();
            Table four = new ForkJoinPool(4).submit(() -> projection.apply(t)).get();
            for (int k = 0; k < components; k++) {
                double[] expected = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < p; j++) {
                        s += (x[j][i] - mean[j]) * axes.axes()[k][j];
                    }
                    expected[i] = s;
                }
                String name = PcaProjection.scoreName(k) + " of " + components + " on " + n + " rows";
                assertArrayEquals(expected, one.numeric(PcaProjection.scoreName(k)).values(), 0, name + ", one thread");
                assertArrayEquals(expected, four.numeric(PcaProjection.scoreName(k)).values(), 0, name + ", four threads");
            }
        }
    }
}
