package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * model.gaussian-process-classifier and model.quantile-boosting as blocks: declared, configured and run in a workflow
 * (generate → split → learner → fit → score), as a student wires them, not only their learners called from Java.
 */
class UncertaintyBlocksWorkflowTest {
    @TempDir
    Path tmp;

    private JsonNode run(String dataset, String learner, String learnerParams, String score) throws Exception {
        String json = """
                {"format": "anneal-workflow", "version": 1, "meta": {"title": "t", "seed": 7},
                 "nodes": [
                  {"id": "gen", "type": "data.generate", "params": {"dataset": "%s", "rows": 300}},
                  {"id": "split", "type": "split.holdout", "params": {"test": 0.3}},
                  {"id": "learner", "type": "%s", "params": %s},
                  {"id": "fit", "type": "train.fit"},
                  {"id": "score", "type": "%s"}],
                 "links": [
                  {"from": "gen:table", "to": "split:table"},
                  {"from": "learner:learner", "to": "fit:learner"},
                  {"from": "split:train", "to": "fit:train"},
                  {"from": "fit:model", "to": "score:model"},
                  {"from": "split:test", "to": "score:data"}]}
                """.formatted(dataset, learner, learnerParams, score);
        Path file = tmp.resolve(learner + ".json");
        Files.writeString(file, json);
        Path out = tmp.resolve(learner + ".results.json");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        return new ObjectMapper().readTree(out.toFile()).path("metrics").path("score");
    }

    @Test
    void theGaussianProcessClassifierSeparatesTheTwoMoons() throws Exception {
        JsonNode m = run("two-moons", "model.gaussian-process-classifier", "{\"kernel\": \"rbf\"}", "evaluate.classification");
        assertTrue(m.path("accuracy").asDouble() > 0.85, m.toString());
    }

    @Test
    void quantileBoostingGivesIntervalsThatTheRegressionScoreReadsAsCoverage() throws Exception {
        JsonNode m = run("noisy-polynomial", "model.quantile-boosting", "{\"coverage\": 0.9, \"trees\": 150}", "evaluate.regression");
        assertTrue(m.path("r2").asDouble() > 0.5, m.toString());
        // the 90 % interval also gives a prediction_sd, so coverage_95 is reported; it is an interval, so it must cover most rows
        assertTrue(m.has("coverage_95") && m.path("coverage_95").asDouble() > 0.75, m.toString());
    }
}
