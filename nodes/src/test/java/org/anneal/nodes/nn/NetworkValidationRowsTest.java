package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.graph.Problem;
import org.anneal.lineage.Finding;
import org.anneal.ml.TrainedModel;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** model.network's validation input: wired rows watch early stopping; the test side wired there is the L6 finding. */
class NetworkValidationRowsTest {

    private static ExampleEdits network(String validationSide, int patience) {
        return ExampleEdits.empty(11)
                .add("data", "data.generate", Map.of("dataset", "noisy-polynomial", "rows", 200, "noise", 0.3))
                .add("split", "split.three-way", Map.of("validation", 0.25, "test", 0.25))
                .add("input", "nn.input", Map.of())
                .add("hidden", "nn.dense", Map.of("units", 32, "activation", "tanh"))
                .add("net", "model.network", Map.of("epochs", 200, "batchSize", 16, "patience", patience))
                .add("adam", "optim.adam", Map.of("learningRate", 0.05))
                .add("fit", "train.fit", Map.of())
                .add("score", "evaluate.regression", Map.of())
                .link("data:table", "split:table").link("split:train", "input:table").link("input:network", "hidden:in")
                .link("hidden:out", "net:network").link("adam:optimizer", "fit:optimizer").link("net:learner", "fit:learner")
                .link("split:train", "fit:train").link("split:" + validationSide, "net:validation")
                .link("fit:model", "score:model").link("split:test", "score:data");
    }

    @Test
    void validationRowsStopTrainingAndTheBestEpochIsKept() throws Exception {
        SessionResult s = network("validation", 5).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        assertEquals(List.of(), s.findings(), "the validation side chooses the epoch: an honest workflow");
        TrainedModel m = (TrainedModel) s.run().node("fit").outputs().get("model");
        assertTrue(m.describe().contains("on 50 validation rows"), m.describe());
        assertTrue(m.describe().matches("(?s).*kept epoch \\d+ of \\d+ \\(lowest validation loss\\).*"), m.describe());
        int kept = Integer.parseInt(m.describe().replaceAll("(?s).*kept epoch (\\d+) of.*", "$1"));
        int ran = Integer.parseInt(m.describe().replaceAll("(?s).*kept epoch \\d+ of (\\d+).*", "$1"));
        assertTrue(ran < 200 && ran - kept == 5, "stopped 5 epochs after the best: kept " + kept + " of " + ran);
    }

    @Test
    void theTestSideWiredToValidationIsTheTestSetUsedToChoose() throws Exception {
        var checked = network("test", 5).check();
        assertEquals(List.of(), checked.validation().problems());
        List<String> rules = checked.staticFindings().stream().map(Finding::rule).toList();
        assertTrue(rules.contains("L6"), rules.toString());
    }

    @Test
    void validationRowsWithoutPatienceAreLocatedOnPatience() throws Exception {
        List<Problem> problems = network("validation", 0).check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("net", problems.get(0).nodeId());
        assertEquals("patience", problems.get(0).param());
    }
}
