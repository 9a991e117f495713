package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.BarPlotNode;
import org.anneal.nodes.plot.CalibrationPlotNode;
import org.anneal.nodes.plot.ConfusionPlotNode;
import org.anneal.nodes.plot.ParityPlotNode;
import org.anneal.nodes.plot.ResidualsPlotNode;
import org.anneal.nodes.plot.RocPlotNode;
import org.anneal.nodes.plot.ScatterPlotNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class PlotNodesTest {
    /** truth 1, 2, 3; prediction 1.5, 2, 2; sd 0.5, 1, 0.1. */
    static Table regressionPredictions() {
        return new Table(List.of(new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2, 3}),
                new NumericColumn("prediction", ColumnRole.PREDICTION, new double[] {1.5, 2, 2}),
                new NumericColumn("prediction_sd", ColumnRole.PREDICTION, new double[] {0.5, 1, 0.1})));
    }

    static <P extends Record> Plot plot(org.anneal.spec.Node<P> node, P params, Map<String, Object> in) {
        try {
            return (Plot) node.execute(new Inputs(in), params, TestCtx.of("plot")).get("plot");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parityPlotsPredictedAgainstTrueWithTheIdentityAndSdErrorBars() {
        Plot p = plot(new ParityPlotNode(), new ParityPlotNode.Params("prediction", 2), Map.of("predictions", regressionPredictions()));
        assertEquals(Plot.Kind.SCATTER, p.kind());
        assertEquals(List.of(Plot.Guide.identity()), p.guides());
        Plot.Series s = p.series().get(0);
        assertArrayEquals(new double[] {1, 2, 3}, s.x());
        assertArrayEquals(new double[] {1.5, 2, 2}, s.y());
        assertArrayEquals(new double[] {0.5, 0, 1.8}, s.low(), 1e-12);
        assertArrayEquals(new double[] {2.5, 4, 2.2}, s.high(), 1e-12);
        Plot bare = plot(new ParityPlotNode(), new ParityPlotNode.Params("prediction", 0), Map.of("predictions", regressionPredictions()));
        assertNull(bare.series().get(0).low(), "sdMultiplier 0 draws no bars");
    }

    @Test
    void residualsAreTrueMinusPredictedOverThePrediction() {
        Plot p = plot(new ResidualsPlotNode(), new ResidualsPlotNode.Params("prediction", 1), Map.of("predictions", regressionPredictions()));
        Plot.Series s = p.series().get(0);
        assertArrayEquals(new double[] {1.5, 2, 2}, s.x());
        assertArrayEquals(new double[] {-0.5, 0, 1}, s.y(), 1e-12);
        assertArrayEquals(new double[] {-1, -1, 0.9}, s.low(), 1e-12);
        assertEquals(List.of(Plot.Guide.zero()), p.guides());
    }

    @Test
    void parityRefusesAClassifierAndNamesAMissingPredictionColumn() {
        var classSpec = Fixtures.classes(5).spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new ParityPlotNode().configure(Specs.of(Map.of("predictions", classSpec)),
                new ParityPlotNode.Params("prediction", 1.96), TestCtx.of("p")));
        assertEquals("predictions", e.port());
        ConfigError missing = assertThrows(ConfigError.class, () -> new ParityPlotNode().configure(
                Specs.of(Map.of("predictions", regressionPredictions().spec(Lineage.UNSPLIT))), new ParityPlotNode.Params("yhat", 1.96), TestCtx.of("p")));
        assertEquals("prediction", missing.param());
    }

    static Table classPredictions() {
        // truth a a b b b ; predicted a b b b a ; p_b scores rank the rows
        List<String> ab = List.of("a", "b");
        return new Table(List.of(new CategoricalColumn("class", ColumnRole.TARGET, new int[] {0, 0, 1, 1, 1}, ab),
                new CategoricalColumn("prediction", ColumnRole.PREDICTION, new int[] {0, 1, 1, 1, 0}, ab),
                new NumericColumn("p_a", ColumnRole.PREDICTION, new double[] {0.9, 0.4, 0.2, 0.3, 0.6}),
                new NumericColumn("p_b", ColumnRole.PREDICTION, new double[] {0.1, 0.6, 0.8, 0.7, 0.4})));
    }

    @Test
    void confusionCountsAndRowFractions() {
        Plot counts = plot(new ConfusionPlotNode(), new ConfusionPlotNode.Params("prediction", false), Map.of("predictions", classPredictions()));
        assertEquals(Plot.Kind.HEATMAP, counts.kind());
        assertArrayEquals(new double[][] {{1, 1}, {1, 2}}, counts.heatmap().values());
        assertEquals(List.of("a", "b"), counts.heatmap().rowLabels());
        Plot fractions = plot(new ConfusionPlotNode(), new ConfusionPlotNode.Params("prediction", true), Map.of("predictions", classPredictions()));
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0}, fractions.heatmap().values()[1], 1e-12);
    }

    @Test
    void rocOfTheSecondClassCarriesItsAucInTheLegend() {
        Plot p = plot(new RocPlotNode(), new RocPlotNode.Params(""), Map.of("predictions", classPredictions()));
        // b rows score 0.8, 0.7, 0.4; a rows 0.1, 0.6: 0.8 and 0.7 beat both, 0.4 beats one → U = 5 of 6
        assertEquals(1, p.series().size());
        assertEquals("b (AUC = 0.833)", p.series().get(0).name());
        Plot a = plot(new RocPlotNode(), new RocPlotNode.Params("a"), Map.of("predictions", classPredictions()));
        assertEquals("a (AUC = 0.833)", a.series().get(0).name(), "the same ranking read from the other side");
        Table noProbabilities = new Table(classPredictions().columns().subList(0, 2));
        assertThrows(NodeFailure.class, () -> plot(new RocPlotNode(), new RocPlotNode.Params(""), Map.of("predictions", noProbabilities)));
    }

    @Test
    void calibrationCountsTruthsInsideTheNormalIntervals() {
        // standardised residuals (sd 1): 0.1 0.3 0.6 0.8 1.2 1.5 1.7 2.0 2.7 3.0
        double[] r = {0.1, 0.3, 0.6, 0.8, 1.2, 1.5, 1.7, 2.0, 2.7, 3.0};
        double[] zero = new double[r.length];
        double[] one = new double[r.length];
        java.util.Arrays.fill(one, 1);
        Table t = new Table(List.of(new NumericColumn("y", ColumnRole.TARGET, r), new NumericColumn("prediction", ColumnRole.PREDICTION, zero),
                new NumericColumn("prediction_sd", ColumnRole.PREDICTION, one)));
        var out = new CalibrationPlotNode().execute(new Inputs(Map.of("predictions", t)), new CalibrationPlotNode.Params("prediction"), TestCtx.of("c"));
        Table cov = (Table) out.get("table");
        double[] nominal = cov.numeric("nominal").values();
        double[] observed = cov.numeric("observed").values();
        // z(0.5) = 0.674: 0.1 0.3 0.6 inside; z(0.9) = 1.645: six inside; z(0.95) = 1.960: seven; z(0.99) = 2.576: eight
        assertEquals(0.5, nominal[4]);
        assertEquals(0.3, observed[4], 1e-12);
        assertEquals(0.6, observed[8], 1e-12);
        assertEquals(0.7, observed[9], 1e-12);
        assertEquals(0.8, observed[10], 1e-12);
        assertEquals(List.of(Plot.Guide.identity()), ((Plot) out.get("plot")).guides());
    }

    @Test
    void barsFindTheImportanceColumnsThemselves() {
        Table imp = new Table(List.of(new CategoricalColumn("feature", ColumnRole.ID, new int[] {0, 1}, List.of("x1", "x2")),
                new NumericColumn("importance", ColumnRole.FEATURE, new double[] {3, 1}),
                new NumericColumn("importance_sd", ColumnRole.FEATURE, new double[] {0.5, 0.25})));
        Plot p = plot(new BarPlotNode(), new BarPlotNode.Params("", "", "", ""), Map.of("table", imp));
        Plot.Series s = p.series().get(0);
        assertEquals(Plot.Kind.BAR, p.kind());
        assertEquals(List.of("x1", "x2"), s.labels());
        assertArrayEquals(new double[] {3, 1}, s.y());
        assertArrayEquals(new double[] {2.5, 0.75}, s.low(), 1e-12);
    }

    @Test
    void scatterMakesOneSeriesPerClass() {
        Table t = Fixtures.classes(10);
        t = t.with(new NumericColumn("z", ColumnRole.FEATURE, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        Plot p = plot(new ScatterPlotNode(), new ScatterPlotNode.Params("x", "z", "class"), Map.of("table", t));
        assertEquals(2, p.series().size());
        assertEquals("common", p.series().get(0).name());
        assertEquals(8, p.series().get(0).size());
        assertArrayEquals(new double[] {0, 5}, p.series().get(1).x(), "rows 0 and 5 are the rare ones");
        ConfigError e = assertThrows(ConfigError.class, () -> new ScatterPlotNode().configure(
                Specs.of(Map.of("table", Fixtures.fiveRows().spec(Lineage.UNSPLIT))), new ScatterPlotNode.Params("x1", "x2", "y"), TestCtx.of("s")));
        assertEquals("colour", e.param());
    }

    @Test
    void threeClassesGetOneVsRestCurves() {
        List<String> abc = List.of("a", "b", "c");
        // truth a b c a. a: 0.7, 0.6 above 0.2, 0.1 → 1. b: its 0.3 beats 0.2, ties 0.3, loses to 0.4 → 1.5 / 3.
        // c: its 0.5 beats 0.1 twice and ties the b row's 0.5 → 2.5 / 3
        Table t = new Table(List.of(new CategoricalColumn("class", ColumnRole.TARGET, new int[] {0, 1, 2, 0}, abc),
                new NumericColumn("p_a", ColumnRole.PREDICTION, new double[] {0.7, 0.2, 0.1, 0.6}),
                new NumericColumn("p_b", ColumnRole.PREDICTION, new double[] {0.2, 0.3, 0.4, 0.3}),
                new NumericColumn("p_c", ColumnRole.PREDICTION, new double[] {0.1, 0.5, 0.5, 0.1})));
        Plot p = plot(new RocPlotNode(), new RocPlotNode.Params(""), Map.of("predictions", t));
        assertEquals(List.of("a (AUC = 1.000)", "b (AUC = 0.500)", "c (AUC = 0.833)"), p.series().stream().map(Plot.Series::name).toList());
        assertEquals(List.of(new Plot.Guide("chance", 1, 0)), p.guides());
    }

    @Test
    void coefficientTablesBecomeBarsWithoutSettings() {
        Table coef = new Table(List.of(new CategoricalColumn("parameter", ColumnRole.ID, new int[] {0, 1, 2}, List.of("intercept", "x1", "x2")),
                new NumericColumn("value", ColumnRole.FEATURE, new double[] {1, 2, -0.5})));
        Plot p = plot(new BarPlotNode(), new BarPlotNode.Params("", "", "", "Coefficients"), Map.of("table", coef));
        assertEquals("Coefficients", p.title());
        assertEquals(List.of("intercept", "x1", "x2"), p.series().get(0).labels());
        assertArrayEquals(new double[] {1, 2, -0.5}, p.series().get(0).y());
        assertNull(p.series().get(0).low(), "no value_sd column, no error bars");
    }
}
