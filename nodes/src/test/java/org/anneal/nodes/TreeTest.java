package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class TreeTest {
    @Test
    void aStumpFitsAStepExactly() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i - 20;
            y[i] = x[i] > 0 ? 5 : -1;
        }
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        TrainedModel m = new TreeLearner(Task.REGRESSION, 1, 1, 1).fit(t, List.of("x"), "y", TestCtx.of("tree"));
        assertArrayEquals(y, m.predict(t), 1e-9);
    }

    @Test
    void aForestFollowsACurveALineCannotAndIsReproducible() {
        Table train = PrepareAndGenerateTest.generate("runge", 400, 0.02, 1);
        Table test = PrepareAndGenerateTest.generate("runge", 200, 0.02, 2);
        TrainedModel a = new TreeLearner(Task.REGRESSION, 10, 50, 1.0).fit(train, List.of("x"), "y", TestCtx.of("rf"));
        double r2 = RegressionMetrics.of(test.numeric("y").values(), a.predict(test)).get("r2");
        assertTrue(r2 > 0.95, "Runge is easy for a forest: " + r2);
        TrainedModel b = new TreeLearner(Task.REGRESSION, 10, 50, 1.0).fit(train, List.of("x"), "y", TestCtx.of("rf"));
        assertArrayEquals(a.predict(test), b.predict(test), 0, "same seed, same forest");
    }

    @Test
    void aForestClassifiesTheMoonsBetterThanALine() {
        Table train = PrepareAndGenerateTest.generate("two-moons", 400, 0.1, 1);
        Table test = PrepareAndGenerateTest.generate("two-moons", 200, 0.1, 2);
        TrainedModel m = new TreeLearner(Task.CLASSIFICATION, 8, 50, 0.5).fit(train, List.of("x1", "x2"), "class", TestCtx.of("rf"));
        double[] p = m.predict(test);
        int[] truth = ((CategoricalColumn) test.column("class").orElseThrow()).codes();
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += (int) p[i] == truth[i] ? 1 : 0;
        }
        assertTrue(ok / 200.0 > 0.95, "accuracy " + ok / 200.0);
        assertEquals(List.of("upper", "lower"), m.classes());
    }
}
