package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.graph.Link;
import org.anneal.graph.Workflow;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every kind of edit made with the mouse and keyboard (add from the palette, move, wire, a parameter, frame,
 * delete), then all of them undone with the Undo button and redone with the shortcut, one step each, the
 * canvas following. The view-model test CanvasEditsUndoTest covers the same kinds of edit without the window.
 */
class UndoRedoJourneyTest extends EditorTestBase {

    @Test
    void everyEditMadeInTheWindowUndoesAndRedoesOneStepAtATime() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        List<Workflow> states = new ArrayList<>();
        List<String> edits = new ArrayList<>();
        states.add(vm.current());

        clickOn("#paletteSearch").write("ridge");
        doubleClickOn("#palette-model_ridge");
        record(vm, states, edits, "add from the palette");

        Bounds r = lookup("#node-load").query().localToScreen(lookup("#node-load").query().getBoundsInLocal());
        Point2D grab = new Point2D(r.getMinX() + 60, r.getMinY() + 12);
        drag(grab, MouseButton.PRIMARY).moveTo(grab.add(40, 30)).release(MouseButton.PRIMARY);
        record(vm, states, edits, "move");

        drag("#out-split-train").dropTo("#in-scale_test-data"); // replaces the wire from split:test
        record(vm, states, edits, "wire");
        assertTrue(vm.current().links().contains(Link.of("split:train", "scale_test:data")));

        clickOn("#node-split");
        TextField test = lookup("#param-test").queryAs(TextField.class);
        doubleClickOn(test).eraseText(test.getText().length()).write("0.3");
        type(KeyCode.ENTER);
        record(vm, states, edits, "parameter");

        clickOn("#node-clean");
        push(KeyCode.SHORTCUT, KeyCode.G);
        record(vm, states, edits, "frame the selection");

        clickOn("#node-score");
        push(KeyCode.DELETE);
        record(vm, states, edits, "delete");
        assertTrue(lookup("#node-score").tryQuery().isEmpty());

        for (int i = states.size() - 1; i > 0; i--) {
            clickOn("#undoButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(states.get(i - 1), vm.current(), "Undo takes back the " + edits.get(i - 1));
        }
        assertTrue(lookup("#undoButton").query().isDisabled(), "nothing left to undo");
        assertTrue(lookup("#node-score").tryQuery().isPresent(), "the deleted node is back on the canvas");
        clickOn("#canvas");
        for (int i = 1; i < states.size(); i++) {
            push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(states.get(i), vm.current(), "Redo repeats the " + edits.get(i - 1));
        }
        assertTrue(lookup("#redoButton").query().isDisabled(), "nothing left to redo");
        assertTrue(lookup("#node-score").tryQuery().isEmpty(), "deleted again");
    }

    private static void record(WorkflowViewModel vm, List<Workflow> states, List<String> edits, String what) {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.current().equals(states.get(states.size() - 1)), what + " changed nothing");
        states.add(vm.current());
        edits.add(what);
    }
}
