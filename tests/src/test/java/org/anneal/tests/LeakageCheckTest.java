package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anneal.graph.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `anneal check` and `anneal run` report leakage with rule, nodes and fix; errors fail the check. */
class LeakageCheckTest {
    static final Path DIR = Path.of("tests/src/test/resources/broken");

    @TempDir
    Path tmp;

    @Test
    void testOnTrainIsAnErrorWithTheWireAndTheFix() throws Exception {
        Cli r = Cli.run("check", DIR.resolve("leak-test-on-train.json").toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("L1 Scored on the training rows."), r.out());
        assertTrue(r.out().contains("Fix: Connect 'score:data' to the test side of the split"), r.out());

        Cli json = Cli.run("check", "--json", DIR.resolve("leak-test-on-train.json").toString());
        JsonNode a = Json.MAPPER.readTree(json.out());
        assertEquals("L1", a.get(0).get("rule").asText());
        assertEquals("split:train -> score:data", a.get(0).get("wires").get(0).asText());
    }

    @Test
    void scalerBeforeSplitIsAWarningAndRunRecordsIt() throws Exception {
        Cli r = Cli.run("check", DIR.resolve("leak-scaler-before-split.json").toString());
        assertEquals(0, r.exit(), "warnings do not fail the check\n" + r.all());
        assertTrue(r.out().contains("WARNING L2 Preprocessing fitted before the split. (nodes: scale, score)"), r.out());

        Path results = tmp.resolve("r.json");
        Cli run = Cli.run("run", DIR.resolve("leak-scaler-before-split.json").toString(), "--out", results.toString());
        assertEquals(0, run.exit(), run.all());
        JsonNode report = Json.MAPPER.readTree(results.toFile());
        assertEquals("L2", report.at("/findings/0/rule").asText());
    }

    @Test
    void theExamplesAreClean() {
        Cli r = Cli.run("check", "workflows/01-linear-regression.json");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("no leakage found"));
    }

    @Test
    void runReportsRunTimeFindingsWithTheirThresholdsWhichCanBeChanged() throws Exception {
        Path results = tmp.resolve("r.json");
        String puzzle = "workflows/puzzles/14-concrete-duplicates.json";
        Cli run = Cli.run("run", puzzle, "--out", results.toString());
        assertTrue(run.all().contains("ERROR D1 Test rows also in the training rows."), run.all());
        assertTrue(run.all().contains("Error above 1.0 %"), run.all());
        Cli lenient = Cli.run("run", puzzle, "--threshold", "duplicateErrorShare=0.5", "--out", results.toString());
        assertTrue(lenient.all().contains("WARNING D1 Test rows also in the training rows."), lenient.all());
        assertTrue(lenient.all().contains("Error above 50.0 %"), lenient.all());
        JsonNode report = Json.MAPPER.readTree(results.toFile());
        boolean d1 = false;
        for (JsonNode f : report.path("findings")) {
            d1 |= f.path("rule").asText().equals("D1") && f.path("severity").asText().equals("warning");
        }
        assertTrue(d1, report.path("findings").toString());
        Cli typo = Cli.run("run", puzzle, "--threshold", "duplicateShare=0.5");
        assertEquals(2, typo.exit(), typo.all());
        assertTrue(typo.err().contains("Unknown threshold 'duplicateShare'"), typo.all());
    }

    @Test
    void aWorkflowSetsItsOwnThresholdsWhichTheCommandLineOverridesAndATypoThereIsLocated() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode w = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree(Path.of("workflows/puzzles/14-concrete-duplicates.json").toFile());
        w.remove("puzzle");
        w.putObject("leakage").putObject("thresholds").put("duplicateErrorShare", 0.5);
        // beside the original so that its relative dataset path still resolves
        Path lenient = Path.of("workflows/puzzles/lenient-" + ProcessHandle.current().pid() + ".json");
        try {
            Files.writeString(lenient, Json.MAPPER.writeValueAsString(w));
            Cli run = Cli.run("run", lenient.toString(), "--out", tmp.resolve("r.json").toString());
            assertTrue(run.all().contains("WARNING D1 Test rows also in the training rows."), run.all());
            assertTrue(run.all().contains("Error above 50.0 %"), "the file's threshold is used and quoted: " + run.all());
            Cli strict = Cli.run("run", lenient.toString(), "--threshold", "duplicateErrorShare=0.01", "--out", tmp.resolve("r.json").toString());
            assertTrue(strict.all().contains("ERROR D1 Test rows also in the training rows."), "the command line wins: " + strict.all());

            ((com.fasterxml.jackson.databind.node.ObjectNode) w.path("leakage").path("thresholds")).put("duplicateErrorShare", "lots");
            Files.writeString(lenient, Json.MAPPER.writeValueAsString(w));
            Cli typo = Cli.run("run", lenient.toString(), "--out", tmp.resolve("r.json").toString());
            assertEquals(1, typo.exit(), typo.all());
            assertTrue(typo.err().contains("(at /leakage/thresholds) Threshold 'duplicateErrorShare' needs a number, not 'lots'."), typo.all());
        } finally {
            Files.deleteIfExists(lenient);
        }
    }
}
