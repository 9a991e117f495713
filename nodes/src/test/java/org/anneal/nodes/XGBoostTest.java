package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.XGBoostLearner;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class XGBoostTest {
    /** x = 1..10; y = 3 up to x = 5 and 8 above. */
    static Table step() {
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i + 1;
            y[i] = x[i] <= 5 ? 3 : 8;
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    @Test
    void boostingStepsShrinkTheResidualGeometrically() {
        // squared error from XGBoost 1.6's base score 0.5, no leaf penalty: each round adds eta times the mean residual of
        // its leaf, so after m rounds a row predicts y − (y − 0.5)·(1 − eta)^m
        Table t = step();
        for (int rounds : new int[] {1, 2, 5}) {
            TrainedModel m = new XGBoostLearner(Task.REGRESSION, rounds, 1, 0.5, 1.0, 0).fit(t, List.of("x"), "y", TestCtx.of("fit"));
            double[] p = m.predict(t);
            double shrink = Math.pow(0.5, rounds);
            assertEquals(3 - 2.5 * shrink, p[0], 1e-5, rounds + " rounds, left");
            assertEquals(8 - 7.5 * shrink, p[9], 1e-5, rounds + " rounds, right");
        }
    }

    @Test
    void classifiesTwoBlobsWithProbabilities() {
        Table t = GradientLearnersTest.twoBlobs();
        TrainedModel m = new XGBoostLearner(Task.CLASSIFICATION, 20, 3, 0.3, 1.0, 1).fit(t, List.of("x1", "x2"), "side", TestCtx.of("fit"));
        int[] truth = ((CategoricalColumn) t.column("side").orElseThrow()).codes();
        double[] p = m.predict(t);
        double[][] prob = m.probabilities(t);
        for (int i = 0; i < p.length; i++) {
            assertEquals(truth[i], (int) p[i]);
            assertEquals(1.0, prob[i][0] + prob[i][1], 1e-6);
            assertTrue(prob[i][truth[i]] > 0.5);
        }
    }

    @Test
    void trainingRowsOfASingleClassAreRefusedWithAFix() {
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 2, 3}),
                new CategoricalColumn("c", ColumnRole.TARGET, new int[] {1, 1, 1}, List.of("a", "b"))));
        var f = org.junit.jupiter.api.Assertions.assertThrows(org.anneal.spec.NodeFailure.class,
                () -> new XGBoostLearner(Task.CLASSIFICATION, 5, 2, 0.3, 1, 1).fit(t, List.of("x"), "c", TestCtx.of("fit")));
        assertTrue(f.fix().contains("stratify"), f.fix());
    }
}
