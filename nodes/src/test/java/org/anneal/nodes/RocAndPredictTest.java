package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.ClassificationMetrics;
import org.anneal.nodes.evaluate.EvaluateClassificationNode;
import org.anneal.nodes.evaluate.PredictNode;
import org.anneal.nodes.evaluate.RocCurve;
import org.anneal.nodes.model.GaussianProcessLearner;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.LogisticLearner;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.ml.Task;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class RocAndPredictTest {
    @Test
    void aucOfAKnownRankingIsMannWhitneyUOverN1N0() {
        // positives at 0.9, 0.8, 0.6; negatives at 0.7, 0.55, 0.4: U = 3 + 3 + 2 = 8 of 3·3 pairs
        RocCurve roc = RocCurve.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.4}, new boolean[] {true, true, false, true, false, false});
        assertEquals(8 / 9.0, roc.auc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, roc.fpr(), 1e-12);
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1}, roc.tpr(), 1e-12);
    }

    @Test
    void tiedScoresCountAsHalfAPairAndMoveTogether() {
        // pos 0.5 ties neg 0.5 (½) and beats 0.2 (1); pos 0.8 beats both (2): U = 3.5 of 4
        RocCurve roc = RocCurve.of(new double[] {0.5, 0.5, 0.2, 0.8}, new boolean[] {true, false, false, true});
        assertEquals(0.875, roc.auc(), 1e-12);
        assertEquals(4, roc.fpr().length, "one point per distinct threshold plus the origin");
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), 1e-12);
    }

    @Test
    void aRocCurveNeedsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true}));
    }

    @Test
    void multiclassAucIsTheMacroMeanOfOneVsRest() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] pred = {0, 0, 1, 1, 2, 2};
        double[][] prob = {{0.8, 0.1, 0.1}, {0.6, 0.2, 0.2}, {0.3, 0.6, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.4, 0.5}, {0.1, 0.1, 0.8}};
        Metrics m = ClassificationMetrics.of(truth, pred, List.of("a", "b", "c"), prob);
        // a: every a row above every other → 1; b: 0.7 beats 4 of 4, 0.4 beats 3 of 4 → 7/8; c: 0.8 beats all → 1
        assertEquals((1 + 7 / 8.0 + 1) / 3, m.get("roc_auc"), 1e-12);
    }

    @Test
    void logLossClipsProbabilitiesAt1eMinus15() {
        Metrics m = ClassificationMetrics.of(new int[] {0, 1}, new int[] {1, 1}, List.of("a", "b"), new double[][] {{0, 1}, {0, 1}});
        assertEquals(-Math.log(1e-15) / 2, m.get("log_loss"), 1e-9);
        assertEquals(0.5, m.get("roc_auc"), 1e-12, "constant scores rank nothing: a diagonal curve");
    }

    @Test
    void predictAppendsExactPredictionsOfALinearLaw() {
        Table t = Fixtures.fiveRows();
        TrainedModel m = new RidgeLearner(0).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        Table p = (Table) new PredictNode().execute(new Inputs(Map.of("model", m, "data", t)), new PredictNode.Params("prediction"),
                TestCtx.of("predict")).get("predictions");
        assertArrayEquals(t.numeric("y").values(), p.numeric("prediction").values(), 1e-9);
        assertFalse(p.column("prediction_sd").isPresent(), "ridge knows no uncertainty");
        assertEquals(t.numeric("x1"), p.numeric("x1"), "inputs pass through unchanged");
    }

    @Test
    void predictAddsTheGaussianProcessSdAndClassProbabilities() {
        Table t = Fixtures.fiveRows();
        TrainedModel gp = new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF).fit(t, List.of("x1", "x2"), "y", TestCtx.of("gp"));
        Table p = (Table) new PredictNode().execute(new Inputs(Map.of("model", gp, "data", t)), new PredictNode.Params("yhat"),
                TestCtx.of("predict")).get("predictions");
        assertArrayEquals(gp.predictionStd(t), p.numeric("yhat_sd").values(), 1e-12);

        Table moons = PrepareAndGenerateTest.generate("two-moons", 100, 0.1, 3);
        TrainedModel lr = new LogisticLearner(20, 1.0).fit(moons, List.of("x1", "x2"), "class", TestCtx.of("fit"));
        Table q = (Table) new PredictNode().execute(new Inputs(Map.of("model", lr, "data", moons)), new PredictNode.Params("prediction"),
                TestCtx.of("predict")).get("predictions");
        for (int i = 0; i < q.rowCount(); i++) {
            assertEquals(1.0, q.numeric("p_upper").get(i) + q.numeric("p_lower").get(i), 1e-9);
            String predicted = ((CategoricalColumn) q.column("prediction").orElseThrow()).get(i);
            assertEquals(q.numeric("p_upper").get(i) > 0.5 ? "upper" : "lower", predicted, "the predicted class is the more probable one");
        }
    }

    @Test
    void predictRefusesRowsWithoutTheModelsFeatures() {
        var model = LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x1", "x3"));
        ConfigError e = assertThrows(ConfigError.class, () -> new PredictNode().configure(
                Specs.of(Map.of("model", model, "data", Fixtures.fiveRows().spec(Lineage.UNSPLIT))), new PredictNode.Params("prediction"), TestCtx.of("p")));
        assertEquals("data", e.port());
        assertTrue(e.getMessage().contains("x3"), e.getMessage());
    }

    @Test
    void classificationScoresGiveTheConfusionHeatMap() {
        Table moons = PrepareAndGenerateTest.generate("two-moons", 100, 0.1, 3);
        TrainedModel lr = new LogisticLearner(20, 1.0).fit(moons, List.of("x1", "x2"), "class", TestCtx.of("fit"));
        var out = new EvaluateClassificationNode().execute(new Inputs(Map.of("model", lr, "data", moons)),
                new EvaluateClassificationNode.Params("prediction"), TestCtx.of("score"));
        Plot plot = (Plot) out.get("confusionPlot");
        Table cm = (Table) out.get("confusion");
        assertEquals(Plot.Kind.HEATMAP, plot.kind());
        assertEquals(cm.numeric("predicted lower").get(0), plot.heatmap().get(0, 1));
        assertEquals(100, plot.heatmap().get(0, 0) + plot.heatmap().get(0, 1) + plot.heatmap().get(1, 0) + plot.heatmap().get(1, 1));
        Metrics m = (Metrics) out.get("metrics");
        assertTrue(m.get("roc_auc") > m.get("accuracy") - 0.1 && m.get("roc_auc") <= 1, "AUC of a good linear classifier: " + m.get("roc_auc"));
    }
}
