package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.anneal.graph.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `anneal run` on the first example: real metrics on screen, a complete results file, no JavaFX. */
class RunCommandTest {
    static final String EXAMPLE = "workflows/01-linear-regression.json";

    @TempDir
    Path tmp;

    @Test
    void printsStatusesAndMetricsAndWritesResultsWithProvenance() throws Exception {
        Path results = tmp.resolve("results.json");
        Cli r = Cli.run("run", EXAMPLE, "--out", results.toString());
        assertEquals(0, r.exit(), r.all());
        for (String id : new String[] {"load", "clean", "split", "scale", "scale_test", "ridge", "fit", "score"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("done") && l.contains(" " + id + " ")), id + " reported\n" + r.out());
        }
        assertTrue(r.out().contains("Metrics of 'score'"), r.out());
        assertTrue(r.out().contains("r2"), r.out());
        // the lesson the example teaches (meta.description), which no command used to show
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Lesson: ") && l.contains("Least squares with a small ridge penalty")), r.out());

        JsonNode report = Json.MAPPER.readTree(results.toFile());
        assertEquals("anneal-results", report.get("format").asText());
        assertTrue(report.get("succeeded").asBoolean());
        double r2 = report.at("/metrics/score/r2").asDouble();
        assertTrue(r2 > 0.2 && r2 < 0.45, "the R² the example is known for: " + r2);
        assertEquals(8, report.get("nodes").size());
        assertTrue(report.get("nodes").get(0).has("seconds"));
        assertEquals(42, report.at("/provenance/seed").asLong());
        assertEquals("cpu", report.at("/provenance/device/used").asText());
        JsonNode dataset = report.at("/provenance/datasets/0");
        Path csv = Path.of("workflows").resolve(dataset.get("path").asText()).normalize();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        assertEquals(sha, dataset.get("sha256").asText());
        assertFalse(report.get("resultsDigest").asText().isEmpty());
    }

    @Test
    void validateSaysOkOnTheExample() {
        Cli r = Cli.run("validate", EXAMPLE);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("OK"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, Cli.run("run").exit());
        assertEquals(2, Cli.run("frobnicate").exit());
        assertEquals(2, Cli.run("run", EXAMPLE, "--device", "tpu", "--out", tmp.resolve("x.json").toString()).exit());
    }

    @Test
    void nodesAndDocsListEveryType() throws Exception {
        Cli nodes = Cli.run("nodes");
        assertEquals(0, nodes.exit());
        assertTrue(nodes.out().contains("model.ridge") && nodes.out().contains("Data preparation"), nodes.out());
        Path md = tmp.resolve("nodes.md");
        assertEquals(0, Cli.run("docs", "--out", md.toString()).exit());
        assertTrue(Files.readString(md).contains("### split.holdout"));
    }

    /** The real launcher script, in a fresh JVM that logs every class it loads: no JavaFX class may appear. */
    @Test
    void theLauncherScriptRunsHeadlessWithoutLoadingJavaFx() throws Exception {
        Path log = tmp.resolve("classes.txt");
        ProcessBuilder pb = new ProcessBuilder("./anneal", "run", EXAMPLE, "--out", tmp.resolve("r.json").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ANNEAL_OPTS", "-verbose:class -Djava.awt.headless=true");
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(out.contains("Metrics of 'score'"));
        assertFalse(out.lines().anyMatch(l -> l.contains(" javafx.")), "JavaFX was loaded by the command line");
    }
}
