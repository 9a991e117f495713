package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.nodes.prepare.LogTransformNode;
import org.anneal.nodes.prepare.NondimensionalizeNode;
import org.anneal.nodes.prepare.OrdinalNode;
import org.anneal.nodes.prepare.RobustScaleNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** prepare.robust, prepare.log, prepare.ordinal and prepare.nondim against hand-computed and SciPy/NumPy values. */
class TransformNodesTest {

    static Table column(String name, double... v) {
        return new Table(List.of(new NumericColumn(name, ColumnRole.FEATURE, v), new NumericColumn("y", ColumnRole.TARGET, new double[v.length])));
    }

    static Table applied(FittedTransform state, Table data) {
        return (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", state, "data", data)), new ApplyTransformNode.Params(),
                TestCtx.of("apply")).get("out");
    }

    static TableSpec train(Table t) {
        return t.spec(Lineage.UNSPLIT.withPartition(Partition.of("split", Partition.Side.TRAIN)));
    }

    @Test
    void robustScalingUsesMedianAndQuartilesOfTheFitRowsOnly() {
        // 1, 2, 3, 4, 5, 100: NumPy percentile (linear) gives Q1 2.25, median 3.5, Q3 4.75, so IQR 2.5; the 100 barely matters
        Table fit = column("x", 1, 2, 3, 4, 5, 100);
        Outputs o = new RobustScaleNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", fit)),
                new RobustScaleNode.Params(List.of(), 25, 75, true, true), TestCtx.of("r"));
        assertArrayEquals(new double[] {-1, -0.6, -0.2, 0.2, 0.6, 38.6}, ((Table) o.get("out")).numeric("x").values(), 1e-12);
        Table test = column("x", 3.5, 6);
        assertArrayEquals(new double[] {0, 1}, applied((FittedTransform) o.get("state"), test).numeric("x").values(), 1e-12);
        assertThrows(ConfigError.class, () -> new RobustScaleNode().configure(Specs.of(Map.of("fit", fit.spec(Lineage.UNSPLIT), "data", fit.spec(Lineage.UNSPLIT))),
                new RobustScaleNode.Params(List.of(), 50, 50, true, true), TestCtx.of("r")));
    }

    @Test
    void boxCoxLambdaIsTheMaximumLikelihoodOneFoundByBruteForceAndBySciPy() {
        double[] x = {1.2, 2.5, 3.1, 4.8, 7.9, 12.4, 20.1, 35.0};
        // brute force: the profile log-likelihood of Box and Cox (1964) on a 1e-4 grid
        double bestLambda = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = -30000; k <= 30000; k++) {
            double l = k * 1e-4;
            double[] y = new double[x.length];
            double mean = 0;
            double sumLog = 0;
            for (int i = 0; i < x.length; i++) {
                y[i] = l == 0 ? Math.log(x[i]) : (Math.pow(x[i], l) - 1) / l;
                mean += y[i] / x.length;
                sumLog += Math.log(x[i]);
            }
            double var = 0;
            for (double v : y) {
                var += (v - mean) * (v - mean) / x.length;
            }
            double ll = (l - 1) * sumLog - x.length / 2.0 * Math.log(var);
            if (ll > best) {
                best = ll;
                bestLambda = l;
            }
        }
        Outputs o = new LogTransformNode().execute(Fixtures.inputs(Map.of("fit", column("d", x), "data", column("d", x))),
                new LogTransformNode.Params(List.of("d"), org.anneal.nodes.prepare.LogTransform.Method.BOX_COX), TestCtx.of("bc"));
        double lambda = ((org.anneal.nodes.prepare.LogTransform) o.get("state")).lambdas()[0];
        assertEquals(bestLambda, lambda, 2e-4, "grid optimum");
        assertEquals(-0.027607441181890496, lambda, 1e-4, "scipy.stats.boxcox(x) of SciPy 1.17.1");
        double exact = ((Table) o.get("out")).numeric("d").get(0);
        assertEquals((Math.pow(1.2, lambda) - 1) / lambda, exact, 1e-12);
        assertEquals(0.18186347, exact, 1e-5, "scipy's transformed first value");
    }

    @Test
    void boxCoxAppliesTheTrainingLambdaToTestRows() {
        double[] x = {0.5, 0.9, 1.1, 1.3, 1.8, 2.2, 2.9};
        Outputs o = new LogTransformNode().execute(Fixtures.inputs(Map.of("fit", column("d", x), "data", column("d", x))),
                new LogTransformNode.Params(List.of(), org.anneal.nodes.prepare.LogTransform.Method.BOX_COX), TestCtx.of("bc"));
        double lambda = ((org.anneal.nodes.prepare.LogTransform) o.get("state")).lambdas()[0];
        assertEquals(0.31233620133986767, lambda, 1e-4, "scipy.stats.boxcox(x) of SciPy 1.17.1");
        Table test = applied((FittedTransform) o.get("state"), column("d", 4, 0.25));
        assertArrayEquals(new double[] {(Math.pow(4, lambda) - 1) / lambda, (Math.pow(0.25, lambda) - 1) / lambda}, test.numeric("d").values(), 1e-12);
        NodeFailure e = assertThrows(NodeFailure.class, () -> applied((FittedTransform) o.get("state"), column("d", 1, -2)));
        assertTrue(e.getMessage().contains("Column 'd' has the value -2 in row 2"), e.getMessage());
    }

    @Test
    void logAndLog1pNeedNoFitRowsAndNameTheOffendingCell() throws Exception {
        Table t = column("rate", 1, Math.E, 0);
        Outputs o = new LogTransformNode().execute(Fixtures.inputs(Map.of("data", t)), new LogTransformNode.Params(List.of("rate"), org.anneal.nodes.prepare.LogTransform.Method.LOG1P), TestCtx.of("l"));
        assertArrayEquals(new double[] {Math.log(2), Math.log1p(Math.E), 0}, ((Table) o.get("out")).numeric("rate").values(), 1e-15);
        NodeFailure e = assertThrows(NodeFailure.class, () -> new LogTransformNode().execute(Fixtures.inputs(Map.of("data", t)),
                new LogTransformNode.Params(List.of("rate"), org.anneal.nodes.prepare.LogTransform.Method.LOG), TestCtx.of("l")));
        assertTrue(e.getMessage().contains("Column 'rate' has the value 0 in row 3"), e.getMessage());
        assertTrue(e.fix().contains("log1p"));
        NodeFailure bc = assertThrows(NodeFailure.class, () -> new LogTransformNode().execute(Fixtures.inputs(Map.of("fit", t, "data", t)),
                new LogTransformNode.Params(List.of("rate"), org.anneal.nodes.prepare.LogTransform.Method.BOX_COX), TestCtx.of("l")));
        assertTrue(bc.getMessage().contains("'rate'") && bc.getMessage().contains("above 0"), bc.getMessage());
        ConfigError noFit = assertThrows(ConfigError.class, () -> new LogTransformNode().configure(Specs.of(Map.of("data", t.spec(Lineage.UNSPLIT))),
                new LogTransformNode.Params(List.of(), org.anneal.nodes.prepare.LogTransform.Method.BOX_COX), TestCtx.of("l")));
        assertEquals("fit", noFit.port());
        Specs plain = new LogTransformNode().configure(Specs.of(Map.of("data", train(t))), new LogTransformNode.Params(List.of(), org.anneal.nodes.prepare.LogTransform.Method.LOG), TestCtx.of("l"));
        assertTrue(plain.get("out").lineage().fittedOn().isEmpty(), "log learns nothing");
    }

    @Test
    void ordinalFollowsTheGivenOrderAndRefusesUnknownCategories() throws Exception {
        Table fit = new Table(List.of(new CategoricalColumn("temper", ColumnRole.FEATURE, new int[] {0, 1, 2, 1},
                List.of("T6", "O", "T4")), new NumericColumn("y", ColumnRole.TARGET, new double[4])));
        OrdinalNode.Params explicit = new OrdinalNode.Params(List.of(), List.of("temper: O < T4 < T6"), org.anneal.nodes.prepare.OrdinalNode.Unknown.ERROR);
        Outputs o = new OrdinalNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", fit)), explicit, TestCtx.of("o"));
        assertArrayEquals(new double[] {2, 0, 1, 0}, ((Table) o.get("out")).numeric("temper").values());
        Outputs learnt = new OrdinalNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", fit)),
                new OrdinalNode.Params(List.of(), List.of(), org.anneal.nodes.prepare.OrdinalNode.Unknown.ERROR), TestCtx.of("o"));
        assertArrayEquals(new double[] {2, 0, 1, 0}, ((Table) learnt.get("out")).numeric("temper").values(), "alphabetical: O, T4, T6");
        Table test = new Table(List.of(new CategoricalColumn("temper", ColumnRole.FEATURE, new int[] {0, 1, -1}, List.of("T6", "T8")),
                new NumericColumn("y", ColumnRole.TARGET, new double[3])));
        NodeFailure e = assertThrows(NodeFailure.class, () -> applied((FittedTransform) o.get("state"), test));
        assertTrue(e.getMessage().contains("Row 2 of column 'temper' holds the category 'T8'"), e.getMessage());
        Outputs lenient = new OrdinalNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", test)),
                new OrdinalNode.Params(List.of(), List.of("temper: O < T4 < T6"), org.anneal.nodes.prepare.OrdinalNode.Unknown.MISSING), TestCtx.of("o"));
        assertArrayEquals(new double[] {2, Double.NaN, Double.NaN}, ((Table) lenient.get("out")).numeric("temper").values());
    }

    @Test
    void ordinalConfigureShowsNumbersDownstreamOfTheApplyNodeToo() throws Exception {
        Table fit = new Table(List.of(new CategoricalColumn("grade", ColumnRole.FEATURE, new int[] {0, 1}, List.of("A", "B")),
                new NumericColumn("y", ColumnRole.TARGET, new double[2])));
        TableSpec spec = train(fit);
        Specs out = new OrdinalNode().configure(Specs.of(Map.of("fit", spec, "data", spec)), new OrdinalNode.Params(List.of(), List.of(), org.anneal.nodes.prepare.OrdinalNode.Unknown.ERROR), TestCtx.of("o"));
        assertEquals(ColumnType.NUMERIC, ((TableSpec) out.get("out")).column("grade").orElseThrow().type());
        Specs applied = new ApplyTransformNode().configure(Specs.of(Map.of("state", out.get("state"), "data", fit.spec(Lineage.UNSPLIT))),
                new ApplyTransformNode.Params(), TestCtx.of("a"));
        assertEquals(ColumnType.NUMERIC, ((TableSpec) applied.get("out")).column("grade").orElseThrow().type());
        ConfigError typo = assertThrows(ConfigError.class, () -> new OrdinalNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new OrdinalNode.Params(List.of(), List.of("grade A < B"), org.anneal.nodes.prepare.OrdinalNode.Unknown.ERROR), TestCtx.of("o")));
        assertEquals("order", typo.param());
        NodeFailure missingLevel = assertThrows(NodeFailure.class, () -> new OrdinalNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", fit)),
                new OrdinalNode.Params(List.of(), List.of("grade: A < C"), org.anneal.nodes.prepare.OrdinalNode.Unknown.ERROR), TestCtx.of("o")));
        assertTrue(missingLevel.getMessage().contains("'B'"));
    }

    @Test
    void nondimDividesRowByRowAndChecksUnits() throws Exception {
        Table t = new Table(List.of(new NumericColumn("T", ColumnRole.FEATURE, new double[] {600, 900, 500}, "K"),
                new NumericColumn("T_m", ColumnRole.FEATURE, new double[] {1200, 1800, 1000}, "K"),
                new NumericColumn("y", ColumnRole.TARGET, new double[3])));
        Table out = (Table) new NondimensionalizeNode().execute(Fixtures.inputs(Map.of("table", t)),
                new NondimensionalizeNode.Params(List.of("T"), "T_m", 1, false), TestCtx.of("n")).get("out");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, out.numeric("T/T_m").values());
        assertEquals("", out.numeric("T/T_m").unit());
        assertArrayEquals(new double[] {600, 900, 500}, out.numeric("T").values(), "the original stays");
        Table byConst = (Table) new NondimensionalizeNode().execute(Fixtures.inputs(Map.of("table", t)),
                new NondimensionalizeNode.Params(List.of("T"), "", 300, true), TestCtx.of("n")).get("out");
        assertArrayEquals(new double[] {2, 3, 5.0 / 3}, byConst.numeric("T").values(), 1e-15);
        Table celsius = t.with(new NumericColumn("T", ColumnRole.FEATURE, new double[] {327, 627, 227}, "°C"));
        ConfigError units = assertThrows(ConfigError.class, () -> new NondimensionalizeNode().configure(Specs.of(Map.of("table", celsius.spec(Lineage.UNSPLIT))),
                new NondimensionalizeNode.Params(List.of("T"), "T_m", 1, false), TestCtx.of("n")));
        assertTrue(units.getMessage().contains("°C") && units.getMessage().contains("K"), units.getMessage());
        Table zero = t.with(new NumericColumn("T_m", ColumnRole.FEATURE, new double[] {1200, 0, 1000}, "K"));
        NodeFailure e = assertThrows(NodeFailure.class, () -> new NondimensionalizeNode().execute(Fixtures.inputs(Map.of("table", zero)),
                new NondimensionalizeNode.Params(List.of("T"), "T_m", 1, false), TestCtx.of("n")));
        assertTrue(e.getMessage().contains("Row 2 has 'T_m' = 0"), e.getMessage());
    }
}
