package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.ImagePattern;
import org.anneal.editor.EditorApp;
import org.anneal.graph.NodeInstance;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Finding one's way around a workflow: zoom at the cursor, fit to view, pan by dragging and with the middle button, the grid. */
class CanvasNavigationTest extends EditorTestBase {
    static final String[] IDS = {"load", "clean", "split", "scale", "scale_test", "ridge", "fit", "score"};

    Bounds screen(String query) {
        return lookup(query).query().localToScreen(lookup(query).query().getBoundsInLocal());
    }

    @Test
    void zoomKeepsThePointUnderTheMouseFitShowsEverythingAndDragsPan() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        Node canvas = lookup("#canvas").query();
        assertTrue(((Region) canvas).getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Region r && r.getBackground() != null
                && r.getBackground().getFills().get(0).getFill() instanceof ImagePattern), "a grid is drawn behind the nodes");

        // zoom at a point a third of the way into the split box: that point stays under the mouse
        Bounds before = screen("#node-split");
        Point2D mouse = new Point2D(before.getMinX() + before.getWidth() / 3, before.getMinY() + before.getHeight() / 3);
        double zoom0 = editor.canvasZoom();
        moveTo(mouse);
        scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds after = screen("#node-split");
        double ratio = after.getWidth() / before.getWidth();
        assertTrue(Math.abs(ratio - 1) > 0.05, "the scroll zoomed: " + ratio);
        assertEquals(editor.canvasZoom() / zoom0, ratio, 1e-3, "boxes scale with the zoom factor");
        assertEquals(mouse.getX(), after.getMinX() + (mouse.getX() - before.getMinX()) * ratio, 1.0, "x under the mouse is fixed");
        assertEquals(mouse.getY(), after.getMinY() + (mouse.getY() - before.getMinY()) * ratio, 1.0, "y under the mouse is fixed");
        assertTrue(lookup("#zoomLevel").queryLabeled().getText().equals(Math.round(editor.canvasZoom() * 100) + " %"));

        // zoom far in, then Shortcut+0 fits: every box inside the canvas, never above 100 %
        for (int i = 0; i < 4; i++) {
            clickOn("#zoomInButton");
        }
        clickOn("#canvas", MouseButton.PRIMARY);
        push(KeyCode.SHORTCUT, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds view = canvas.localToScreen(canvas.getBoundsInLocal());
        for (String id : IDS) {
            assertTrue(view.contains(screen("#node-" + id)), id + " is visible after fit");
        }
        assertTrue(editor.canvasZoom() <= 1.0);

        // left-drag on empty space pans; the workflow itself does not change
        var positions = editor.viewModel().current().nodes().stream().map(NodeInstance::position).toList();
        Bounds b0 = screen("#node-load");
        Point2D empty = new Point2D(view.getMinX() + 12, view.getMinY() + 12);
        drag(empty, MouseButton.PRIMARY).moveTo(empty.add(100, 50)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b1 = screen("#node-load");
        assertEquals(100, b1.getMinX() - b0.getMinX(), 1.0);
        assertEquals(50, b1.getMinY() - b0.getMinY(), 1.0);

        // the middle button pans even when pressed on a node, and does not move the node
        Point2D onNode = new Point2D(b1.getCenterX(), b1.getCenterY());
        drag(onNode, MouseButton.MIDDLE).moveTo(onNode.add(-40, -30)).release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b2 = screen("#node-load");
        assertEquals(-40, b2.getMinX() - b1.getMinX(), 1.0);
        assertEquals(-30, b2.getMinY() - b1.getMinY(), 1.0);
        assertEquals(positions, editor.viewModel().current().nodes().stream().map(NodeInstance::position).toList(), "panning moves no node");
        assertTrue(!editor.viewModel().canUndoProperty().get(), "and records nothing to undo");
    }
}
