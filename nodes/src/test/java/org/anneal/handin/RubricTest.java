package org.anneal.handin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 7: a rubric is read strictly. Before, an unknown key was ignored and a misspelt metric made its criterion
 * "not met" for every student without a word; now each is an error naming its line and column, all reported at once.
 */
class RubricTest {
    @TempDir
    Path dir;

    @BeforeEach
    void course() throws IOException {
        Files.createDirectories(dir.resolve("datasets"));
    }

    Path write(String criteria) throws IOException {
        return Files.writeString(dir.resolve("rubric.json"), """
                { "format": "anneal-rubric", "version": 1, "datasets": ["datasets"], "timeLimitSeconds": 60,
                  "criteria": [
                %s
                  ] }
                """.formatted(criteria));
    }

    String problems(String criteria) throws IOException {
        Path f = write(criteria);
        return assertThrows(IOException.class, () -> Rubric.read(f)).getMessage();
    }

    @Test
    void theDocumentedExampleReads() throws Exception {
        Rubric r = Rubric.read(write("""
                    { "id": "r2", "text": "Forest R2 on the test rows at least 0.6", "points": 4, "metric": "score_forest.r2", "min": 0.6 },
                    { "id": "honest", "text": "No leakage", "points": 3.5, "noFindings": ["errors", "L2"] },
                    { "id": "split", "text": "Holds out test rows", "points": 1, "requiresNodeType": "split.holdout" }"""));
        assertEquals(List.of(dir.resolve("datasets")), r.datasets());
        assertEquals(60, r.timeLimitSeconds());
        assertEquals(8.5, r.maxPoints());
        assertEquals("score_forest.r2", r.criteria().get(0).metric());
        assertEquals(0.6, r.criteria().get(0).min());
        assertEquals(List.of("errors", "L2"), r.criteria().get(1).noFindings());
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheKeyMeant() throws Exception {
        String m = problems("""
                    { "id": "r2", "points": 2, "metrik": "score.r2", "min": 0.2 }""");
        assertTrue(m.contains("rubric.json:3:28 (at /criteria/0/metrik): unknown key \"metrik\" (did you mean \"metric\"?)"), m);
    }

    @Test
    void aMisspeltMetricIsAnErrorWithTheNearestName() throws Exception {
        String m = problems("""
                    { "id": "r2", "points": 2, "metric": "score.rsme", "max": 1.5 }""");
        assertTrue(m.contains("rubric.json:3:28 (at /criteria/0/metric): 'rsme' is not a metric Anneal computes (did you mean 'rmse'?)"), m);
        assertTrue(m.contains("Metrics: r2, rmse"), m);
    }

    @Test
    void everyProblemIsListedAtOnce() throws Exception {
        String m = problems("""
                    { "id": "a", "points": "two", "noFindings": ["L3x"] },
                    { "id": "a", "requiresNodeType": "split.holdot" },
                    { "id": "c", "metric": "r2", "min": 0.9, "max": 0.1 },
                    { "id": "d", "points": 1 },
                    { "id": "e", "metric": "score.r2", "noFindings": ["L1"] }""");
        assertTrue(m.startsWith("the rubric has 8 problem(s):"), m);
        for (String expected : List.of(":3:14 (at /criteria/0/points): \"points\" is \"two\"; it takes a number from 0 to 1000000.",
                ":3:46 (at /criteria/0/noFindings/0): 'L3x' is not a rule", ":4:3 (at /criteria/1/id): two criteria are called 'a'",
                "'split.holdot' is not a block type (did you mean 'split.holdout'?)", "(at /criteria/2/metric): \"metric\" is NODE.METRIC",
                "(at /criteria/2/max): max 0.1 is below min 0.9", "(at /criteria/3): criterion 'd' needs exactly one of",
                "(at /criteria/4): criterion 'e' needs exactly one of \"metric\", \"noFindings\", \"requiresNodeType\" (it has metric and noFindings).")) {
            assertTrue(m.contains(expected), expected + "\n" + m);
        }
    }

    @Test
    void topLevelKeysFoldersAndLimitsAreCheckedToo() throws Exception {
        Path f = Files.writeString(dir.resolve("rubric.json"), """
                { "format": "anneal-rubric", "version": 1, "datasets": ["missing"], "timelimit": 60, "tolerance": -1,
                  "criteria": [ { "id": "r2", "metric": "score.r2", "min": 0.2 } ] }
                """);
        String m = assertThrows(IOException.class, () -> Rubric.read(f)).getMessage();
        assertTrue(m.contains("(at /datasets/0): the folder " + dir.resolve("missing") + " does not exist"), m);
        assertTrue(m.contains("rubric.json:1:69 (at /timelimit): unknown key \"timelimit\"; known: criteria, datasets, format, timeLimitSeconds"), m);
        assertTrue(m.contains("(at /tolerance): \"tolerance\" is -1; it takes a number from 0 to 1."), m);
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{ \"format\": \"anneal-rubric\",\n  \"criteria\": [ }");
        assertTrue(assertThrows(IOException.class, () -> Rubric.read(notJson)).getMessage().contains("broken.json:2:"));
    }
}
