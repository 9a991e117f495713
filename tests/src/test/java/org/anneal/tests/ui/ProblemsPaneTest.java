package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.graph.Link;
import org.anneal.graph.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowEdits;
import org.anneal.spec.NodeRegistry;
import org.testfx.util.WaitForAsyncUtils;

/** Problems pane: a leakage finding is listed with its severity, highlights its nodes and wires, and is fixed in one undoable click. */
class ProblemsPaneTest extends EditorTestBase {

    /** The puzzle's workflow as an ordinary one (no puzzle block), saved in {@code dir}: quick fixes are for workflows, not puzzles. */
    static String withoutPuzzle(String file, Path dir) throws Exception {
        WorkflowCodec codec = new WorkflowCodec();
        var lw = codec.read(Path.of(file));
        Path target = dir.resolve(Path.of(file).getFileName());
        codec.save(new WorkflowEdits(NodeRegistry.standard()).relocate(lw.workflow().withBlock("puzzle", null), lw.baseDir().toAbsolutePath().normalize(),
                dir.toAbsolutePath().normalize()), target);
        return target.toString();
    }

    @Test
    void aFindingHighlightsItsNodesAndItsFixIsOneUndoableStep(@TempDir Path dir) throws Exception {
        EditorApp editor = start(withoutPuzzle("workflows/puzzles/01-scaler-before-split.json", dir));
        WorkflowViewModel vm = editor.viewModel();
        ListView<Problem> list = lookup("#problemsList").queryListView();
        Problem l2 = list.getItems().stream().filter(p -> p.code().equals("leak.L2")).findFirst().orElseThrow();
        assertEquals(Problem.Severity.WARNING, l2.severity());
        assertTrue(lookup("#problemsList .severity-warning").tryQuery().isPresent(), "a warning icon is shown");
        // and on the canvas: the nodes the finding names carry a warning badge with the rule id
        javafx.scene.control.Label scaleBadge = lookup("#problem-badge-scale").queryAs(javafx.scene.control.Label.class);
        assertTrue(scaleBadge.isVisible() && scaleBadge.getText().startsWith("\u26a0") && scaleBadge.getText().contains("L2"), scaleBadge.getText());
        assertTrue(lookup("#problem-badge-score").queryAs(javafx.scene.control.Label.class).getText().contains("L2"));
        assertFalse(lookup("#problem-badge-load").tryQuery().map(javafx.scene.Node::isVisible).orElse(false), "an uninvolved node has none");

        clickOn(lookup("#problemsList .list-cell").nth(list.getItems().indexOf(l2)).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        // the finding names the scaler fitted on all rows and the evaluation it spoils (see `anneal check`)
        assertEquals(Set.of("scale", "score"), vm.findings().highlightProperty().get().nodes());
        assertTrue(lookup("#nodeDocs").queryAs(TextArea.class).getText().startsWith("scale — "), "its first node is selected");

        clickOn(".quick-fix");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.problems().stream().anyMatch(p -> p.code().equals("leak.L2")), "the fix removes the finding");
        assertTrue(vm.current().links().contains(Link.of("split:train", "scale:fit")), "the scaler is now fitted on the train side");
        assertTrue(vm.dirtyProperty().get());
        assertTrue(vm.findings().highlightProperty().get().nodes().isEmpty(), "nothing left to highlight");
        assertFalse(lookup("#problem-badge-scale").queryAs(javafx.scene.control.Label.class).isVisible(), "the badge goes with the finding");

        clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.problems().stream().anyMatch(p -> p.code().equals("leak.L2")), "one undo brings the original back");
        assertTrue(vm.current().links().contains(Link.of("clean:out", "scale:fit")));
    }

    @Test
    void aPuzzleHidesTheFixButtonsUnlessItsAuthorAllowsThem(@TempDir Path dir) throws Exception {
        EditorApp editor = start("workflows/puzzles/01-scaler-before-split.json");
        WorkflowViewModel vm = editor.viewModel();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.problems().stream().anyMatch(p -> p.code().equals("leak.L2")));
        WaitForAsyncUtils.waitForFxEvents();
        Problem l2 = vm.problems().stream().filter(p -> p.code().equals("leak.L2")).findFirst().orElseThrow();
        assertTrue(vm.findings().quickFix(l2).isPresent(), "the analysis knows a fix...");
        assertFalse(lookup(".quick-fix").tryQuery().isPresent(), "...but a puzzle does not offer it: the student must think");
        assertFalse(vm.applyFix(l2), "nor can it be applied another way");
        assertTrue(vm.problems().stream().anyMatch(p -> p.code().equals("leak.L2")));

        // an author who allows quick fixes gets the button back, and the student's file records its use
        WorkflowCodec codec = new WorkflowCodec();
        var lw = codec.read(Path.of("workflows/puzzles/01-scaler-before-split.json"));
        var block = (com.fasterxml.jackson.databind.node.ObjectNode) lw.workflow().block("puzzle").orElseThrow();
        block.put("quickFixes", true);
        Path allowing = dir.resolve("allowing.json");
        codec.save(new WorkflowEdits(NodeRegistry.standard()).relocate(lw.workflow().withBlock("puzzle", block), lw.baseDir().toAbsolutePath().normalize(),
                dir.toAbsolutePath().normalize()), allowing);
        WaitForAsyncUtils.asyncFx(() -> vm.open(allowing)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup(".quick-fix").tryQuery().isPresent());
        clickOn(".quick-fix");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.problems().stream().anyMatch(p -> p.code().equals("leak.L2")), "fixed");
        assertFalse(org.anneal.puzzle.QuickFixPolicy.used(vm.current()).isEmpty(), "the quick fix is recorded for the verdict");
    }

    @Test
    void anErrorFindingWithoutLockedPartsGetsAnErrorIcon() throws Exception {
        EditorApp editor = start("workflows/puzzles/04-heats-split-at-random.json");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#problemsList .severity-error").tryQuery().isPresent());
        Problem l7 = editor.viewModel().problems().stream().filter(p -> p.code().equals("leak.L7")).findFirst().orElseThrow();
        assertTrue(l7.isError());
        WaitForAsyncUtils.asyncFx(() -> editor.viewModel().findings().highlight(l7)).get(5, TimeUnit.SECONDS);
        assertEquals(Set.of("split"), editor.viewModel().findings().highlightProperty().get().nodes());
        assertTrue(lookup("#problem-badge-split").queryAs(javafx.scene.control.Label.class).getText().startsWith("\u2716"), "an error badge on the canvas");
    }

    @Test
    void errorsAreListedBeforeWarnings() throws Exception {
        EditorApp editor = start("workflows/puzzles/01-scaler-before-split.json");
        WorkflowViewModel vm = editor.viewModel();
        ListView<Problem> list = lookup("#problemsList").queryListView();
        assertEquals(Problem.Severity.WARNING, list.getItems().get(0).severity(), "only the L2 warning at first");
        // a second, unwired fit node: an error of its own, while the L2 finding on the rest stays
        String extra = WaitForAsyncUtils.asyncFx(() -> vm.addNode("train.fit", 900, 400)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(list.getItems().size() >= 2, list.getItems().toString());
        assertTrue(list.getItems().get(0).isError() && extra.equals(list.getItems().get(0).nodeId()), list.getItems().get(0).describe());
        assertTrue(lookup("#problemsList .severity-error").tryQuery().isPresent());
        int firstWarning = list.getItems().indexOf(list.getItems().stream().filter(p -> !p.isError()).findFirst().orElseThrow());
        assertTrue(list.getItems().subList(0, firstWarning).stream().allMatch(Problem::isError), "no error after a warning");
        assertTrue(list.getItems().subList(firstWarning, list.getItems().size()).stream().noneMatch(Problem::isError));
    }
}
