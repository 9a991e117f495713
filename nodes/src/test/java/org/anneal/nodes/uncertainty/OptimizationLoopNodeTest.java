package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.nodes.model.GaussianProcessLearner;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.junit.jupiter.api.Test;

class OptimizationLoopNodeTest {

    static OptimizationLoopNode.Params params(AcquireNode.Strategy strategy, AcquireNode.Goal goal, int initial, int rounds) {
        return new OptimizationLoopNode.Params(strategy, goal, 2.0, 0.0, initial, rounds, 0.95);
    }

    /** A pool on a grid of x in [0, 1] with y = −(x − 0.73)², largest at x = 0.73 (no noise: the oracle is the law). */
    static Table peak(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
            y[i] = -(x[i] - 0.73) * (x[i] - 0.73);
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static Outputs run(Object learner, Table pool, OptimizationLoopNode.Params p) {
        return new OptimizationLoopNode().execute(new Inputs(Map.of("learner", learner, "pool", pool)), p, UncertaintyFixtures.ctx("loop"));
    }

    @Test
    void expectedImprovementFindsTheTopOfAKnownCurveFarSoonerThanRandomSearch() {
        Table pool = peak(201);
        Outputs out = run(new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF), pool,
                params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, AcquireNode.Goal.MAXIMIZE, 3, 12));
        Map<String, Double> m = ((Metrics) out.get("metrics")).values();
        // the top 5 % of 201 grid points: the 11 nearest 0.73, so random search needs (201 + 1)/(11 + 1) = 16.83 draws on average
        assertEquals(202.0 / 12.0, m.get("random_experiments_to_goal"), 1e-12);
        assertEquals(0.0, m.get("pool_best"), 1e-12);
        assertTrue(m.get("experiments_to_goal") <= 10, "BO reached the goal after " + m.get("experiments_to_goal"));
        assertTrue(m.get("best_found") > -1e-4, "best found " + m.get("best_found"));
        assertTrue(m.get("best_found") > m.get("random_best_found"), m.toString());
        Table history = (Table) out.get("history");
        assertEquals(15, history.rowCount());
        assertEquals(List.of("experiment", "x", "y", "chosen_by_model", "best_so_far", "random_expected_best"),
                history.columns().stream().map(c -> c.name()).toList());
        assertEquals(0, history.numeric("chosen_by_model").get(2));
        assertEquals(1, history.numeric("chosen_by_model").get(3));
        Plot plot = (Plot) out.get("plot");
        assertEquals(2, plot.series().size());
        assertEquals(15, plot.series().get(0).size());
    }

    @Test
    void minimizingLooksForTheLowestValue() {
        Table pool = peak(101);
        double[] flipped = pool.numeric("y").values().clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = -flipped[i];
        }
        Table valley = pool.with(new NumericColumn("y", ColumnRole.TARGET, flipped));
        Map<String, Double> m = ((Metrics) run(new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF), valley,
                params(AcquireNode.Strategy.UPPER_CONFIDENCE_BOUND, AcquireNode.Goal.MINIMIZE, 3, 10)).get("metrics")).values();
        assertEquals(0.0, m.get("pool_best"), 1e-12);
        assertTrue(m.get("best_found") < 1e-3, m.toString());
        assertTrue(m.get("random_best_found") > m.get("best_found"), m.toString());
    }

    @Test
    void randomSearchInClosedFormEqualsTheAverageOverEveryOrder() {
        double[] pool = {3, 1, 4, 1.5, 9, 2.6};
        double[] expected = RandomSearch.expectedBest(pool, 3, true);
        // brute force: the mean over all ordered draws of the best of the first k
        double[] sums = new double[3];
        int count = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                for (int c = 0; c < 6; c++) {
                    if (a == b || b == c || a == c) {
                        continue;
                    }
                    count++;
                    sums[0] += pool[a];
                    sums[1] += Math.max(pool[a], pool[b]);
                    sums[2] += Math.max(pool[a], Math.max(pool[b], pool[c]));
                }
            }
        }
        assertArrayEquals(new double[] {sums[0] / count, sums[1] / count, sums[2] / count}, expected, 1e-12);
        double[] lowest = RandomSearch.expectedBest(pool, 1, false);
        assertEquals(Arrays.stream(pool).average().orElseThrow(), lowest[0], 1e-12);
        assertEquals(9, RandomSearch.expectedBest(pool, 6, true)[5], 1e-12);
        assertEquals(1, RandomSearch.expectedBest(pool, 6, false)[5], 1e-12);
    }

    @Test
    void theSeedDecidesOnlyTheRandomStart() {
        Table pool = peak(51);
        var p = params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, AcquireNode.Goal.MAXIMIZE, 2, 4);
        Table a = (Table) run(new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF), pool, p).get("history");
        Table b = (Table) run(new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF), pool, p).get("history");
        assertArrayEquals(a.numeric("x").values(), b.numeric("x").values());
    }

    @Test
    void aBudgetBeyondThePoolOrAModelWithoutUncertaintyIsRefusedWithTheReason() {
        NodeFailure big = assertThrows(NodeFailure.class, () -> run(new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF), peak(10),
                params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, AcquireNode.Goal.MAXIMIZE, 5, 6)));
        assertTrue(big.getMessage().contains("11 experiments") && big.getMessage().contains("holds 10 rows"), big.getMessage());
        NodeFailure flat = assertThrows(NodeFailure.class, () -> run(new RidgeLearner(1.0), peak(30),
                params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, AcquireNode.Goal.MAXIMIZE, 3, 3)));
        assertTrue(flat.getMessage().contains("gives no standard deviation"), flat.getMessage());
    }

    @Test
    void theGoalIsAQuantileOfThePool() {
        double[] y = {5, 1, 9, 3, 7, 2, 8, 4, 6, 10};
        assertEquals(10, OptimizationLoopNode.goal(y, 0.95, true));
        assertEquals(9, OptimizationLoopNode.goal(y, 0.9, true));
        assertEquals(1, OptimizationLoopNode.goal(y, 0.95, false));
    }

    @Test
    void aClassifierOrAPoolWithoutANumericTargetIsRefusedAtItsPort() {
        var node = new OptimizationLoopNode();
        var p = params(AcquireNode.Strategy.EXPECTED_IMPROVEMENT, AcquireNode.Goal.MAXIMIZE, 3, 3);
        var pool = new org.anneal.spec.TableSpec(List.of(new org.anneal.spec.ColumnSpec("x", org.anneal.spec.ColumnType.NUMERIC, ColumnRole.FEATURE),
                new org.anneal.spec.ColumnSpec("y", org.anneal.spec.ColumnType.NUMERIC, ColumnRole.TARGET)), org.anneal.spec.Lineage.UNSPLIT);
        var classifier = org.anneal.spec.Specs.of(Map.of("learner", org.anneal.spec.LearnerSpec.of(org.anneal.spec.Task.CLASSIFICATION, true, List.of()),
                "pool", pool));
        org.anneal.spec.ConfigError e = assertThrows(org.anneal.spec.ConfigError.class, () -> node.configure(classifier, p, null));
        assertEquals("learner", e.port());
        var classes = new org.anneal.spec.TableSpec(List.of(new org.anneal.spec.ColumnSpec("x", org.anneal.spec.ColumnType.NUMERIC, ColumnRole.FEATURE),
                new org.anneal.spec.ColumnSpec("y", org.anneal.spec.ColumnType.CATEGORICAL, ColumnRole.TARGET)), org.anneal.spec.Lineage.UNSPLIT);
        var categorical = org.anneal.spec.Specs.of(Map.of("learner", org.anneal.spec.LearnerSpec.of(org.anneal.spec.Task.REGRESSION, true, List.of()),
                "pool", classes));
        org.anneal.spec.ConfigError t = assertThrows(org.anneal.spec.ConfigError.class, () -> node.configure(categorical, p, null));
        assertEquals("pool", t.port());
        assertTrue(t.getMessage().contains("holds categories"), t.getMessage());
        var fine = org.anneal.spec.Specs.of(Map.of("learner", org.anneal.spec.LearnerSpec.of(org.anneal.spec.Task.REGRESSION, true, List.of()), "pool", pool));
        assertDoesNotThrow(() -> node.configure(fine, p, null));
    }
}
