package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.KnnLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

class KnnTest {
    /** x = 0, 1, 3, 7, 10 with y = 10·x. */
    static Table line() {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0, 1, 3, 7, 10}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {0, 10, 30, 70, 100})));
    }

    static Table at(double... xs) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, xs)));
    }

    static TrainedModel fit(Task task, int k, String distance, String weighting, Table t, List<String> features, String target) {
        return new KnnLearner(task, k, org.anneal.spec.Choices.parse(KnnLearner.Distance.class, distance).orElseThrow(),
                org.anneal.spec.Choices.parse(KnnLearner.Weighting.class, weighting).orElseThrow()).fit(t, features, target, TestCtx.of("fit"));
    }

    @Test
    void regressionAveragesTheNearestTargetsUniformlyOrByInverseDistance() {
        Table t = line();
        // at 2.5 the neighbours are x = 3 (distance 0.5), x = 1 (1.5), x = 0 (2.5)
        assertArrayEquals(new double[] {20}, fit(Task.REGRESSION, 2, "euclidean", "uniform", t, List.of("x"), "y").predict(at(2.5)), 1e-12);
        assertArrayEquals(new double[] {40 / 3.0}, fit(Task.REGRESSION, 3, "euclidean", "uniform", t, List.of("x"), "y").predict(at(2.5)), 1e-12);
        // weights 1/0.5 = 2 and 1/1.5 = 2/3: (2·30 + (2/3)·10) / (2 + 2/3) = 25
        assertArrayEquals(new double[] {25}, fit(Task.REGRESSION, 2, "euclidean", "distance", t, List.of("x"), "y").predict(at(2.5)), 1e-12);
        // a query on a training row: that row decides alone under distance weights
        assertArrayEquals(new double[] {30}, fit(Task.REGRESSION, 3, "euclidean", "distance", t, List.of("x"), "y").predict(at(3)), 1e-12);
    }

    @Test
    void manhattanAndEuclideanDisagreeOnWhichPointIsNearest() {
        // from the origin: P = (2, 2) is at L2 2.83 but L1 4; Q = (3.5, 0) is at 3.5 in both
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {2, 3.5}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {2, 0}), new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2})));
        Table origin = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {0}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {0})));
        assertEquals(1, fit(Task.REGRESSION, 1, "euclidean", "uniform", t, List.of("a", "b"), "y").predict(origin)[0]);
        assertEquals(2, fit(Task.REGRESSION, 1, "manhattan", "uniform", t, List.of("a", "b"), "y").predict(origin)[0]);
        // distance weights with k = 2 under L1: 1/4 and 1/3.5, so (1/4·1 + 1/3.5·2) / (1/4 + 1/3.5)
        double expected = (0.25 * 1 + 2 / 3.5) / (0.25 + 1 / 3.5);
        assertEquals(expected, fit(Task.REGRESSION, 2, "manhattan", "distance", t, List.of("a", "b"), "y").predict(origin)[0], 1e-12);
    }

    @Test
    void classificationVotesAndReportsVoteShares() {
        // x = 0, 1, 2 are "low", x = 5, 6 are "high"
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0, 1, 2, 5, 6}),
                new CategoricalColumn("c", ColumnRole.TARGET, new int[] {0, 0, 0, 1, 1}, List.of("low", "high"))));
        // at 4.2 the three nearest are 5 (0.8, high), 6 (1.8, high), 2 (2.2, low)
        TrainedModel uniform = fit(Task.CLASSIFICATION, 3, "euclidean", "uniform", t, List.of("x"), "c");
        assertEquals(1, uniform.predict(at(4.2))[0]);
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0}, uniform.probabilities(at(4.2))[0], 1e-12);
        assertEquals(List.of("low", "high"), uniform.classes());
        // at 3.4: 2 (1.4, low), 5 (1.6, high), 1 (2.4, low): 2 votes low uniformly;
        // by distance: low 1/1.4 + 1/2.4, high 1/1.6
        TrainedModel weighted = fit(Task.CLASSIFICATION, 3, "euclidean", "distance", t, List.of("x"), "c");
        double low = 1 / 1.4 + 1 / 2.4;
        double high = 1 / 1.6;
        assertArrayEquals(new double[] {low / (low + high), high / (low + high)}, weighted.probabilities(at(3.4))[0], 1e-12);
        assertEquals(0, weighted.predict(at(3.4))[0]);
    }

    @Test
    void moreNeighboursThanRowsIsRefusedWithAFix() {
        NodeFailure f = assertThrows(NodeFailure.class, () -> fit(Task.REGRESSION, 6, "euclidean", "uniform", line(), List.of("x"), "y"));
        assertTrue(f.fix().contains("at most 5"), f.fix());
    }

    @Test
    void theTuneNodeCanChooseK() throws Exception {
        // y = x² on a fine grid: k = 1 interpolates best, k = 15 averages over a wide, curved stretch
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i / 59.0;
            y[i] = x[i] * x[i];
        }
        Table train = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        double[] vx = {0.105, 0.5, 0.895};
        double[] vy = java.util.Arrays.stream(vx).map(v -> v * v).toArray();
        Table select = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, vx), new NumericColumn("y", ColumnRole.TARGET, vy)));
        var out = new org.anneal.nodes.model.TuneNode().execute(Fixtures.inputs(java.util.Map.of("learner",
                        knnNode(5), "train", train, "select", select)),
                new org.anneal.nodes.model.TuneNode.Params("k", List.of("1", "15"), org.anneal.nodes.evaluate.Metric.RMSE), TestCtx.of("tune"));
        assertEquals(knnNode(1), out.get("best"));
    }

    private static Object knnNode(int k) {
        return new org.anneal.nodes.model.KnnNode().execute(Fixtures.inputs(java.util.Map.of()), new org.anneal.nodes.model.KnnNode.Params(
                org.anneal.nodes.model.TaskChoice.REGRESSION, k, KnnLearner.Distance.EUCLIDEAN, KnnLearner.Weighting.UNIFORM), TestCtx.of("knn")).get("learner");
    }
}
