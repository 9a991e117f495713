package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.GaussianProcessLearner;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

class AcquireNodeTest {
    /** A known 1-D response with its maximum 1.0 at x = 0.7 and a lesser bump at x = 0.15, on [0, 1]. */
    static double f(double x) {
        return Math.exp(-Math.pow((x - 0.7) / 0.1, 2)) + 0.5 * Math.exp(-Math.pow((x - 0.15) / 0.1, 2));
    }

    static Table grid(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
        }
        return new Table(List.of(new org.anneal.data.NumericColumn("x", org.anneal.spec.ColumnRole.FEATURE, x)));
    }

    static Table measured(double... xs) {
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            y[i] = f(xs[i]);
        }
        return UncertaintyFixtures.table(xs, y);
    }

    static TrainedModel gp(Table observed) {
        return new GaussianProcessLearner(GaussianProcessLearner.Kernel.MATERN52).fit(observed, List.of("x"), "y", UncertaintyFixtures.ctx("gp"));
    }

    static Map<String, Table> acquire(TrainedModel model, Table candidates, Table observed, TrainedModel constraint, AcquireNode.Params p) {
        var values = new HashMap<String, Object>(Map.of("model", model, "candidates", candidates));
        if (observed != null) {
            values.put("observed", observed);
        }
        if (constraint != null) {
            values.put("constraint", constraint);
        }
        var out = new AcquireNode().execute(new Inputs(values), p, UncertaintyFixtures.ctx("acquire"));
        return Map.of("ranked", (Table) out.get("ranked"), "top", (Table) out.get("top"));
    }

    static AcquireNode.Params params(AcquireNode.Strategy s, double kappa, List<Double> safe, int top) {
        return new AcquireNode.Params(s, AcquireNode.Goal.MAXIMIZE, kappa, 0.0, safe, top);
    }

    @Test
    void expectedImprovementMatchesItsClosedFormByHand() {
        // improvement 0, σ 1: φ(0) = 0.398942; improvement 1, σ 1: Φ(1) + φ(1) = 0.841345 + 0.241971
        assertEquals(0.398942, Acquisition.expectedImprovement(0, 1), 1e-6);
        assertEquals(1.083316, Acquisition.expectedImprovement(1, 1), 1e-6);
        assertEquals(0.083316, Acquisition.expectedImprovement(-1, 1), 1e-6);
        assertEquals(0.5, Acquisition.expectedImprovement(0.5, 0), 0);
        double[] ucb = Acquisition.score(AcquireNode.Strategy.UPPER_CONFIDENCE_BOUND, new double[] {1, 2}, new double[] {0.5, 0.1}, 0, true, 2, 0);
        assertEquals(2.0, ucb[0], 1e-12);
        assertEquals(2.2, ucb[1], 1e-12);
        double[] lcb = Acquisition.score(AcquireNode.Strategy.UPPER_CONFIDENCE_BOUND, new double[] {1, 2}, new double[] {0.5, 0.1}, 0, false, 2, 0);
        assertEquals(0.0, lcb[0], 1e-12); // −(1 − 2·0.5)
        assertEquals(-1.8, lcb[1], 1e-12);
    }

    @Test
    void expectedImprovementFindsTheTrueOptimumInAFewExperiments() {
        Table candidates = grid(201);
        Table observed = measured(0.0, 0.3, 0.5, 1.0);
        for (int round = 0; round < 8; round++) {
            Table top = acquire(gp(observed), candidates, observed, null, params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, 0, List.of(), 1)).get("top");
            double next = top.numeric("x").get(0);
            double[] xs = java.util.Arrays.copyOf(observed.numeric("x").values(), observed.rowCount() + 1);
            xs[xs.length - 1] = next;
            observed = measured(xs);
        }
        double best = Acquisition.best(observed.numeric("y").values(), true);
        assertTrue(best > 0.97, "best found after 8 experiments " + best + " at " + java.util.Arrays.toString(observed.numeric("x").values()));
    }

    @Test
    void aLargeKappaAndPureExplorationPickTheMostUncertainCandidate() {
        Table candidates = grid(101);
        Table observed = measured(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
        TrainedModel model = gp(observed);
        double[] sd = model.predictionStd(candidates);
        int most = 0;
        for (int i = 1; i < sd.length; i++) {
            most = sd[i] > sd[most] ? i : most;
        }
        double expected = candidates.numeric("x").get(most);
        assertTrue(expected > 0.9, "the most uncertain point lies far from the measured x ≤ 0.5: " + expected);
        for (var s : List.of(AcquireNode.Strategy.UPPER_CONFIDENCE_BOUND, AcquireNode.Strategy.EXPLORATION)) {
            Table top = acquire(model, candidates, null, null, params(s, 100, List.of(), 3)).get("top");
            assertEquals(expected, top.numeric("x").get(0), 1e-12, s.toString());
            assertEquals(3, top.rowCount());
            assertEquals(1, top.numeric("rank").get(0));
        }
    }

    @Test
    void aConstraintKeepsTheTopInsideTheSafeCorridorAndRanksUnsafeLast() {
        Table candidates = grid(101);
        Table observed = measured(0.0, 0.3, 0.5, 1.0);
        // the constraint model predicts x itself: safe means 0.2 ≤ x ≤ 0.6, which excludes the true optimum at 0.7
        TrainedModel identity = new RidgeLearner(0).fit(UncertaintyFixtures.table(new double[] {0, 1}, new double[] {0, 1}), List.of("x"), "y",
                UncertaintyFixtures.ctx("c"));
        var out = acquire(gp(observed), candidates, observed, identity, params(AcquireNode.Strategy.UPPER_CONFIDENCE_BOUND, 2, List.of(0.2, 0.6), 10));
        Table top = out.get("top");
        assertEquals(10, top.rowCount());
        for (int i = 0; i < top.rowCount(); i++) {
            double x = top.numeric("x").get(i);
            assertTrue(x >= 0.2 - 1e-9 && x <= 0.6 + 1e-9, "unsafe x " + x + " in the top");
        }
        Table ranked = out.get("ranked");
        assertEquals(101, ranked.rowCount());
        double[] safe = ranked.numeric("safe").values();
        for (int i = 1; i < safe.length; i++) {
            assertTrue(safe[i] <= safe[i - 1], "an unsafe row ranked before a safe one at " + i);
        }
        assertEquals(41, (int) java.util.Arrays.stream(safe).sum());
    }

    @Test
    void aModelWithoutUncertaintyFailsClearlyAndExpectedImprovementNeedsObservedRows() {
        Table observed = measured(0.0, 0.5, 1.0);
        TrainedModel ridge = new RidgeLearner(0.1).fit(observed, List.of("x"), "y", UncertaintyFixtures.ctx("r"));
        NodeFailure f = assertThrows(NodeFailure.class,
                () -> acquire(ridge, grid(11), observed, null, params(AcquireNode.Strategy.EXPLORATION, 2, List.of(), 1)));
        assertTrue(f.getMessage().contains("no standard deviation"), f.getMessage());
        var model = org.anneal.nodes.model.LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x"));
        var in = Specs.of(Map.of("model", model, "candidates", grid(3).spec(Lineage.UNSPLIT)));
        ConfigError e = assertThrows(ConfigError.class,
                () -> new AcquireNode().configure(in, params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, 2, List.of(), 1), null));
        assertEquals("observed", e.port());
        ConfigError range = assertThrows(ConfigError.class,
                () -> new AcquireNode().configure(in, params(AcquireNode.Strategy.EXPLORATION, 2, List.of(0.0, 1.0), 1), null));
        assertEquals("safeRange", range.param());
    }
}
