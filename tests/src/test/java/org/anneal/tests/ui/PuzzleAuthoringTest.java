package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.puzzle.Puzzle;
import org.anneal.puzzle.PuzzleVerifier;
import org.anneal.puzzle.Verdict;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An instructor breaks a correct workflow, writes the puzzle around it in the editor and saves it; the file
 * then behaves like the shipped puzzles: `puzzle verify` fails it untouched, and a student's fix solves it.
 */
class PuzzleAuthoringTest extends EditorTestBase {
    @TempDir
    Path tmp;

    @AfterEach
    void forgetDialogAnswer() {
        System.clearProperty("anneal.dialog.answer");
    }

    @Test
    void authorSavePlayAndVerify() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#authorPuzzleButton");
        assertTrue(lookup("#puzzleAuthoring").query().isVisible());

        // the flaw: score the training rows (test on train, rule L1)
        drag("#out-split-train").dropTo("#in-score-data");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.current().links().contains(Link.of("split:train", "score:data")));

        clickOn("#puzzleTitleEdit").write("Scored on what it learnt");
        clickOn("#puzzleStoryEdit").write("The R2 of this density model looks fine. Which rows is it scored on?");
        clickOn("#puzzleHintsEdit").write("Follow the wire into score:data.\nTest rows must be unseen.");
        clickOn("#clear-L1");
        for (String id : List.of("load", "clean", "ridge", "fit")) {
            clickOn(reveal("#lock-node-" + id));
        }
        clickOn(reveal("#lock-wire-load_table__clean_table"));
        ComboBox<String> rangeNode = lookup("#rangeNode").queryComboBox();
        WaitForAsyncUtils.asyncFx(() -> rangeNode.setValue("score")).get(5, TimeUnit.SECONDS);
        clickOn(reveal("#rangeMin")).write("0.2");
        clickOn("#rangeMax").write("0.4");
        clickOn("#rangeSet");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", lookup("#puzzleGaps").queryLabeled().getText(), "nothing left to write");

        Path saved = tmp.resolve("scored-on-train.json");
        System.setProperty("anneal.dialog.answer", saved.toString());
        clickOn(reveal("#savePuzzleButton"));
        WaitForAsyncUtils.waitForFxEvents();
        String saveStatus = lookup("#puzzleSaveStatus").queryLabeled().getText();
        assertTrue(saveStatus.startsWith("Saved the puzzle"), saveStatus);

        LoadedWorkflow file = new WorkflowCodec().read(saved);
        Puzzle p = Puzzle.of(file.workflow());
        assertEquals("Scored on what it learnt", p.title());
        assertEquals(List.of("Follow the wire into score:data.", "Test rows must be unseen."), p.hints());
        assertEquals(List.of("load", "clean", "ridge", "fit"), p.lockedNodes());
        assertEquals(List.of(Link.of("load:table", "clean:table")), p.lockedLinks());
        assertEquals(List.of("L1"), p.clear());
        assertArrayEquals(new double[] {0.2, 0.4}, p.metrics().get("score").get("r2"));

        // as `anneal puzzle verify` sees it: untouched, the flaw is still there
        Verdict untouched = new PuzzleVerifier(NodeRegistry.standard()).verify(file, file);
        assertFalse(untouched.solved(), untouched.describe());
        assertTrue(untouched.describe().contains("L1") || untouched.describe().contains("still there"), untouched.describe());

        // a student opens it: locks hold, and putting the scaled test rows back solves it
        clickOn("#authorPuzzleButton");
        WaitForAsyncUtils.asyncFx(() -> vm.open(saved)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> vm.deleteNode("ridge")).get(5, TimeUnit.SECONDS);
        assertTrue(vm.current().node("ridge").isPresent(), "a locked node cannot be deleted");
        drag("#out-scale_test-out").dropTo("#in-score-data");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#checkFixButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#verdict").queryAs(TextArea.class).getText().startsWith("Solved!"));

        // and the command line agrees: `anneal puzzle verify` on the student's saved file and on the untouched puzzle
        Path mine = tmp.resolve("student.json");
        WaitForAsyncUtils.asyncFx(() -> {
            vm.saveAs(mine);
            return null;
        }).get(10, TimeUnit.SECONDS);
        java.io.StringWriter out = new java.io.StringWriter();
        int solved = org.anneal.cli.Anneal.execute(new String[] {"puzzle", "verify", mine.toString(), "--puzzle", saved.toString()},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, solved, out.toString());
        assertTrue(out.toString().startsWith("Solved!"), out.toString());
        int untouchedExit = org.anneal.cli.Anneal.execute(new String[] {"puzzle", "verify", saved.toString(), "--puzzle", saved.toString()},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(1, untouchedExit, "the puzzle as saved is not solved");
    }

    /** Scrolls the side panel so the node is in view, as the instructor would. */
    private javafx.scene.Node reveal(String query) throws Exception {
        javafx.scene.Node n = lookup(query).query();
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Parent p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.scene.Node content = sp.getContent();
                double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / room)));
                sp.layout();
            }
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return n;
    }

    @Test
    void theInspectorLocksTheSelectedNodeAndUndoUnlocksIt() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        assertFalse(lookup("#inspectorLock").query().isVisible(), "students never see the lock toggle");
        clickOn("#authorPuzzleButton");
        clickOn("#node-split");
        clickOn(reveal("#inspectorLock"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("split"), Puzzle.of(vm.current()).lockedNodes());
        assertTrue(lookup("#lock-node-split").queryAs(javafx.scene.control.CheckBox.class).isSelected(), "the authoring pane agrees");
        clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.puzzleBlock() == null || Puzzle.of(vm.current()).lockedNodes().isEmpty(), "undo takes the lock back");
        assertFalse(lookup("#inspectorLock").queryAs(javafx.scene.control.CheckBox.class).isSelected());
    }
}
