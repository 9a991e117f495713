package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anneal.exec.FileAccess;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Correct pipelines that look like the puzzles: no false alarm, static or dynamic. */
class SuspiciousWorkflowsTest {
    static Stream<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("workflows/suspicious"))) {
            List<Path> fs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(fs.size() >= 5);
            return fs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void honestPipelinesRaiseNoFinding(Path file) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(file);
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        assertEquals(List.of(), v.problems());
        assertEquals(List.of(), new LeakageAnalyzer().analyze(v), file.toString());
        RunResult r = GoldenWorkflowsTest.run(lw, v);
        assertTrue(r.succeeded(), r.problems().toString());
        List<Finding> dynamic = new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(v, r);
        assertEquals(List.of(), dynamic.stream().filter(Finding::isError).toList(), file.toString());
    }
}
