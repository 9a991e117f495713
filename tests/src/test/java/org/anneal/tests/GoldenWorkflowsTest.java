package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.ml.Metrics;
import org.anneal.provenance.RunReport;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in workflows/ is in canonical form, validates clean, runs headless, meets its
 * {@code expect} block ({@code "expect": {"metrics": {"node": {"r2": [min, max]}}}}) and gives the same
 * results digest twice.
 */
class GoldenWorkflowsTest {
    static Stream<Path> examples() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("workflows"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertFalse(files.isEmpty(), "workflows/ holds examples");
            return files.stream();
        }
    }

    static RunResult run(LoadedWorkflow lw, Validation v) {
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            return ex.run(v, new RunOptions(Set.of(), DeviceSelector.system().select(lw.workflow().meta().device()),
                    FileAccess.unrestricted(lw.baseDir())).withSpecChecks(), e -> { }); // every table as configure promised
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void runsAndMeetsItsExpectations(Path file) throws Exception {
        WorkflowCodec codec = new WorkflowCodec();
        LoadedWorkflow lw = codec.read(file);
        assertEquals(Files.readString(file), codec.write(lw.workflow()), file + " is saved in canonical form (byte-stable round trip)");
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        assertEquals(List.of(), v.problems(), file + " validates clean");
        assertEquals(List.of(), new org.anneal.lineage.LeakageAnalyzer().analyze(v), file + " is an honest example: no leakage");
        RunResult r = run(lw, v);
        assertTrue(r.succeeded(), file + ": " + r.problems());
        // rubrics and pick-best blocks accept only the metric names Anneal knows: every metric produced must be one of them
        r.nodes().forEach((id, n) -> {
            for (Object value : n.outputs() == null ? List.of() : n.outputs().asMap().values()) {
                if (value instanceof Metrics m) {
                    m.values().keySet().forEach(name -> assertTrue(org.anneal.ml.MetricNames.known(name),
                            file + ": node '" + id + "' writes the metric '" + name + "', which org.anneal.ml.MetricNames does not list"));
                }
            }
        });

        JsonNode expect = lw.workflow().block("expect").orElseThrow(() -> new AssertionError(file + " needs an expect block"));
        JsonNode metrics = expect.path("metrics");
        assertTrue(metrics.size() > 0, "expect.metrics names at least one node");
        for (Map.Entry<String, JsonNode> node : iterable(metrics)) {
            Metrics m = r.node(node.getKey()).outputs().asMap().values().stream()
                    .filter(Metrics.class::isInstance).map(Metrics.class::cast).findFirst().orElseThrow();
            for (Map.Entry<String, JsonNode> range : iterable(node.getValue())) {
                double value = m.get(range.getKey());
                double lo = range.getValue().get(0).asDouble();
                double hi = range.getValue().get(1).asDouble();
                assertTrue(value >= lo && value <= hi, file + ": " + node.getKey() + "." + range.getKey() + " = " + value
                        + " outside [" + lo + ", " + hi + "]");
            }
        }

        String digest = RunReport.build(v, r, List.of()).get("resultsDigest").asText();
        String again = RunReport.build(v, run(lw, v), List.of()).get("resultsDigest").asText();
        assertEquals(digest, again, "same file, same seed, same numbers");
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }
}
