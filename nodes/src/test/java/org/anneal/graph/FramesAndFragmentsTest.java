package org.anneal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames in the file format, and the copy / paste / multi-edit functions the canvas builds on. */
class FramesAndFragmentsTest {
    private final WorkflowCodec codec = new WorkflowCodec();
    private final WorkflowEdits edits = new WorkflowEdits(NodeRegistry.standard());

    private static Workflow chain() {
        return new Workflow(Meta.defaults(), List.of(
                new NodeInstance("gen", "data.generate", 1, null, new NodeInstance.Position(100, 50)),
                new NodeInstance("poly", "prepare.polynomial", 1, null, new NodeInstance.Position(330, 80)).withParam("degree", 3),
                new NodeInstance("other", "prepare.polynomial", 1, null, new NodeInstance.Position(600, 80))),
                List.of(Link.of("gen:table", "poly:table"), Link.of("poly:out", "other:table")), Map.of());
    }

    @Test
    void framesRoundTripByteStableAndOldFilesStillLoad(@TempDir Path dir) throws Exception {
        Workflow w = Frames.with(chain(), List.of(new Frame("f1", "Prepare", "#e6f4ea", 80, 20.25, 500, 200)));
        Path f = dir.resolve("w.json");
        codec.save(w, f);
        String first = Files.readString(f);
        assertTrue(first.contains("\"frames\" : [ {") || first.contains("\"frames\": ["), first);
        Workflow back = codec.read(f).workflow();
        // positions are rounded to 0.1 on save, like node positions
        assertEquals(List.of(new Frame("f1", "Prepare", "#e6f4ea", 80, 20.3, 500, 200)), Frames.of(back));
        codec.save(back, f);
        assertEquals(first, Files.readString(f), "a second save writes the same bytes");

        String withoutFrames = codec.write(chain());
        assertFalse(withoutFrames.contains("frames"), "a workflow without frames is written as before");
        assertEquals(List.of(), Frames.of(codec.parse(withoutFrames, null, "old.json").workflow()));
        assertEquals(withoutFrames, codec.write(Frames.with(Frames.with(chain(), List.of(new Frame("f1", "x", null, 0, 0, 100, 100))), List.of())));
    }

    @Test
    void blocksAreWrittenInOneOrderWhateverOrderTheyWereAdded() {
        var expect = Json.MAPPER.createObjectNode().put("r2", 0.5);
        Workflow a = Frames.with(chain().withBlock("expect", expect), List.of(new Frame("f1", "A", null, 0, 0, 100, 100)));
        Workflow b = Frames.with(chain(), List.of(new Frame("f1", "A", null, 0, 0, 100, 100))).withBlock("expect", expect);
        assertEquals(codec.write(a), codec.write(b));
        assertTrue(codec.write(a).indexOf("\"frames\"") < codec.write(a).indexOf("\"expect\""));
    }

    @Test
    void badFramesAreReportedWithTheirLocation() {
        String text = codec.write(chain()).replace("\"links\"", "\"frames\": [ { \"id\": \"f1\", \"x\": \"left\", \"y\": 0, \"w\": 1, \"h\": 1 } ],\n  \"links\"");
        var e = assertThrows(WorkflowFileException.class, () -> codec.parse(text, null, "bad.json"));
        assertEquals("format.frame", e.problems().get(0).code());
        assertTrue(e.problems().get(0).location().pointer().startsWith("/frames/0"), e.problems().get(0).describe());
    }

    @Test
    void frameContainsOnlyWhatLiesEntirelyInside() {
        Frame f = new Frame("f1", "", null, 0, 0, 300, 200);
        assertTrue(f.contains(10, 10, 190, 100));
        assertFalse(f.contains(200, 10, 190, 100), "sticks out on the right");
        assertEquals(Frame.MIN_SIZE, new Frame("f", "", null, 0, 0, 5, 5).width(), "a frame never shrinks below the minimum");
        assertEquals("f2", Frames.freshId(Frames.with(chain(), List.of(f))));
    }

    @Test
    void fragmentKeepsOnlyWiresAmongTheChosenNodes() {
        Workflow frag = edits.fragment(chain(), List.of("gen", "poly"));
        assertEquals(List.of("gen", "poly"), frag.nodes().stream().map(NodeInstance::id).toList());
        assertEquals(List.of(Link.of("gen:table", "poly:table")), frag.links());
    }

    @Test
    void pasteRenamesClashingIdsRewiresAndKeepsParamsAndShape() throws Exception {
        // through the text a clipboard carries, as between two editor windows
        Workflow frag = codec.parse(codec.write(edits.fragment(chain(), List.of("gen", "poly"))), null, "clipboard").workflow();
        WorkflowEdits.Pasted p = edits.paste(chain(), frag, 1000, 500);
        assertEquals(List.of("gen2", "poly2"), p.ids());
        Workflow w = p.workflow();
        assertEquals(5, w.nodes().size());
        assertTrue(w.links().contains(Link.of("gen2:table", "poly2:table")));
        assertEquals(3, w.links().size(), "the originals' wires stay, the copy gets its own");
        assertEquals(3, w.node("poly2").orElseThrow().params().get("degree").asInt());
        // top-left corner at the target; the relative layout (230, 30) is kept
        assertEquals(new NodeInstance.Position(1000, 500), w.node("gen2").orElseThrow().position());
        assertEquals(new NodeInstance.Position(1230, 530), w.node("poly2").orElseThrow().position());

        WorkflowEdits.Pasted again = edits.paste(w, frag, 0, 0);
        assertEquals(List.of("gen3", "poly3"), again.ids(), "the next free number, not a clash with the first paste");
        assertEquals(List.of("gen", "poly"), edits.paste(Workflow.empty(), frag, 0, 0).ids(), "no clash, no renaming");
    }

    @Test
    void moveAndDeleteSeveralNodesAtOnce() {
        Workflow moved = edits.moveNodes(chain(), Map.of("gen", new NodeInstance.Position(0, 0), "poly", new NodeInstance.Position(5, 6)));
        assertEquals(new NodeInstance.Position(5, 6), moved.node("poly").orElseThrow().position());
        assertEquals(new NodeInstance.Position(600, 80), moved.node("other").orElseThrow().position());
        Workflow left = edits.deleteNodes(chain(), List.of("gen", "poly"));
        assertEquals(List.of("other"), left.nodes().stream().map(NodeInstance::id).toList());
        assertEquals(List.of(), left.links());
    }
}
