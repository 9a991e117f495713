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
import org.anneal.ml.Task;
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
        // y = x² rises with x: every row left of the split gets the lower leaf; leaves are means of (bootstrapped) targets
        for (int i = 1; i < p.length; i++) {
            assertTrue(p[i] >= p[i - 1]);
        }
        assertTrue(distinct[0] >= 0 && distinct[1] <= 1);
    }

    @Test
    void farFromAStepEveryTreeLeafIsPureSoPredictionsAreExact() {
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (double) n;
            y[i] = x[i] < 0.5 ? 0 : 1;
        }
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        double[] p = new ExtraTreesLearner(Task.REGRESSION, 20, 12, 1.0).fit(t, List.of("x"), "y", TestCtx.of("fit")).predict(t);
        for (int i = 0; i < n; i++) {
            if (x[i] < 0.3) {
                assertEquals(0.0, p[i], 1e-12, "x = " + x[i]);
            } else if (x[i] >= 0.7) {
                assertEquals(1.0, p[i], 1e-12, "x = " + x[i]);
            }
        }
    }

    @Test
    void anEnsembleFitsASmoothCurveOnUnseenPoints() {
        Table train = parabola(200, 0);
        Table test = parabola(50, 0.37);
        TrainedModel m = new ExtraTreesLearner(Task.REGRESSION, 50, 10, 1.0).fit(train, List.of("x"), "y", TestCtx.of("fit"));
        double r2 = RegressionMetrics.of(test.numeric("y").values(), m.predict(test)).get("r2");
        assertTrue(r2 > 0.99, "R² " + r2);
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
    void classifiesTwoBlobsPerfectlyWithVoteProbabilities() {
        Table t = GradientLearnersTest.twoBlobs();
        TrainedModel m = new ExtraTreesLearner(Task.CLASSIFICATION, 25, 6, 1.0).fit(t, List.of("x1", "x2"), "side", TestCtx.of("fit"));
        int[] truth = ((org.anneal.data.CategoricalColumn) t.column("side").orElseThrow()).codes();
        double[] p = m.predict(t);
        for (int i = 0; i < p.length; i++) {
            assertEquals(truth[i], (int) p[i]);
        }
    }
}
