package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.graph.Problem;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    static Validation validate(Workflow w) {
        return new Validator(StubNodes.registry()).validate(LoadedWorkflow.unsaved(w, Path.of(".")), FileAccess.unrestricted(Path.of(".")));
    }

    static Problem only(Validation v, String code) {
        List<Problem> ps = v.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, ps.size(), v.problems().toString());
        return ps.get(0);
    }

    @Test
    void aCleanGraphHasNoProblemsAndAPlan() {
        Validation v = validate(ExecutorTest.chain(1));
        assertEquals(List.of(), v.problems());
        assertEquals(List.of("a", "b", "d", "c"), v.order());
    }

    @Test
    void unknownTypeSuggestsTheClosest() {
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("a", "test.sorce", "{}")), List.of(), Map.of());
        Problem p = only(validate(w), "node.unknown-type");
        assertEquals("a", p.nodeId());
        assertTrue(p.fix().contains("test.source"), p.fix());
    }

    @Test
    void paramsAreCheckedByNameTypeAndRange() {
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("a", "test.source", "{}"),
                ExecutorTest.node("b", "test.add", "{\"add\": 1000}"), ExecutorTest.node("c", "test.add", "{\"ad\": 1}"),
                ExecutorTest.node("d", "test.add", "{\"add\": \"ten\"}")),
                List.of(Link.of("a:out", "b:a"), Link.of("a:out", "c:a"), Link.of("a:out", "d:a")), Map.of());
        Validation v = validate(w);
        Problem range = v.problemsOf("b").get(0);
        assertEquals("add", range.param());
        assertTrue(range.message().contains("between -100 and 100"), range.message());
        Problem unknown = v.problemsOf("c").get(0);
        assertEquals("param.unknown", unknown.code());
        assertTrue(unknown.fix().contains("'add'"));
        assertTrue(v.problemsOf("d").get(0).message().contains("must be a number"));
    }

    @Test
    void wiresAreCheckedForPortsKindsAndDuplicates() {
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("a", "test.source", "{}"),
                ExecutorTest.node("b", "test.add", "{}")),
                List.of(Link.of("a:out", "b:a"), Link.of("a:out", "b:a"), Link.of("a:outt", "b:b"), Link.of("a:out", "ghost:a")), Map.of());
        Validation v = validate(w);
        assertEquals("wire.duplicate-input", only(v, "wire.duplicate-input").code());
        assertTrue(only(v, "wire.unknown-port").fix().contains("'out'"));
        assertEquals("a", only(v, "wire.unknown-node").nodeId());
    }

    @Test
    void kindMismatchNamesBothKinds() throws Exception {
        var reg = new org.anneal.spec.NodeRegistry(List.of(new org.anneal.nodes.model.RidgeNode(), new org.anneal.nodes.split.HoldoutSplitNode()));
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("r", "model.ridge", "{}"),
                ExecutorTest.node("s", "split.holdout", "{}")), List.of(Link.of("r:learner", "s:table")), Map.of());
        Validation v = new Validator(reg).validate(LoadedWorkflow.unsaved(w, Path.of(".")), FileAccess.unrestricted(Path.of(".")));
        Problem p = only(v, "wire.kind-mismatch");
        assertTrue(p.message().contains("Learner output to a Table input"), p.message());
        assertEquals("table", p.port());
    }

    @Test
    void cyclesAreNamedInDataFlowOrder() {
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("a", "test.source", "{}"),
                ExecutorTest.node("x", "test.add", "{}"), ExecutorTest.node("y", "test.add", "{}"), ExecutorTest.node("z", "test.add", "{}")),
                List.of(Link.of("a:out", "x:a"), Link.of("z:out", "x:b"), Link.of("x:out", "y:a"), Link.of("y:out", "z:a")), Map.of());
        Problem p = only(validate(w), "graph.cycle");
        assertTrue(p.message().contains("x → y → z → x") || p.message().contains("y → z → x → y") || p.message().contains("z → x → y → z"),
                p.message());
    }

    @Test
    void missingRequiredInputIsReportedAtThePort() {
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("b", "test.add", "{}")), List.of(), Map.of());
        Problem p = only(validate(w), "wire.missing-input");
        assertEquals("a", p.port());
        assertFalse(validate(w).isRunnable("b"));
    }

    @Test
    void problemsCarryFileLocations() throws Exception {
        String text = """
                {"format":"anneal-workflow","version":1,
                 "nodes":[{"id":"a","type":"test.source","params":{"value":"x"}}]}
                """;
        LoadedWorkflow lw = new WorkflowCodec().parse(text, null, "w.json");
        Validation v = new Validator(StubNodes.registry()).validate(lw, FileAccess.unrestricted(Path.of(".")));
        Problem p = v.problems().get(0);
        assertEquals("/nodes/0/params/value", p.location().pointer());
        assertEquals(2, p.location().line());
    }

    @Test
    void theLeakageBlocksThresholdsAreCheckedThroughTheInstalledWorkflowChecks() throws Exception {
        // the check lives in the leakage package (found by ServiceLoader): the engine itself never names it
        String text = """
                {"format":"anneal-workflow","version":1,
                 "nodes":[{"id":"a","type":"test.source"}],
                 "leakage":{"thresholds":{"nearDistanse":0.02}}}
                """;
        LoadedWorkflow lw = new WorkflowCodec().parse(text, null, "w.json");
        Problem p = only(new Validator(StubNodes.registry()).validate(lw, FileAccess.unrestricted(Path.of("."))), "leakage.threshold");
        assertTrue(p.message().startsWith("Unknown threshold 'nearDistanse'."), p.message());
        assertEquals("/leakage/thresholds", p.location().pointer());
        assertEquals(3, p.location().line());
        assertTrue(WorkflowCheck.installed().stream().anyMatch(c -> c.getClass().getName().equals("org.anneal.lineage.ThresholdsCheck")));
    }
}
