package org.anneal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.anneal.graph.Frame;
import org.anneal.graph.Frames;
import org.anneal.graph.NodeInstance;
import org.anneal.spec.NodeDescriptor;

/**
 * Frames: titled, coloured rectangles behind the nodes that group a CRISP-DM phase. Drag the title bar to
 * move a frame together with the nodes inside it, drag the corner to resize, double-click the title to
 * rename; every change is one undo step and is saved in the workflow's {@code frames} block.
 */
final class FrameLayer extends Group {
    static final double TITLE = 24;
    private static final double PAD = 24;

    private final CanvasView canvas;
    private List<Frame> shown = List.of();
    private final Map<String, Group> boxes = new LinkedHashMap<>();
    private String selected;

    FrameLayer(CanvasView canvas) {
        this.canvas = canvas;
    }

    void sync(List<Frame> frames) {
        if (frames.equals(shown)) {
            return;
        }
        shown = List.copyOf(frames);
        getChildren().clear();
        boxes.clear();
        for (Frame f : frames) {
            Group g = draw(f);
            boxes.put(f.id(), g);
            getChildren().add(g);
        }
        if (selected != null && !boxes.containsKey(selected)) {
            selected = null;
        }
        select(selected);
    }

    String selected() {
        return selected;
    }

    void select(String id) {
        selected = id;
        boxes.forEach((fid, g) -> ((Rectangle) g.getChildren().get(0)).setStrokeWidth(fid.equals(id) ? 3 : 1.5));
    }

    /** Wraps the selected nodes in a new frame titled after their phase when they share one. */
    void wrapSelection() {
        var ids = canvas.selection();
        if (ids.isEmpty()) {
            canvas.vm.statusProperty().set("Select the nodes to frame first (Shift-drag draws a selection rectangle).");
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        java.util.Set<org.anneal.spec.Phase> phases = new java.util.HashSet<>();
        for (String id : ids) {
            NodeBox b = canvas.box(id);
            minX = Math.min(minX, b.getLayoutX());
            minY = Math.min(minY, b.getLayoutY());
            maxX = Math.max(maxX, b.getLayoutX() + b.getPrefWidth());
            maxY = Math.max(maxY, b.getLayoutY() + b.getPrefHeight());
            canvas.vm.current().node(id).flatMap(n -> canvas.vm.registry().find(n.type())).map(NodeDescriptor::phase).ifPresent(phases::add);
        }
        var phase = phases.size() == 1 ? phases.iterator().next() : null;
        add(new Frame(Frames.freshId(canvas.vm.current()), phase == null ? "Group" : phase.title(), phase == null ? "#9aa0a6" : phase.colour(),
                minX - PAD, minY - PAD - TITLE, maxX - minX + 2 * PAD, maxY - minY + 2 * PAD + TITLE));
    }

    /** A new empty frame with its corner at a workflow point (from the canvas context menu). */
    void addAt(Point2D p) {
        add(new Frame(Frames.freshId(canvas.vm.current()), "Frame", "#9aa0a6", p.getX(), p.getY(), 420, 260));
    }

    private void add(Frame f) {
        List<Frame> next = new ArrayList<>(canvas.vm.groupEdits().frames());
        next.add(f);
        canvas.vm.groupEdits().editFrames(next, Map.of());
        select(f.id());
    }

    void delete(String id) {
        canvas.vm.groupEdits().editFrames(canvas.vm.groupEdits().frames().stream().filter(f -> !f.id().equals(id)).toList(), Map.of());
    }

    void rename(String id) {
        Frame f = find(id);
        if (f == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(f.title());
        ask.setHeaderText("Rename the frame");
        ask.setContentText("Title:");
        ask.getDialogPane().setId("frameRenameDialog");
        ask.showAndWait().map(String::trim).filter(t -> !t.equals(f.title())).ifPresent(t -> replace(f.withTitle(t), Map.of()));
    }

    void recolour(String id, String colour) {
        Frame f = find(id);
        if (f != null) {
            replace(f.withColour(colour), Map.of());
        }
    }

    private Frame find(String id) {
        return canvas.vm.groupEdits().frames().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    private void replace(Frame f, Map<String, NodeInstance.Position> moved) {
        canvas.vm.groupEdits().editFrames(canvas.vm.groupEdits().frames().stream().map(x -> x.id().equals(f.id()) ? f : x).toList(), moved);
    }

    private Group draw(Frame f) {
        Color c = Color.web(f.colour());
        Rectangle body = new Rectangle(f.width(), f.height(), c.deriveColor(0, 1, 1, 0.10));
        body.setStroke(c);
        body.setArcWidth(12);
        body.setArcHeight(12);
        body.setMouseTransparent(true); // empty space inside a frame pans and selects like the rest of the canvas
        Label title = new Label(f.title());
        title.setId("frameTitle-" + f.id());
        title.setPrefSize(f.width(), TITLE);
        title.setStyle("-fx-font-weight: bold; -fx-padding: 0 8 0 8; -fx-text-fill: #202124; -fx-background-radius: 6 6 0 0; -fx-background-color: "
                + toCss(c.deriveColor(0, 1, 1, 0.35)) + ";");
        Rectangle handle = new Rectangle(f.width() - 14, f.height() - 14, 14, 14);
        handle.setId("frameResize-" + f.id());
        handle.setFill(c.deriveColor(0, 1, 1, 0.6));
        handle.setCursor(javafx.scene.Cursor.SE_RESIZE);
        Group g = new Group(body, title, handle);
        g.setId("frame-" + f.id());
        g.relocate(f.x(), f.y());
        moveGesture(f, g, title);
        resizeGesture(f, g, body, title, handle);
        return g;
    }

    /** Dragging the title moves the frame and the nodes lying entirely inside it when the drag starts. */
    private void moveGesture(Frame f, Group g, Label title) {
        Map<String, Point2D> inside = new LinkedHashMap<>();
        Point2D[] grab = new Point2D[1];
        title.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            canvas.requestFocus(); // so Delete and the shortcuts reach the canvas, not a text field
            canvas.clearSelection();
            select(f.id());
            if (e.getClickCount() == 2) {
                // after the click has finished: a dialog opened inside the press would swallow its release
                javafx.application.Platform.runLater(() -> rename(f.id()));
                e.consume();
                return;
            }
            inside.clear();
            canvas.byId.forEach((id, b) -> {
                if (f.contains(b.getLayoutX(), b.getLayoutY(), b.getPrefWidth(), b.getPrefHeight())) {
                    inside.put(id, new Point2D(b.getLayoutX(), b.getLayoutY()));
                }
            });
            grab[0] = sceneToLocal(e.getSceneX(), e.getSceneY());
            e.consume();
        });
        title.setOnMouseDragged(e -> {
            if (grab[0] != null) {
                Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY()).subtract(grab[0]);
                g.relocate(f.x() + p.getX(), f.y() + p.getY());
                Map<String, Point2D> to = new LinkedHashMap<>();
                inside.forEach((id, q) -> to.put(id, q.add(p)));
                canvas.dragBoxes(to);
            }
            e.consume();
        });
        title.setOnMouseReleased(e -> {
            if (grab[0] != null) {
                Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY()).subtract(grab[0]);
                grab[0] = null;
                if (p.magnitude() > 0) {
                    Map<String, NodeInstance.Position> moved = new LinkedHashMap<>();
                    inside.forEach((id, q) -> moved.put(id, new NodeInstance.Position(q.getX() + p.getX(), q.getY() + p.getY())));
                    replace(f.movedTo(f.x() + p.getX(), f.y() + p.getY()), moved);
                }
            }
            e.consume();
        });
        title.setOnContextMenuRequested(e -> {
            select(f.id());
            CanvasMenus.forFrame(this, f.id()).show(title, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void resizeGesture(Frame f, Group g, Rectangle body, Label title, Rectangle handle) {
        Point2D[] grab = new Point2D[1];
        handle.setOnMousePressed(e -> {
            grab[0] = sceneToLocal(e.getSceneX(), e.getSceneY());
            select(f.id());
            e.consume();
        });
        handle.setOnMouseDragged(e -> {
            if (grab[0] != null) {
                Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY()).subtract(grab[0]);
                double w = Math.max(Frame.MIN_SIZE, f.width() + p.getX());
                double h = Math.max(Frame.MIN_SIZE, f.height() + p.getY());
                body.setWidth(w);
                body.setHeight(h);
                title.setPrefWidth(w);
                handle.setX(w - 14);
                handle.setY(h - 14);
            }
            e.consume();
        });
        handle.setOnMouseReleased(e -> {
            if (grab[0] != null) {
                grab[0] = null;
                if (body.getWidth() != f.width() || body.getHeight() != f.height()) {
                    replace(f.resizedTo(body.getWidth(), body.getHeight()), Map.of());
                }
            }
            e.consume();
        });
    }

    private static String toCss(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
