package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.nodes.prepare.RbfFeaturesNode;
import org.anneal.nodes.prepare.SplineFeaturesNode;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** prepare.spline and prepare.rbf against closed-form basis values. */
class BasisFeaturesTest {
    static final Table ZERO_TO_TEN = TransformNodesTest.column("x", IntStream.rangeClosed(0, 10).asDoubleStream().toArray());

    static double[] row(Table t, String prefix, int n, int i) {
        return IntStream.range(0, n).mapToDouble(k -> t.numeric(prefix + k).get(i)).toArray();
    }

    static Outputs spline(Table fit, Table data, int knots, int degree, String placement) {
        return new SplineFeaturesNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", data)),
                new SplineFeaturesNode.Params(List.of("x"), knots, degree, org.anneal.spec.Choices.parse(org.anneal.nodes.prepare.SplineFeaturesNode.Placement.class, placement).orElseThrow(), false), TestCtx.of("bs"));
    }

    @Test
    void linearSplineOnAMedianKnotIsHatFunctionsAndClampsOutsideTheRange() {
        // one interior knot at the median of 0..10 = 5: B0 falls from 1 at 0 to 0 at 5, B1 peaks at 5, B2 rises to 1 at 10
        Table data = TransformNodesTest.column("x", 2, 7.5, 12, -1);
        Table out = (Table) spline(ZERO_TO_TEN, data, 1, 1, "quantiles").get("out");
        assertArrayEquals(new double[] {0.6, 0.4, 0}, row(out, "x_bs", 3, 0), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5}, row(out, "x_bs", 3, 1), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, row(out, "x_bs", 3, 2), 1e-12, "beyond the fit range: clamped to its end");
        assertArrayEquals(new double[] {1, 0, 0}, row(out, "x_bs", 3, 3), 1e-12);
        assertTrue(out.column("x").isEmpty(), "the original column is replaced");
    }

    @Test
    void cubicSplineOnUniformKnotsHasTheCardinalValuesOneSixthTwoThirdsOneSixth() {
        Table data = TransformNodesTest.column("x", 5, 0, 10, 0.3, 9.99, 3.7);
        Table out = (Table) spline(ZERO_TO_TEN, data, 9, 3, "uniform").get("out");
        int n = 9 + 3 + 1;
        double[] expected = new double[n];
        // knots 1..9: the basis functions with support [2,6], [3,7], [4,8] are the uniform cubic B-spline shifted
        expected[5] = 1.0 / 6;
        expected[6] = 2.0 / 3;
        expected[7] = 1.0 / 6;
        assertArrayEquals(expected, row(out, "x_bs", n, 0), 1e-12);
        for (int i = 0; i < data.rowCount(); i++) {
            double[] b = row(out, "x_bs", n, i);
            assertEquals(1, java.util.Arrays.stream(b).sum(), 1e-12, "partition of unity at row " + i);
            assertTrue(java.util.Arrays.stream(b).allMatch(v -> v >= 0));
        }
        assertEquals(1, row(out, "x_bs", n, 1)[0], 1e-12, "clamped: the first function is 1 at the left end");
        assertEquals(1, row(out, "x_bs", n, 2)[n - 1], 1e-12);
    }

    @Test
    void splineStateExpandsTestRowsWithTheTrainingKnotsAndConfigureAgrees() throws Exception {
        Outputs o = spline(ZERO_TO_TEN, ZERO_TO_TEN, 1, 1, "quantiles");
        Table test = TransformNodesTest.column("x", 2.5, Double.NaN);
        Table applied = (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", o.get("state"), "data", test)),
                new ApplyTransformNode.Params(), TestCtx.of("a")).get("out");
        assertArrayEquals(new double[] {0.5, 0.5, 0}, row(applied, "x_bs", 3, 0), 1e-12, "knot at the training median 5, not the test rows'");
        assertTrue(Double.isNaN(applied.numeric("x_bs1").get(1)), "missing stays missing");
        TableSpec trainSpec = ZERO_TO_TEN.spec(Lineage.UNSPLIT.withPartition(Partition.of("split", Partition.Side.TRAIN)));
        Specs specs = new SplineFeaturesNode().configure(Specs.of(Map.of("fit", trainSpec, "data", trainSpec)),
                new SplineFeaturesNode.Params(List.of("x"), 1, 1, org.anneal.nodes.prepare.SplineFeaturesNode.Placement.QUANTILES, false), TestCtx.of("bs"));
        List<String> names = ((TableSpec) specs.get("out")).names();
        assertEquals(List.of("y", "x_bs0", "x_bs1", "x_bs2"), names);
        assertEquals(names, applied.columns().stream().map(c -> c.name()).toList(), "configure promises what execute delivers");
        Specs viaApply = new ApplyTransformNode().configure(Specs.of(Map.of("state", specs.get("state"), "data", test.spec(Lineage.UNSPLIT))),
                new ApplyTransformNode.Params(), TestCtx.of("a"));
        assertEquals(names, ((TableSpec) viaApply.get("out")).names());
        assertTrue(viaApply.get("out").lineage().fittedOn().contains(Partition.of("split", Partition.Side.TRAIN)));
    }

    @Test
    void constantColumnsHaveNoRangeForKnots() {
        Table flat = TransformNodesTest.column("x", 3, 3, 3);
        NodeFailure e = assertThrows(NodeFailure.class, () -> spline(flat, flat, 2, 3, "quantiles"));
        assertTrue(e.getMessage().contains("'x'"));
    }

    @Test
    void rbfCentresOnAGridWithTheGridSpacingAsWidth() {
        Outputs o = new RbfFeaturesNode().execute(Fixtures.inputs(Map.of("fit", ZERO_TO_TEN, "data", TransformNodesTest.column("x", 4, 5))),
                new RbfFeaturesNode.Params(List.of("x"), 6, org.anneal.nodes.prepare.RbfFeaturesNode.Placement.GRID, 0, false), TestCtx.of("rbf"));
        Table out = (Table) o.get("out");
        // centres 0, 2, 4, 6, 8, 10; width 2: exp(-(x - c)² / 8)
        double h = Math.exp(-0.5);
        assertArrayEquals(new double[] {Math.exp(-2), h, 1, h, Math.exp(-2), Math.exp(-4.5)}, row(out, "x_rbf", 6, 0), 1e-12);
        assertArrayEquals(new double[] {Math.exp(-25.0 / 8), Math.exp(-9.0 / 8), Math.exp(-1.0 / 8), Math.exp(-1.0 / 8), Math.exp(-9.0 / 8),
                Math.exp(-25.0 / 8)}, row(out, "x_rbf", 6, 1), 1e-12);
    }

    @Test
    void rbfCentresAtQuantilesFollowTheFitRows() {
        Table fit = TransformNodesTest.column("x", 0, 1, 2, 3, 4, 100);
        Outputs o = new RbfFeaturesNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", TransformNodesTest.column("x", 2.5, 100))),
                new RbfFeaturesNode.Params(List.of("x"), 3, org.anneal.nodes.prepare.RbfFeaturesNode.Placement.QUANTILES, 1, true), TestCtx.of("rbf"));
        Table out = (Table) o.get("out");
        // quantiles 0, 0.5, 1 of the fit rows (linear interpolation): 0, 2.5, 100
        assertArrayEquals(new double[] {Math.exp(-3.125), 1, 0}, row(out, "x_rbf", 3, 0), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, row(out, "x_rbf", 3, 1), 1e-12);
        assertArrayEquals(new double[] {2.5, 100}, out.numeric("x").values(), "keepOriginal");
        assertTrue(((FittedTransform) o.get("state")).describe().contains("3 centres from 0.000 to 100.0"), ((FittedTransform) o.get("state")).describe());
    }
}
