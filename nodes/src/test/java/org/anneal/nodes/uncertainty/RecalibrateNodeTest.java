package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.nodes.model.KnnLearner;
import org.anneal.nodes.plot.Reliability;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Lineage;
import org.anneal.spec.Outputs;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/** Platt scaling and isotonic recalibration: by hand, on simulated over-confidence, and through the node. */
class RecalibrateNodeTest {

    @Test
    void poolAdjacentViolatorsByHand() {
        // y = 1, 0, 0, 1, 1: the first three violate the order and pool to 1/3; the last two stay 1
        Pav f = Pav.fit(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, new double[] {1, 0, 0, 1, 1});
        assertArrayEquals(new double[] {0.1, 0.4, 0.5}, f.starts(), 1e-15);
        assertArrayEquals(new double[] {1.0 / 3, 1, 1}, f.values(), 1e-15);
        assertEquals(1.0 / 3, f.at(0.0), 1e-15);
        assertEquals(1.0 / 3, f.at(0.35), 1e-15);
        assertEquals(1, f.at(0.9), 1e-15);
        // equal x pool first: 0.2 → (1 + 0)/2 = 0.5 falls below 0.1 → 1, so all pool to 2/3
        Pav ties = Pav.fit(new double[] {0.2, 0.2, 0.1}, new double[] {1, 0, 1});
        assertArrayEquals(new double[] {2.0 / 3}, ties.values(), 1e-15);
    }

    @Test
    void reliabilityAndBrierByHand() {
        double[][] p = {{0.9, 0.1}, {0.7, 0.3}, {0.3, 0.7}, {0.1, 0.9}};
        Reliability r = Reliability.of(p, new int[] {0, 1, 1, 1}, 2);
        assertArrayEquals(new double[] {0.2, 0.8}, r.confidence(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0}, r.observed(), 1e-12);
        assertEquals(0.5 * 0.3 + 0.5 * 0.2, r.ece(), 1e-12);
        assertEquals((0.01 + 0.49 + 0.09 + 0.01) / 4, r.brier(), 1e-12);
    }

    /** Rows whose true P(class 1) is σ(z), reported by an over-confident model as σ(3z). */
    static double[][][] overConfident(int n, long seed, int[] truth) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] reported = new double[n][];
        for (int i = 0; i < n; i++) {
            double z = 3 * UncertaintyFixtures.gaussian(r) / 2;
            truth[i] = r.nextDouble() < Recalibrator.sigmoid(z) ? 1 : 0;
            double q = Recalibrator.sigmoid(3 * z);
            reported[i] = new double[] {1 - q, q};
        }
        return new double[][][] {reported};
    }

    @Test
    void plattRecoversTheShrinkageOfAnOverConfidentModel() {
        int[] truth = new int[20000];
        double[][] p = overConfident(truth.length, 1, truth)[0];
        double[] y = new double[truth.length];
        double[] p1 = new double[truth.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = truth[i];
            p1[i] = p[i][1];
        }
        double[] ab = Recalibrator.plattParameters(p1, y);
        assertEquals(1.0 / 3, ab[0], 0.03, "A undoes the factor 3");
        assertEquals(0, ab[1], 0.05, "no shift");
    }

    @Test
    void theExpectedCalibrationErrorFallsOnFreshRowsForBothMethods() {
        int[] calTruth = new int[1500];
        double[][] cal = overConfident(calTruth.length, 2, calTruth)[0];
        int[] testTruth = new int[3000];
        double[][] test = overConfident(testTruth.length, 3, testTruth)[0];
        Reliability before = Reliability.of(test, testTruth, 10);
        assertTrue(before.ece() > 0.08, "the model is over-confident: ECE " + before.ece());
        for (RecalibrateNode.Method m : RecalibrateNode.Method.values()) {
            Reliability after = Reliability.of(Recalibrator.fit(m, cal, calTruth).apply(test), testTruth, 10);
            assertTrue(after.ece() < 0.035 && after.ece() < before.ece() / 3, m + ": ECE " + before.ece() + " → " + after.ece());
            assertTrue(after.brier() < before.brier(), m + ": Brier " + before.brier() + " → " + after.brier());
        }
    }

    /** Two overlapping classes in the plane (centres 1.5 apart): a 1-nearest-neighbour model claims certainty it lacks. */
    static Table blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            x1[i] = 1.5 * y[i] + UncertaintyFixtures.gaussian(r);
            x2[i] = UncertaintyFixtures.gaussian(r);
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("phase", ColumnRole.TARGET, y, List.of("ferrite", "pearlite"))));
    }

    static Outputs run(Learner learner, Table train, Table calibration, Table test, RecalibrateNode.Method method) {
        Map<String, Object> in = new HashMap<>(Map.of("learner", learner, "train", train, "test", test));
        if (calibration != null) {
            in.put("calibration", calibration);
        }
        return new RecalibrateNode().execute(new Inputs(in), new RecalibrateNode.Params(method, 0.25, 10), UncertaintyFixtures.ctx("recal"));
    }

    @Test
    void theNodeRepairsAnOverConfidentNeighbourModelOnHeldOutRows() {
        Learner oneNeighbour = new KnnLearner(Task.CLASSIFICATION, 1, KnnLearner.Distance.EUCLIDEAN, KnnLearner.Weighting.UNIFORM);
        for (RecalibrateNode.Method m : RecalibrateNode.Method.values()) {
            Outputs out = run(oneNeighbour, blobs(400, 4), blobs(400, 5), blobs(600, 6), m);
            Map<String, Double> v = ((Metrics) out.get("metrics")).values();
            assertTrue(v.get("ece_before") > 0.15, m + ": 1-NN says 0 or 1 and is wrong about a quarter of the time: " + v);
            assertTrue(v.get("ece_after") < 0.08 && v.get("brier_after") < v.get("brier_before"), m + ": " + v);
            assertEquals(400, v.get("calibration_rows"));
            Table preds = (Table) out.get("predictions");
            assertTrue(preds.column("p_pearlite").isPresent() && preds.column("uncalibrated_p_pearlite").isPresent());
            Plot diagram = (Plot) out.get("plot");
            assertEquals(2, diagram.series().size());
            // the same table fed to plot.calibration gives the reliability diagram and the same ECE
            Outputs plotted = new org.anneal.nodes.plot.CalibrationPlotNode().execute(new Inputs(Map.of("predictions", preds)),
                    new org.anneal.nodes.plot.CalibrationPlotNode.Params("prediction"), UncertaintyFixtures.ctx("plot"));
            String title = ((Plot) plotted.get("plot")).title();
            assertTrue(title.contains(String.format(java.util.Locale.ROOT, "ECE %.3f", v.get("ece_after"))), title + " vs " + v);
        }
    }

    @Test
    void testRowsFromTheCalibrationSideAndRegressorsAreRefusedAtTheirPorts() {
        Table t = blobs(10, 8);
        Lineage trainSide = new Lineage(Partition.of("split", Partition.Side.TRAIN), Set.of());
        Lineage testSide = new Lineage(Partition.of("split", Partition.Side.TEST), Set.of());
        var classifier = LearnerSpec.of(Task.CLASSIFICATION, true, List.of());
        var params = new RecalibrateNode.Params(RecalibrateNode.Method.ISOTONIC, 0.25, 10);
        var leaky = Specs.of(Map.of("learner", classifier, "train", t.spec(trainSide), "calibration", t.spec(testSide), "test", t.spec(testSide)));
        assertEquals("test", assertThrows(ConfigError.class, () -> new RecalibrateNode().configure(leaky, params, null)).port());
        var regressor = Specs.of(Map.of("learner", LearnerSpec.of(Task.REGRESSION, true, List.of()), "train", t.spec(trainSide), "test", t.spec(testSide)));
        assertEquals("learner", assertThrows(ConfigError.class, () -> new RecalibrateNode().configure(regressor, params, null)).port());
    }
}
