package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.ClassificationMetrics;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.LogisticLearner;
import org.anneal.nodes.train.FitNode;
import org.anneal.spec.Task;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class ClassificationTest {
    @Test
    void metricsMatchHandComputedValues() {
        // classes a, b, c; truth a a a b b c ; predicted a a b b c c
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] pred = {0, 0, 1, 1, 2, 2};
        double[][] prob = {{0.8, 0.1, 0.1}, {0.6, 0.2, 0.2}, {0.3, 0.6, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.4, 0.5}, {0.1, 0.1, 0.8}};
        Metrics m = ClassificationMetrics.of(truth, pred, List.of("a", "b", "c"), prob);
        assertEquals(4 / 6.0, m.get("accuracy"), 1e-12);
        // recall a 2/3, b 1/2, c 1 ; precision a 1, b 1/2, c 1/2
        assertEquals((2 / 3.0 + 0.5 + 1) / 3, m.get("balanced_accuracy"), 1e-12);
        assertEquals((1 + 0.5 + 0.5) / 3, m.get("precision_macro"), 1e-12);
        double f1a = 2 * 1 * (2 / 3.0) / (1 + 2 / 3.0);
        double f1b = 0.5;
        double f1c = 2 * 0.5 * 1 / 1.5;
        assertEquals((f1a + f1b + f1c) / 3, m.get("f1_macro"), 1e-12);
        assertEquals(f1a, m.get("f1[a]"), 1e-12);
        double ll = -(Math.log(0.8) + Math.log(0.6) + Math.log(0.3) + Math.log(0.7) + Math.log(0.4) + Math.log(0.8)) / 6;
        assertEquals(ll, m.get("log_loss"), 1e-12);
        long[][] cm = ClassificationMetrics.confusion(truth, pred, 3);
        assertEquals(2, cm[0][0]);
        assertEquals(1, cm[0][1]);
        assertEquals(1, cm[1][2]);
    }

    @Test
    void logisticRegressionSeparatesTheMoonsWell() {
        Table t = PrepareAndGenerateTest.generate("two-moons", 400, 0.1, 3);
        TrainedModel m = new LogisticLearner(50, 1.0).fit(t, List.of("x1", "x2"), "class", TestCtx.of("fit"));
        assertEquals(List.of("upper", "lower"), m.classes());
        double[] p = m.predict(t);
        int[] truth = ((org.anneal.data.CategoricalColumn) t.column("class").orElseThrow()).codes();
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (int) p[i] == truth[i] ? 1 : 0;
        }
        assertTrue(correct / (double) p.length > 0.8, "a linear boundary gets most of the moons: " + correct);
        double[][] prob = m.probabilities(t);
        assertEquals(1.0, prob[0][0] + prob[0][1], 1e-9);
    }

    @Test
    void aClassifierOnANumericTargetNamesTheColumn() {
        var spec = Fixtures.fiveRows().spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new FitNode().configure(
                Specs.of(Map.of("learner", LearnerSpecs.learner(Task.CLASSIFICATION, true), "train", spec)), new FitNode.Params(), TestCtx.of("fit")));
        assertTrue(e.getMessage().contains("A classifier needs a categorical target, but 'y' holds numbers."), e.getMessage());
    }
}
