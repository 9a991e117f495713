package org.anneal.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;

/**
 * Clicking and dragging a node box. A plain click selects the node; Shift- or Shortcut-click adds or removes
 * it; dragging a selected node moves the whole selection, live on screen and as one undo step on release.
 */
final class NodeGestures {
    private NodeGestures() {
    }

    static void attach(CanvasView canvas, NodeBox box) {
        Map<String, Point2D> start = new LinkedHashMap<>();
        Point2D[] grab = new Point2D[1];
        boolean[] moved = new boolean[1];
        boolean[] toggled = new boolean[1];
        box.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            canvas.requestFocus();
            String id = box.nodeId();
            toggled[0] = e.isShiftDown() || e.isShortcutDown();
            if (toggled[0]) {
                canvas.toggle(id);
            } else if (!canvas.selection().contains(id)) {
                canvas.select(id);
            }
            start.clear();
            for (String s : canvas.selection()) {
                NodeBox b = canvas.box(s);
                if (b != null) {
                    start.put(s, new Point2D(b.getLayoutX(), b.getLayoutY()));
                }
            }
            grab[0] = canvas.boxLayer().sceneToLocal(e.getSceneX(), e.getSceneY());
            moved[0] = false;
            e.consume();
        });
        box.setOnMouseDragged(e -> {
            if (grab[0] == null || start.isEmpty() || !e.isPrimaryButtonDown()) {
                return;
            }
            Point2D p = canvas.boxLayer().sceneToLocal(e.getSceneX(), e.getSceneY());
            double dx = p.getX() - grab[0].getX();
            double dy = p.getY() - grab[0].getY();
            moved[0] |= Math.abs(dx) + Math.abs(dy) > 0;
            Map<String, Point2D> to = new LinkedHashMap<>();
            start.forEach((id, q) -> to.put(id, q.add(dx, dy)));
            canvas.dragBoxes(to);
            e.consume();
        });
        box.setOnMouseReleased(e -> {
            if (grab[0] == null) {
                return;
            }
            grab[0] = null;
            if (moved[0]) {
                canvas.commitMoves(start.keySet());
            } else if (!toggled[0] && canvas.selection().size() > 1) {
                canvas.select(box.nodeId()); // a plain click inside a multi-selection narrows it to this node
            }
            e.consume();
        });
        box.setOnContextMenuRequested(e -> {
            if (!canvas.selection().contains(box.nodeId())) {
                canvas.select(box.nodeId());
            }
            CanvasMenus.forNodes(canvas).show(box, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }
}
