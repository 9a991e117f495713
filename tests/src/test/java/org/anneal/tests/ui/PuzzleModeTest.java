package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.Link;
import org.anneal.graph.PortRef;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Puzzle mode: story and hints shown, locked parts refuse changes, "Check my fix" gives the verify verdict. */
class PuzzleModeTest extends EditorTestBase {



    @Test
    void lockedPartsStayAndTheCheckSaysSolvedAfterTheFix() {
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            WorkflowViewModel vm = new WorkflowViewModel(NodeRegistry.standard(), ex, Runnable::run);
            vm.useAutosaveDir(Path.of(System.getProperty("anneal.autosave.dir")));
            assertEquals(java.util.List.of(), vm.open(Path.of("workflows/puzzles/02-test-on-train.json")));
            assertTrue(vm.puzzleProperty().get().story().contains("too good to be true"));
            vm.deleteNode("fit");
            assertTrue(vm.current().node("fit").isPresent(), "a locked node cannot be deleted");
            assertTrue(vm.statusProperty().get().contains("locked"));
            vm.disconnect(Link.of("split:train", "fit:train"));
            assertTrue(vm.current().links().contains(Link.of("split:train", "fit:train")), "a locked wire stays");
            assertEquals("locked", vm.setParam("ridge", "lambda", "5"));
            assertTrue(vm.connect(PortRef.parse("split:test"), PortRef.parse("score:data")), "the student's fix");
        }
    }

    /** The words of every Text under a node, as a student reads them. */
    static String texts(javafx.scene.Node root) {
        StringBuilder sb = new StringBuilder();
        if (root instanceof javafx.scene.text.Text t) {
            sb.append(t.getText());
        } else if (root instanceof javafx.scene.control.Labeled l) {
            sb.append(l.getText()).append(' ');
        } else if (root instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> sb.append(texts(c)));
        }
        return sb.toString();
    }

    @Test
    void checkMyFixInTheWindow() throws Exception {
        EditorApp editor = start("workflows/puzzles/02-test-on-train.json");
        // the story in the lesson, the hints one at a time: the student thinks before reading the answer
        assertTrue(texts(lookup("#lessonStory").query()).contains("too good to be true"), texts(lookup("#lessonStory").query()));
        assertTrue(lookup("#lessonHint1").tryQuery().isEmpty(), "no hint before the student asks");
        clickOn("#nextHintButton");
        assertTrue(texts(lookup("#lessonHint1").query()).contains("Hint 1 of 2. Follow the wire into the score node's 'data' input."),
                texts(lookup("#lessonHint1").query()));
        assertTrue(lookup("#lessonHint2").tryQuery().isEmpty(), "one hint per click");
        clickOn("#nextHintButton");
        assertTrue(texts(lookup("#lessonHint2").query()).contains("never trained on"));
        assertFalse(lookup("#nextHintButton").query().isVisible(), "no button once every hint is shown");
        assertTrue(lookup("#node-fit").queryAs(javafx.scene.Parent.class).getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof javafx.scene.text.Text t && t.getText().contains("locked")), "locked nodes say so on the canvas");
        clickOn("#checkFixButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#verdict").queryAs(TextArea.class).getText().startsWith("Not solved"));
        drag("#out-split-test").dropTo("#in-score-data");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.viewModel().current().links().contains(Link.of("split:test", "score:data")));
        clickOn("#checkFixButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#verdict").queryAs(TextArea.class).getText().startsWith("Solved!"));
    }
}
