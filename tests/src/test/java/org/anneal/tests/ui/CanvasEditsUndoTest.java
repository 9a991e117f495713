package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.Frame;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.PortRef;
import org.anneal.graph.Workflow;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo and redo cover every kind of edit the canvas makes, each as exactly one step: add, delete (one and
 * several), move (one and several), wire, unwire, parameter, paste, duplicate and every frame edit.
 */
class CanvasEditsUndoTest {
    @TempDir
    Path dir;

    final WorkflowViewModel vm = new WorkflowViewModel(NodeRegistry.standard(), new Executor(MemoryCache.standard(), 1), Runnable::run);

    @BeforeEach
    void open() {
        vm.useAutosaveDir(dir.resolve("autosave"));
        vm.open(Path.of("workflows/01-linear-regression.json"));
    }

    /** Applies an edit, then checks that one undo restores the workflow exactly and one redo brings the edit back. */
    private void oneStep(String what, Consumer<WorkflowViewModel> edit) {
        Workflow before = vm.current();
        edit.accept(vm);
        Workflow after = vm.current();
        assertFalse(before.equals(after), what + " changed nothing");
        vm.undo();
        assertEquals(before, vm.current(), "one undo reverts " + what);
        vm.redo();
        assertEquals(after, vm.current(), "one redo repeats " + what);
    }

    @Test
    void everyKindOfEditIsOneUndoStep() {
        oneStep("add", m -> m.addNode("model.ridge", 10, 10));
        oneStep("delete one", m -> m.deleteNode("score"));
        oneStep("delete several", m -> m.groupEdits().deleteNodes(List.of("ridge2", "fit", "scale")));
        oneStep("move one", m -> m.moveNode("load", 5, 5));
        oneStep("move several", m -> m.groupEdits().moveNodes(Map.of("load", new NodeInstance.Position(1, 2), "clean", new NodeInstance.Position(3, 4),
                "split", new NodeInstance.Position(5, 6))));
        oneStep("wire", m -> m.connect(new PortRef("clean", "out"), new PortRef("scale_test", "data")));
        oneStep("unwire", m -> m.disconnect(Link.of("load:table", "clean:table")));
        oneStep("param", m -> m.setParam("split", "test", "0.3"));
        oneStep("paste", m -> m.groupEdits().paste(m.groupEdits().copyText(List.of("load", "clean")), 500, 500));
        oneStep("frame add", m -> m.groupEdits().editFrames(List.of(new Frame("f1", "Prepare", "#34a853", 0, 0, 500, 300)), Map.of()));
        oneStep("frame rename", m -> m.groupEdits().editFrames(List.of(m.groupEdits().frames().get(0).withTitle("Data preparation")), Map.of()));
        oneStep("frame resize", m -> m.groupEdits().editFrames(List.of(m.groupEdits().frames().get(0).resizedTo(600, 400)), Map.of()));
        oneStep("frame move with its nodes", m -> m.groupEdits().editFrames(List.of(m.groupEdits().frames().get(0).movedTo(100, 100)),
                Map.of("load", new NodeInstance.Position(101, 102), "clean", new NodeInstance.Position(331, 102))));
        oneStep("frame delete", m -> m.groupEdits().editFrames(List.of(), Map.of()));
    }

    @Test
    void pasteRenamesClashingIdsKeepsParamsAndTheWireBetweenThem() {
        List<String> ids = vm.groupEdits().paste(vm.groupEdits().copyText(List.of("load", "clean")), 2000, 900);
        assertEquals(List.of("load2", "clean2"), ids);
        Workflow w = vm.current();
        assertTrue(w.links().contains(Link.of("load2:table", "clean2:table")));
        assertEquals(w.node("load").orElseThrow().params(), w.node("load2").orElseThrow().params());
        assertEquals(new NodeInstance.Position(2000, 900), w.node("load2").orElseThrow().position());
        assertEquals(new NodeInstance.Position(2230, 900), w.node("clean2").orElseThrow().position(), "the layout among pasted nodes is kept");
        assertEquals(List.of(), vm.groupEdits().paste("not json at all", 0, 0), "foreign clipboard text pastes nothing");
        assertTrue(vm.statusProperty().get().contains("no Anneal nodes"), vm.statusProperty().get());
    }

    @Test
    void deletingSeveralNodesIsRefusedAsAWholeWhenOneIsLocked() throws Exception {
        vm.open(Path.of("workflows/puzzles/01-scaler-before-split.json"));
        assertTrue(vm.isLocked("load") && !vm.isLocked("scale"), "the puzzle locks the data source and leaves the scaler free");
        String locked = "load";
        String free = "scale";
        Workflow before = vm.current();
        vm.groupEdits().deleteNodes(List.of(free, locked));
        assertEquals(before, vm.current(), "nothing deleted");
        assertTrue(vm.statusProperty().get().contains("locked"));
    }
}
