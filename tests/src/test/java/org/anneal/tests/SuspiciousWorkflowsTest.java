package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.anneal.graph.Link;
import org.anneal.graph.PortRef;
import org.anneal.graph.Workflow;
import org.junit.jupiter.api.Test;
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
        assertEquals(List.of(), dynamic, file + ": not even a warning at run time");
    }

    /** The concrete table repeats 25 mixes: without the dedupe step the random split puts copies on both sides. */
    @Test
    void withoutItsDedupeStepTheConcreteWorkflowHasDuplicatesAcrossTheSplit() throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(Path.of("workflows/suspicious/08-concrete-deduplicated.json"));
        Workflow w = lw.workflow();
        List<Link> links = new ArrayList<>(w.links().stream().filter(l -> !l.from().node().equals("dedupe") && !l.to().node().equals("dedupe")).toList());
        links.add(new Link(new PortRef("data", "table"), new PortRef("split", "table")));
        Workflow raw = new Workflow(w.meta(), w.nodes().stream().filter(n -> !n.id().equals("dedupe")).toList(), links, w.blocks());
        LoadedWorkflow rawLw = new LoadedWorkflow(raw, lw.file(), lw.locations(), List.of());
        Validation v = new Validator(NodeRegistry.standard()).validate(rawLw, FileAccess.unrestricted(rawLw.baseDir()));
        assertEquals(List.of(), new LeakageAnalyzer().analyze(v), "nothing to see before it runs");
        RunResult r = GoldenWorkflowsTest.run(rawLw, v);
        List<Finding> dynamic = new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(v, r);
        Finding d1 = dynamic.stream().filter(f -> f.rule().equals("D1")).findFirst().orElseThrow(() -> new AssertionError(dynamic.toString()));
        assertTrue(d1.isError(), "more than 1 % of the test rows: " + d1.explanation());
    }
}
