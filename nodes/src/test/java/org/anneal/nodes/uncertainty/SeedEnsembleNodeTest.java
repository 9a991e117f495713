package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** model.ensemble: K seeds of a network, trained for real; their spread becomes prediction_sd and coverage. */
class SeedEnsembleNodeTest {

    private static ExampleEdits ensemble(String dataset, int members) {
        return ExampleEdits.empty(7)
                .add("data", "data.generate", Map.of("dataset", dataset, "rows", 120, "noise", 0.2))
                .add("split", "split.holdout", Map.of("test", 0.25))
                .add("input", "nn.input", Map.of())
                .add("hidden", "nn.dense", Map.of("units", 8, "activation", "tanh"))
                .add("net", "model.network", Map.of("epochs", 15, "batchSize", 30))
                .add("ensemble", "model.ensemble", Map.of("members", members))
                .add("adam", "optim.adam", Map.of("learningRate", 0.05))
                .add("fit", "train.fit", Map.of())
                .link("data:table", "split:table").link("split:train", "input:table").link("input:network", "hidden:in")
                .link("hidden:out", "net:network").link("net:learner", "ensemble:learner").link("ensemble:ensemble", "fit:learner")
                .link("adam:optimizer", "fit:optimizer").link("split:train", "fit:train");
    }

    @Test
    void membersDifferBySeedAndTheirSpreadIsTheSd() throws Exception {
        SessionResult s = ensemble("noisy-polynomial", 3)
                .add("score", "evaluate.regression", Map.of()).link("fit:model", "score:model").link("split:test", "score:data").run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        TrainedModel m = (TrainedModel) s.run().node("fit").outputs().get("model");
        assertTrue(m.describe().startsWith("Ensemble of 3 seeds × Neural network"), m.describe());
        Table preds = (Table) s.run().node("score").outputs().get("predictions");
        double[] sd = preds.numeric("prediction_sd").values();
        for (double v : sd) {
            assertTrue(v > 0, "members with different seeds disagree a little everywhere: " + v);
        }
        BootstrapEnsembleModel e = (BootstrapEnsembleModel) m;
        double[] first = e.members().get(0).predict(preds);
        double[] mean = m.predict(preds);
        double[] byHand = new double[mean.length];
        for (TrainedModel member : e.members()) {
            double[] p = member.predict(preds);
            for (int i = 0; i < p.length; i++) {
                byHand[i] += p[i] / 3;
            }
        }
        assertArrayEquals(byHand, mean, 1e-9, "the prediction is the members' mean");
        assertTrue(java.util.Arrays.stream(first).anyMatch(v -> Double.isFinite(v)));
        Metrics metrics = (Metrics) s.run().node("score").outputs().get("metrics");
        assertTrue(metrics.values().containsKey("coverage_95"), metrics.values().toString());

        SessionResult again = ensemble("noisy-polynomial", 3)
                .add("score", "evaluate.regression", Map.of()).link("fit:model", "score:model").link("split:test", "score:data").run();
        assertArrayEquals(mean, ((TrainedModel) again.run().node("fit").outputs().get("model")).predict(preds), 0,
                "the same seed and threads give the same ensemble");
    }

    @Test
    void aClassifierAveragesTheMembersProbabilities() throws Exception {
        SessionResult s = ensemble("two-moons", 2)
                .add("score", "evaluate.classification", Map.of()).link("fit:model", "score:model").link("split:test", "score:data").run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        TrainedModel m = (TrainedModel) s.run().node("fit").outputs().get("model");
        Table test = (Table) s.run().node("split").outputs().get("test");
        double[][] p = m.probabilities(test);
        double[][] a = ((SeedEnsembleClassifier) m).members().get(0).probabilities(test);
        double[][] b = ((SeedEnsembleClassifier) m).members().get(1).probabilities(test);
        for (int i = 0; i < p.length; i++) {
            assertEquals(1, p[i][0] + p[i][1], 1e-6);
            assertEquals((a[i][0] + b[i][0]) / 2, p[i][0], 1e-12);
        }
        double[] predicted = m.predict(test);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i][0] >= p[i][1] ? 0 : 1, (int) predicted[i]);
        }
    }
}
