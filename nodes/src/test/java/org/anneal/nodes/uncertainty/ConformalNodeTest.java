package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.nodes.model.GaussianProcessLearner;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

class ConformalNodeTest {
    static final ConformalNode.Params SPLIT_90 = new ConformalNode.Params(0.9, 0.25, ConformalNode.Method.SPLIT, 5);

    static Map<String, Object> run(Learner learner, Table train, Table calibration, Table test, double coverage) {
        return run(learner, train, calibration, test, coverage, ConformalNode.Method.SPLIT);
    }

    static Map<String, Object> run(Learner learner, Table train, Table calibration, Table test, double coverage, ConformalNode.Method method) {
        var values = new java.util.HashMap<String, Object>(Map.of("learner", learner, "train", train, "test", test));
        if (calibration != null) {
            values.put("calibration", calibration);
        }
        var out = new ConformalNode().execute(new Inputs(values), new ConformalNode.Params(coverage, 0.25, method, 5), UncertaintyFixtures.ctx("conformal"));
        return Map.of("metrics", out.get("metrics"), "predictions", out.get("predictions"), "plot", out.get("plot"));
    }

    @Test
    void theHalfWidthIsTheRankedResidualTheGuaranteeNames() {
        double[] scores = {9, 1, 8, 2, 7, 3, 6, 4, 5};
        assertEquals(8, SplitConformal.halfWidth(scores, 0.8)); // ⌈10 · 0.8⌉ = 8th smallest
        assertEquals(9, SplitConformal.halfWidth(scores, 0.9)); // ⌈10 · 0.9⌉ = 9th
        assertEquals(Double.POSITIVE_INFINITY, SplitConformal.halfWidth(scores, 0.95)); // rank 10 of 9: no finite interval
        assertEquals(19, SplitConformal.rowsNeeded(0.95));
        assertEquals(9, SplitConformal.rowsNeeded(0.9));
    }

    @Test
    void ridgeAndForestIntervalsCoverNinetyPercentOfHeldOutRows() {
        Table train = UncertaintyFixtures.curve(400, 0.3, 1);
        Table test = UncertaintyFixtures.curve(400, 0.3, 2);
        Metrics ridge = (Metrics) run(new RidgeLearner(0.1), train, null, test, 0.9).get("metrics");
        Metrics forest = (Metrics) run(new TreeLearner(Task.REGRESSION, 8, 50, 1.0), train, null, test, 0.9).get("metrics");
        for (Metrics m : List.of(ridge, forest)) {
            assertEquals(0.9, m.get("coverage"), 0.05, "coverage " + m.values());
            assertEquals(100, m.get("calibration_rows"));
        }
        // the straight line misses the sine, so its guaranteed intervals must be wider than the forest's
        assertTrue(ridge.get("mean_width") > forest.get("mean_width") * 1.3, ridge.values() + " vs " + forest.values());
        // the forest is close to the truth, whose 90 % interval is ±1.645·0.3 = ±0.49
        assertEquals(2 * 1.645 * 0.3, forest.get("mean_width"), 0.35);
    }

    @Test
    void averagedOverRepeatsTheCoverageMeetsTheGuaranteeAndNoMore() {
        // marginal guarantee: coverage ≤ E[covered] ≤ coverage + 1/(n+1) over draws of calibration and test rows
        double sum = 0;
        int repeats = 60;
        for (int r = 0; r < repeats; r++) {
            Table train = UncertaintyFixtures.curve(60, 0.3, 100 + r);
            Table cal = UncertaintyFixtures.curve(19, 0.3, 200 + r);
            Table test = UncertaintyFixtures.curve(200, 0.3, 300 + r);
            sum += ((Metrics) run(new RidgeLearner(0.1), train, cal, test, 0.8).get("metrics")).get("coverage");
        }
        double mean = sum / repeats;
        assertTrue(mean >= 0.8 - 0.02 && mean <= 0.8 + 1.0 / 20 + 0.02, "mean coverage over repeats " + mean);
    }

    @Test
    void aGaussianProcessShowsItsOwnIntervalsBesideTheConformalOnes() {
        Table train = UncertaintyFixtures.curve(300, 0.3, 3);
        Table test = UncertaintyFixtures.curve(300, 0.3, 4);
        var out = run(new GaussianProcessLearner(GaussianProcessLearner.Kernel.MATERN52), train, null, test, 0.9);
        Metrics m = (Metrics) out.get("metrics");
        assertEquals(0.9, m.get("coverage"), 0.05);
        assertEquals(0.9, m.get("model_coverage"), 0.06, "the GP's own 90 % intervals " + m.values());
        Table preds = (Table) out.get("predictions");
        for (String c : List.of("prediction", "prediction_low", "prediction_high", "prediction_sd", "model_low", "model_high")) {
            assertTrue(preds.column(c).isPresent(), c);
        }
        Plot plot = (Plot) out.get("plot");
        assertEquals(List.of("split conformal", "model's own sd"), plot.series().stream().map(Plot.Series::name).toList());
        double[] observed = plot.series().get(0).y();
        for (int k = 0; k < observed.length; k++) {
            assertEquals(ConformalNode.LEVELS[k], observed[k], 0.08, "level " + ConformalNode.LEVELS[k]);
        }
    }

    @Test
    void tooFewCalibrationRowsForTheLevelIsAClearFailure() {
        Table train = UncertaintyFixtures.curve(50, 0.3, 5);
        Table cal = UncertaintyFixtures.curve(10, 0.3, 6);
        NodeFailure f = assertThrows(NodeFailure.class, () -> run(new RidgeLearner(0.1), train, cal, UncertaintyFixtures.curve(20, 0.3, 7), 0.95));
        assertTrue(f.getMessage().contains("at least 19"), f.getMessage());
    }

    @Test
    void testRowsFromTheSameSideAsCalibrationAreRefusedAtTheTestPort() {
        Table t = UncertaintyFixtures.curve(10, 0.3, 8);
        Lineage trainSide = new Lineage(Partition.of("split", Partition.Side.TRAIN), Set.of());
        Lineage testSide = new Lineage(Partition.of("split", Partition.Side.TEST), Set.of());
        Spec learner = LearnerSpec.of(Task.REGRESSION, true, List.of());
        var ok = Specs.of(Map.of("learner", learner, "train", t.spec(trainSide), "test", t.spec(testSide)));
        assertTrue(assertDoesNotThrowConfig(ok));
        var leaky = Specs.of(Map.of("learner", learner, "train", t.spec(trainSide), "calibration", t.spec(testSide), "test", t.spec(testSide)));
        ConfigError e = assertThrows(ConfigError.class, () -> new ConformalNode().configure(leaky, SPLIT_90, null));
        assertEquals("test", e.port());
        var unsplit = Specs.of(Map.of("learner", learner, "train", t.spec(Lineage.UNSPLIT), "test", t.spec(Lineage.UNSPLIT)));
        assertEquals("test", assertThrows(ConfigError.class, () -> new ConformalNode().configure(unsplit, SPLIT_90, null)).port());
    }

    private static boolean assertDoesNotThrowConfig(Specs in) {
        try {
            return new ConformalNode().configure(in, SPLIT_90, null).asMap().containsKey("predictions");
        } catch (ConfigError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void cvPlusRanksTheOutOfFoldValuesAsThePaperSays() {
        // one test row, n = 9 training rows: μ − R = 1 … 9 and μ + R = 11 … 19
        double[][] lower = {{1, 2, 3, 4, 5, 6, 7, 8, 9}};
        double[][] upper = {{11, 12, 13, 14, 15, 16, 17, 18, 19}};
        CvPlus cv = new CvPlus(lower, upper);
        assertEquals(2, cv.low(0.8)[0]); // ⌊0.2 · 10⌋ = 2nd smallest
        assertEquals(18, cv.high(0.8)[0]); // ⌈0.8 · 10⌉ = 8th smallest
        assertEquals(Double.NEGATIVE_INFINITY, cv.low(0.95)[0]);
        assertEquals(Double.POSITIVE_INFINITY, cv.high(0.95)[0]);
    }

    @Test
    void cvPlusCoversNinetyPercentWithoutSpendingRowsOnCalibration() {
        Table train = UncertaintyFixtures.curve(300, 0.3, 21);
        Table test = UncertaintyFixtures.curve(400, 0.3, 22);
        var out = run(new TreeLearner(Task.REGRESSION, 8, 30, 1.0), train, null, test, 0.9, ConformalNode.Method.CV_PLUS);
        Metrics m = (Metrics) out.get("metrics");
        assertEquals(0.9, m.get("coverage"), 0.05, m.values().toString());
        assertEquals(300, m.get("calibration_rows"));
        Table preds = (Table) out.get("predictions");
        double[] width = new double[preds.rowCount()];
        for (int i = 0; i < width.length; i++) {
            width[i] = preds.numeric("prediction_high").get(i) - preds.numeric("prediction_low").get(i);
        }
        double min = java.util.Arrays.stream(width).min().orElseThrow();
        double max = java.util.Arrays.stream(width).max().orElseThrow();
        assertTrue(max > min * 1.05, "CV+ widths differ by row: " + min + " … " + max);
    }

    @Test
    void cvPlusTakesNoCalibrationRows() {
        Table t = UncertaintyFixtures.curve(10, 0.3, 8);
        Spec learner = LearnerSpec.of(Task.REGRESSION, true, List.of());
        var in = Specs.of(Map.of("learner", learner, "train", t.spec(new Lineage(Partition.of("s", Partition.Side.TRAIN), Set.of())),
                "calibration", t.spec(new Lineage(Partition.of("s", Partition.Side.VALIDATION), Set.of())),
                "test", t.spec(new Lineage(Partition.of("s", Partition.Side.TEST), Set.of()))));
        ConfigError e = assertThrows(ConfigError.class,
                () -> new ConformalNode().configure(in, new ConformalNode.Params(0.9, 0.25, ConformalNode.Method.CV_PLUS, 5), null));
        assertEquals("calibration", e.port());
    }
}
