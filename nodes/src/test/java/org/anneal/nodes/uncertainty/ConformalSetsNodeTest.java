package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.nodes.model.LogisticLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Outputs;
import org.junit.jupiter.api.Test;

/** Conformal prediction sets for classifiers: the sets by hand, and their coverage on simulated data within the guarantee. */
class ConformalSetsNodeTest {
    static final List<String> CLASSES = List.of("ferrite", "martensite", "pearlite");

    /** Three overlapping Gaussian classes in the plane (unit spread, centres 1.5 apart): no classifier is sure everywhere. */
    static Table blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centre = {{-1.5, 0}, {1.5, 0}, {0, 1.5}};
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(3);
            x1[i] = centre[y[i]][0] + UncertaintyFixtures.gaussian(r);
            x2[i] = centre[y[i]][1] + UncertaintyFixtures.gaussian(r);
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("phase", ColumnRole.TARGET, y, CLASSES)));
    }

    static Outputs run(Learner learner, Table train, Table calibration, Table test, double coverage) {
        Map<String, Object> in = new HashMap<>(Map.of("learner", learner, "train", train, "test", test));
        if (calibration != null) {
            in.put("calibration", calibration);
        }
        return new ConformalSetsNode().execute(new Inputs(in), new ConformalSetsNode.Params(coverage, 0.25), UncertaintyFixtures.ctx("sets"));
    }

    @Test
    void aSetHoldsEveryClassWhoseScoreStaysUnderTheThreshold() {
        double[][] prob = {{0.7, 0.2, 0.1}, {0.45, 0.45, 0.1}, {0.05, 0.05, 0.9}};
        assertArrayEquals(new double[] {0.3, 0.55, 0.1}, ClassSets.scores(prob, new int[] {0, 1, 2}), 1e-12);
        boolean[][] sets = ClassSets.sets(prob, 0.6); // classes with p ≥ 0.4
        assertArrayEquals(new boolean[] {true, false, false}, sets[0]);
        assertArrayEquals(new boolean[] {true, true, false}, sets[1]);
        assertArrayEquals(new boolean[] {false, false, true}, sets[2]);
        Map<String, Double> m = ClassSets.summary(sets, prob, new int[] {1, 1, 2});
        assertEquals(2 / 3.0, m.get("coverage"), 1e-12); // row 0's truth (class 1) is outside its set
        assertEquals(4 / 3.0, m.get("mean_set_size"), 1e-12);
        assertEquals(2 / 3.0, m.get("singletons"), 1e-12);
        assertEquals(1 / 3.0, m.get("accuracy"), 1e-12); // argmax of row 1 is class 0 (first of the tie)
    }

    @Test
    void averagedOverRepeatsTheCoverageMeetsTheGuaranteeAndNoMore() {
        // with n exchangeable calibration rows: 0.9 ≤ E[coverage] ≤ 0.9 + 1/(n+1)
        int repeats = 30;
        int n = 99;
        double sum = 0;
        double size = 0;
        for (int r = 0; r < repeats; r++) {
            Metrics m = (Metrics) run(new LogisticLearner(20, 0.1), blobs(200, 100 + r), blobs(n, 200 + r), blobs(300, 300 + r), 0.9).get("metrics");
            sum += m.get("coverage");
            size += m.get("mean_set_size");
            assertEquals(n, m.get("calibration_rows"));
        }
        double mean = sum / repeats;
        // the mean of 30 repeats has a standard error near 0.006 here: allow 2.5 of them either side of the bounds
        assertTrue(mean >= 0.9 - 0.015 && mean <= 0.9 + 1.0 / (n + 1) + 0.015, "mean coverage " + mean);
        // overlapping classes: the model is often unsure, so some sets hold two classes, but far from all three
        assertTrue(size / repeats > 1.05 && size / repeats < 2.5, "mean set size " + size / repeats);
    }

    @Test
    void higherCoverageBuysLargerSetsAndThePredictionsTableNamesThem() {
        Table train = blobs(300, 1);
        Table test = blobs(300, 2);
        Outputs at80 = run(new LogisticLearner(20, 0.1), train, null, test, 0.8);
        Outputs at95 = run(new LogisticLearner(20, 0.1), train, null, test, 0.95);
        Metrics m80 = (Metrics) at80.get("metrics");
        Metrics m95 = (Metrics) at95.get("metrics");
        assertEquals(75, m80.get("calibration_rows")); // a quarter of the training rows held back
        assertTrue(m95.get("mean_set_size") > m80.get("mean_set_size"), m80.values() + " vs " + m95.values());
        assertTrue(m95.get("coverage") >= m80.get("coverage"), m80.values() + " vs " + m95.values());
        Table preds = (Table) at95.get("predictions");
        CategoricalColumn sets = (CategoricalColumn) preds.column("prediction_set").orElseThrow();
        double[] sizes = preds.numeric("set_size").values();
        for (int i = 0; i < preds.rowCount(); i++) {
            String set = sets.get(i);
            int members = set.equals("{}") ? 0 : set.split(",").length;
            assertEquals(sizes[i], members, set);
        }
    }
}
