package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 7 through the command line: `anneal grade` with a misspelt rubric stops before grading anything, exit 1,
 * every problem with its line and column, no stack trace and no report. Before, the typo made a criterion "not met" for
 * every hand-in and the batch ran to the end.
 */
class RubricCommandTest {
    @TempDir
    Path work;

    @Test
    void aMisspeltRubricStopsGradingWithItsProblemsLocated() throws Exception {
        Files.createDirectories(work.resolve("datasets"));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("student.json"), "{}");
        Path rubric = Files.writeString(work.resolve("rubric.json"), """
                { "format": "anneal-rubric", "version": 1, "datasets": ["datasets"],
                  "criteria": [ { "id": "r2", "points": 2, "metric": "score.R2x", "min": 0.2 },
                                { "id": "honest", "points": 3, "noFinding": ["L1"] } ] }
                """);
        Cli g = Cli.run("grade", inbox.toString(), "--rubric", rubric.toString());
        assertEquals(1, g.exit(), g.all());
        assertTrue(g.err().contains("Cannot read the rubric: the rubric has 3 problem(s):"), g.all());
        assertTrue(g.err().contains("rubric.json:2:44 (at /criteria/0/metric): 'R2x' is not a metric Anneal computes (did you mean 'r2'?)."), g.all());
        assertTrue(g.err().contains("rubric.json:3:48 (at /criteria/1/noFinding): unknown key \"noFinding\" (did you mean \"noFindings\"?)"), g.all());
        assertTrue(g.err().contains("(at /criteria/1): criterion 'honest' needs exactly one of"), g.all());
        assertFalse(g.all().contains("Exception"), g.all());
        assertFalse(Files.exists(work.resolve("inbox-grades").resolve("grades.csv")), "nothing was graded");
    }
}
