package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.ExtraTreesLearner;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class ExtraTreesTest {
    /** n evenly spaced x in [0, 1) with y = x². */
    static Table parabola(int n, double offset) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + offset) / n;
            y[i] = x[i] * x[i];
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    @Test
    void aSingleDepthOneTreeSplitsOnceAndPredictsALowerMeanLeftThanRight() {
        Table t = parabola(40, 0);
        TrainedModel stump = new ExtraTreesLearner(Task.REGRESSION, 1, 1, 1.0).fit(t, List.of("x"), "y", TestCtx.of("fit"));
        double[] p = stump.predict(t);
        double[] distinct = Arrays.stream(p).distinct().sorted().toArray();
        assertEquals(2, distinct.length, "one split, two leaves: " + Arrays.toString(distinct));
        // y = x² rises with x: every row left of the split gets the lower leaf; leaves are means of the targets
        for (int i = 1; i < p.length; i++) {
            assertTrue(p[i] >= p[i - 1]);
        }
        assertTrue(distinct[0] >= 0 && distinct[1] <= 1);
    }

    /**
     * A classifier's leaves hold at least one row, so every random threshold is usable and trees grow until pure. (A
     * regressor's leaves need 5 rows: as in scikit-learn, a draw leaving fewer on a side is rejected, and with a single
     * feature that ends the node, so some trees stay mixed near, and even far from, the step.)
     */
    @Test
    void farFromAStepEveryTreeLeafIsPureSoPredictionsAreExact() {
        int n = 100;
        double[] x = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (double) n;
            y[i] = x[i] < 0.5 ? 0 : 1;
        }
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x),
                new org.anneal.data.CategoricalColumn("y", ColumnRole.TARGET, y, List.of("low", "high"))));
        double[][] p = new ExtraTreesLearner(Task.CLASSIFICATION, 20, 12, 1.0).fit(t, List.of("x"), "y", TestCtx.of("fit")).probabilities(t);
        for (int i = 0; i < n; i++) {
            if (x[i] < 0.3) {
                assertEquals(0.0, p[i][1], 1e-12, "x = " + x[i]);
            } else if (x[i] >= 0.7) {
                assertEquals(1.0, p[i][1], 1e-12, "x = " + x[i]);
            }
        }
    }

    @Test
    void anEnsembleFitsASmoothCurveOnUnseenPoints() {
        Table train = parabola(200, 0);
        Table test = parabola(50, 0.37);
        TrainedModel m = new ExtraTreesLearner(Task.REGRESSION, 50, 10, 1.0).fit(train, List.of("x"), "y", TestCtx.of("fit"));
        double r2 = RegressionMetrics.of(test.numeric("y").values(), m.predict(test)).get("r2");
        // scikit-learn's ExtraTreesRegressor(50 trees, max_depth 10, min_samples_leaf 5) scores 0.969 here
        assertTrue(r2 > 0.95, "R² " + r2);
    }

    @Test
    void theSeedDecidesTheTrees() {
        Table t = parabola(60, 0);
        var learner = new ExtraTreesLearner(Task.REGRESSION, 5, 3, 1.0);
        double[] a = learner.fit(t, List.of("x"), "y", new StandaloneContext("fit", 1, java.nio.file.Path.of("."))).predict(t);
        double[] b = learner.fit(t, List.of("x"), "y", new StandaloneContext("fit", 1, java.nio.file.Path.of("."))).predict(t);
        double[] c = learner.fit(t, List.of("x"), "y", new StandaloneContext("fit", 2, java.nio.file.Path.of("."))).predict(t);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed draws other split points");
    }

    @Test
    void classifiesTwoBlobsPerfectlyWithProbabilities() {
        Table t = GradientLearnersTest.twoBlobs();
        TrainedModel m = new ExtraTreesLearner(Task.CLASSIFICATION, 25, 6, 1.0).fit(t, List.of("x1", "x2"), "side", TestCtx.of("fit"));
        int[] truth = ((org.anneal.data.CategoricalColumn) t.column("side").orElseThrow()).codes();
        double[] p = m.predict(t);
        for (int i = 0; i < p.length; i++) {
            assertEquals(truth[i], (int) p[i]);
        }
    }

    @Test
    void scoresLikeScikitLearnsExtraTreesAndGivesProbabilities() throws Exception {
        var fr = SklearnReferenceTest.fixture("trees.json").get("forest_regression");
        List<String> six = HistogramTreeTest.names(6);
        Table all = HistogramTreeTest.table(fr.get("X"), six, new NumericColumn("y", ColumnRole.TARGET, SklearnReferenceTest.doubles(fr.get("y"))));
        Table train = all.rows(HistogramTreeTest.range(0, 1000));
        Table test = all.rows(HistogramTreeTest.range(1000, all.rowCount()));
        double r2 = RegressionMetrics.of(test.numeric("y").values(),
                new ExtraTreesLearner(Task.REGRESSION, 50, 8, 0.5).fit(train, six, "y", TestCtx.of("et")).predict(test)).get("r2");
        assertEquals(fr.get("extra_trees_test_r2").asDouble(), r2, 0.03, "test R² against scikit-learn's ExtraTreesRegressor");

        var fc = SklearnReferenceTest.fixture("trees.json").get("forest_classification");
        Table cAll = HistogramTreeTest.table(fc.get("X"), six, HistogramTreeTest.labels("class", fc.get("y"), List.of("a", "b", "c")));
        Table cTrain = cAll.rows(HistogramTreeTest.range(0, 1000));
        Table cTest = cAll.rows(HistogramTreeTest.range(1000, cAll.rowCount()));
        TrainedModel m = new ExtraTreesLearner(Task.CLASSIFICATION, 50, 8, 0.5, 1).fit(cTrain, six, "class", TestCtx.of("et"));
        int[] truth = ((org.anneal.data.CategoricalColumn) cTest.column("class").orElseThrow()).codes();
        double[] pred = m.predict(cTest);
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            ok += (int) pred[i] == truth[i] ? 1 : 0;
        }
        assertEquals(fc.get("extra_trees_test_accuracy").asDouble(), ok / (double) pred.length, 0.03, "accuracy against ExtraTreesClassifier");
        double[][] p = m.probabilities(cTest);
        double[][] p3 = new ExtraTreesLearner(Task.CLASSIFICATION, 50, 8, 0.5, 3).fit(cTrain, six, "class", TestCtx.of("et")).probabilities(cTest);
        for (int i = 0; i < p.length; i++) {
            assertEquals(1.0, Arrays.stream(p[i]).sum(), 1e-9);
            assertArrayEquals(p[i], p3[i], 0, "one or three threads, same trees");
        }
    }
}
