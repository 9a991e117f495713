package org.anneal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCodecTest {
    private final WorkflowCodec codec = new WorkflowCodec();

    static final String SAMPLE = """
            {
              "format": "anneal-workflow",
              "version": 1,
              "meta": { "title": "Ridge", "seed": 7, "device": "cpu" },
              "nodes": [
                { "id": "load", "type": "data.csv", "params": { "path": "a.csv", "target": "y" }, "ui": { "x": 80, "y": 60.5 } },
                { "id": "split", "type": "split.holdout", "params": { "test": 0.25 } }
              ],
              "links": [ { "from": "load:table", "to": "split:table" } ],
              "expect": { "metrics": { } }
            }
            """;

    @Test
    void readsEveryPartOfTheFormat() throws Exception {
        Workflow w = codec.parse(SAMPLE, null, "sample.json").workflow();
        assertEquals("Ridge", w.meta().title());
        assertEquals(7, w.meta().seed());
        assertEquals("cpu", w.meta().device());
        assertEquals(List.of("load", "split"), w.nodes().stream().map(NodeInstance::id).toList());
        assertEquals("y", w.node("load").orElseThrow().params().get("target").asText());
        assertEquals(60.5, w.node("load").orElseThrow().position().y());
        assertEquals(new Link(new PortRef("load", "table"), new PortRef("split", "table")), w.links().get(0));
        assertTrue(w.block("expect").isPresent(), "optional blocks are kept");
    }

    @Test
    void roundTripIsByteStable(@TempDir Path dir) throws Exception {
        Workflow w = codec.parse(SAMPLE, null, "sample.json").workflow();
        Path f = dir.resolve("w.json");
        codec.save(w, f);
        byte[] first = Files.readAllBytes(f);
        codec.save(codec.read(f).workflow(), f);
        byte[] second = Files.readAllBytes(f);
        assertEquals(new String(first), new String(second));
        assertEquals(w, codec.read(f).workflow());
    }

    @Test
    void saveLeavesNoTemporaryFilesAndReplacesAtomically(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.json");
        Files.writeString(f, "old");
        codec.save(Workflow.empty(), f);
        assertTrue(Files.readString(f).startsWith("{"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void malformedJsonIsLocatedByLineAndColumn() {
        String broken = "{\n  \"format\": \"anneal-workflow\",\n  \"version\": 1\n  \"nodes\": []\n}";
        var e = assertThrows(WorkflowFileException.class, () -> codec.parse(broken, null, "bad.json"));
        Problem p = e.problems().get(0);
        assertEquals("json.syntax", p.code());
        assertEquals(4, p.location().line());
        assertTrue(p.describe().contains("bad.json:4:"), p.describe());
    }

    @Test
    void structuralProblemsAreAllReportedWithPointers() {
        String text = """
                {"format":"anneal-workflow","version":1,"colour":"red",
                 "nodes":[{"id":"a","type":"data.csv","parms":{}},{"id":"a","type":"x"},{"type":"y"}],
                 "links":[{"from":"a","to":"b:in"}]}
                """;
        var e = assertThrows(WorkflowFileException.class, () -> codec.parse(text, null, "f.json"));
        List<String> codes = e.problems().stream().map(Problem::code).toList();
        assertTrue(codes.contains("format.unknown-field"), codes.toString());
        assertTrue(codes.contains("format.duplicate-id"), codes.toString());
        assertTrue(codes.contains("format.node-fields"), codes.toString());
        assertTrue(codes.contains("format.port-ref"), codes.toString());
        Problem parms = e.problems().stream().filter(p -> p.message().contains("parms")).findFirst().orElseThrow();
        assertEquals("/nodes/0/parms", parms.location().pointer());
        assertEquals(2, parms.location().line());
        assertTrue(parms.fix().contains("params"), "suggests the right name: " + parms.fix());
    }

    @Test
    void filesFromANewerAnnealAreRefusedWithAReason() {
        var e = assertThrows(WorkflowFileException.class,
                () -> codec.parse("{\"format\":\"anneal-workflow\",\"version\":99}", null, "new.json"));
        assertEquals("format.newer", e.problems().get(0).code());
    }

    @Test
    void notAWorkflowIsSaidPlainly() {
        var e = assertThrows(WorkflowFileException.class, () -> codec.parse("[1,2,3]", null, "x.json"));
        assertEquals("format.not-object", e.problems().get(0).code());
        var e2 = assertThrows(WorkflowFileException.class, () -> codec.parse("{\"nodes\":[]}", null, "x.json"));
        assertEquals("format.unknown", e2.problems().get(0).code());
    }

    @Test
    void olderFormatVersionsAreMigratedStepByStep() throws Exception {
        // a hypothetical format 2 renamed "links" to "wires"; files of version 1 must still load
        UnaryOperator<ObjectNode> v1to2 = tree -> {
            tree.set("wires", tree.remove("links"));
            return tree;
        };
        UnaryOperator<ObjectNode> back = tree -> {
            tree.set("links", tree.remove("wires"));
            return tree;
        };
        WorkflowMigrations chain = new WorkflowMigrations(3, Map.of(1, v1to2, 2, back));
        LoadedWorkflow lw = new WorkflowCodec(chain).parse(SAMPLE, null, "old.json");
        assertEquals(1, lw.workflow().links().size());
        assertEquals("format.migrated", lw.notes().get(0).code());
        var gap = new WorkflowMigrations(3, Map.of(2, back));
        var e = assertThrows(WorkflowFileException.class, () -> new WorkflowCodec(gap).parse(SAMPLE, null, "old.json"));
        assertEquals("format.no-migration", e.problems().get(0).code());
    }

    @Test
    void duplicateKeysAreRejected() {
        var e = assertThrows(WorkflowFileException.class,
                () -> codec.parse("{\"format\":\"anneal-workflow\",\"version\":1,\"version\":1}", null, "d.json"));
        assertEquals("json.syntax", e.problems().get(0).code());
        assertTrue(e.problems().get(0).message().contains("version"));
    }

    @Test
    void oversizedFilesAreRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) WorkflowCodec.MAX_FILE_BYTES + 1]);
        var e = assertThrows(WorkflowFileException.class, () -> codec.read(big));
        assertEquals("file.too-large", e.problems().get(0).code());
    }

    @Test
    void aTruncatedFileSaysWhatIsMissingWithoutParserInternals() {
        WorkflowFileException e = assertThrows(WorkflowFileException.class,
                () -> codec.parse("{\"format\": \"anneal-workflow\", \"version\": 1, \"nodes\": [", null, "cut.json"));
        String message = e.problems().get(0).message();
        assertTrue(message.startsWith("The file is not valid JSON: Unexpected end-of-input"), message);
        assertTrue(!message.contains("Source:") && !message.contains("REDACTED"), message);
    }
}
