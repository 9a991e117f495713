package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.anneal.editor.EditorApp;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Selecting and rearranging: click and Shift-click, a selection rectangle, select all, moving a selection
 * as one undo step, deleting it, duplicating, and copy/paste into a second editor window.
 */
class CanvasSelectionClipboardTest extends EditorTestBase {

    Bounds screen(Node n) {
        return n.localToScreen(n.getBoundsInLocal());
    }

    Bounds screen(String query) {
        return screen(lookup(query).query());
    }

    NodeInstance.Position pos(EditorApp e, String id) {
        return e.viewModel().current().node(id).orElseThrow().position();
    }

    @Test
    void selectMoveDeleteAndUndoAsOneStep() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        clickOn("#node-ridge");
        press(KeyCode.SHIFT).clickOn("#node-fit").release(KeyCode.SHIFT);
        assertEquals(Set.of("ridge", "fit"), editor.selectedNodes());
        press(KeyCode.SHIFT).clickOn("#node-fit").release(KeyCode.SHIFT);
        assertEquals(Set.of("ridge"), editor.selectedNodes(), "Shift-click toggles a node off again");
        press(KeyCode.SHIFT).clickOn("#node-fit").release(KeyCode.SHIFT);

        // dragging one selected node moves both, as one undo step
        Workflow before = editor.viewModel().current();
        Bounds r = screen("#node-ridge");
        Point2D grab = new Point2D(r.getMinX() + 60, r.getMinY() + 12);
        drag(grab, MouseButton.PRIMARY).moveTo(grab.add(60, 40)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double dx = pos(editor, "ridge").x() - before.node("ridge").orElseThrow().position().x();
        double dy = pos(editor, "ridge").y() - before.node("ridge").orElseThrow().position().y();
        assertEquals(60 / editor.canvasZoom(), dx, 2.0, "moved by the drag in workflow units");
        assertEquals(dx, pos(editor, "fit").x() - before.node("fit").orElseThrow().position().x(), 1e-6);
        assertEquals(dy, pos(editor, "fit").y() - before.node("fit").orElseThrow().position().y(), 1e-6);
        assertEquals(before.node("load").orElseThrow().position(), pos(editor, "load"), "unselected nodes stay");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, editor.viewModel().current(), "one undo puts both back");

        // Delete removes the whole selection and its wires; one undo restores it
        assertEquals(Set.of("ridge", "fit"), editor.selectedNodes());
        push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, editor.viewModel().current().nodes().size());
        assertTrue(lookup("#node-fit").tryQuery().isEmpty());
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, editor.viewModel().current());

        // Shift-drag on empty space: a selection rectangle from the top-left corner to just past "clean"
        Node canvas = lookup("#canvas").query();
        Bounds view = screen(canvas);
        Bounds clean = screen("#node-clean");
        Point2D corner = new Point2D(view.getMinX() + 5, view.getMinY() + 5);
        clickOn(corner);
        assertEquals(Set.of(), editor.selectedNodes(), "a click on empty space clears the selection");
        sleep(800); // a second press right here would be a double-click, which opens the quick-add search
        press(KeyCode.SHIFT);
        drag(corner, MouseButton.PRIMARY).moveTo(new Point2D(clean.getMaxX() + 5, clean.getMaxY() + 5)).release(MouseButton.PRIMARY);
        release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("load", "clean"), editor.selectedNodes(), "the nodes the rectangle touches");

        push(KeyCode.SHORTCUT, KeyCode.A);
        assertEquals(8, editor.selectedNodes().size(), "select all");
    }

    @Test
    void duplicateAndPasteIntoASecondWindow() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        clickOn("#node-ridge");
        push(KeyCode.SHORTCUT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        Workflow w = editor.viewModel().current();
        NodeInstance copy = w.node("ridge2").orElseThrow();
        assertEquals(w.node("ridge").orElseThrow().params(), copy.params(), "params preserved");
        assertEquals(pos(editor, "ridge").x() + 40, copy.position().x(), 1e-6, "offset beside the original");
        assertEquals(Set.of("ridge2"), editor.selectedNodes(), "the duplicate is selected");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.viewModel().current().node("ridge2").isEmpty(), "one undo removes the duplicate");

        // copy two wired nodes here, paste them in another window showing another workflow
        clickOn("#node-load");
        press(KeyCode.SHIFT).clickOn("#node-clean").release(KeyCode.SHIFT);
        push(KeyCode.SHORTCUT, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();

        FxToolkit.registerStage(Stage::new);
        EditorApp second = (EditorApp) FxToolkit.setupApplication(EditorApp.class, "workflows/02-polynomial-basis.json");
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Workflow target = second.viewModel().current();
            Node canvas2 = lookup("#canvas").queryAll().stream().filter(n -> n.getScene() != lookup("#node-ridge").query().getScene())
                    .findFirst().orElseThrow();
            Bounds v2 = screen(canvas2);
            Point2D at = new Point2D(v2.getMinX() + 20, v2.getMaxY() - 60);
            clickOn(at);
            push(KeyCode.SHORTCUT, KeyCode.V);
            WaitForAsyncUtils.waitForFxEvents();
            Workflow pasted = second.viewModel().current();
            assertEquals(target.nodes().size() + 2, pasted.nodes().size());
            String load = target.node("load").isPresent() ? "load2" : "load";
            String clean = target.node("clean").isPresent() ? "clean2" : "clean";
            assertTrue(pasted.links().contains(Link.of(load + ":table", clean + ":table")), "the wire between them came along");
            assertEquals(editor.viewModel().current().node("load").orElseThrow().params(), pasted.node(load).orElseThrow().params());
            assertEquals(Set.of(load, clean), second.selectedNodes(), "what was pasted is selected");
            Node box = canvas2.lookup("#node-" + load);
            assertEquals(at.getX(), screen(box).getMinX(), 2.0, "pasted at the cursor");
            assertEquals(at.getY(), screen(box).getMinY(), 2.0);
            assertEquals(8, editor.viewModel().current().nodes().size(), "the source window is unchanged");
            push(KeyCode.SHORTCUT, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(target, second.viewModel().current(), "one undo removes the paste");
        } finally {
            FxToolkit.cleanupApplication(second);
        }
    }
}
