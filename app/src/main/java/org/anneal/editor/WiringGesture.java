package org.anneal.editor;

import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.anneal.graph.PortRef;

/**
 * Drag from an output port to an input port to wire them. While dragging, inputs that would accept the
 * wire turn green; dropping elsewhere, or on an input that refuses, draws nothing and says why.
 */
final class WiringGesture {
    private final WorkflowViewModel vm;
    private final Group layer;
    private final Supplier<Map<String, NodeBox>> boxes;
    private CubicCurve preview;
    private PortRef from;
    private java.util.function.Consumer<PortRef> onClick = p -> { };

    WiringGesture(WorkflowViewModel vm, Group layer, Supplier<Map<String, NodeBox>> boxes) {
        this.vm = vm;
        this.layer = layer;
        this.boxes = boxes;
    }

    /** A click on an output port (press and release without dragging) shows its value instead of wiring. */
    void onPortClick(java.util.function.Consumer<PortRef> c) {
        this.onClick = c;
    }

    void attach(NodeBox box) {
        box.outputCircles().forEach((port, circle) -> {
            circle.setOnMousePressed(e -> {
                from = new PortRef(box.nodeId(), port);
                Point2D a = box.outputAnchor(port);
                preview = new CubicCurve(a.getX(), a.getY(), a.getX(), a.getY(), a.getX(), a.getY(), a.getX(), a.getY());
                preview.setFill(null);
                preview.setStroke(Color.web("#1a73e8"));
                preview.setStrokeWidth(2);
                preview.getStrokeDashArray().setAll(6.0, 4.0);
                layer.getChildren().add(preview);
                highlight(true);
                e.consume();
            });
            circle.setOnMouseDragged(e -> {
                if (preview != null) {
                    Point2D p = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
                    double dx = Math.max(40, Math.abs(p.getX() - preview.getStartX()) / 2);
                    preview.setControlX1(preview.getStartX() + dx);
                    preview.setControlY1(preview.getStartY());
                    preview.setControlX2(p.getX() - dx);
                    preview.setControlY2(p.getY());
                    preview.setEndX(p.getX());
                    preview.setEndY(p.getY());
                }
                e.consume();
            });
            circle.setOnMouseReleased(e -> {
                if (preview == null) {
                    e.consume(); // cancelled with Escape while dragging
                    return;
                }
                Point2D end = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
                boolean click = preview != null && end.distance(preview.getStartX(), preview.getStartY()) < 8;
                if (click) {
                    highlight(false);
                    layer.getChildren().remove(preview);
                    preview = null;
                    onClick.accept(from);
                    e.consume();
                    return;
                }
                PortRef to = inputAt(end);
                highlight(false);
                layer.getChildren().remove(preview);
                preview = null;
                if (to != null) {
                    vm.connect(from, to);
                } else {
                    vm.statusProperty().set("Drop the wire on an input port (a circle on the left of a node).");
                }
                e.consume();
            });
        });
    }

    /** Escape while dragging a wire: drops it without connecting. True when there was a wire to drop. */
    boolean cancel() {
        if (preview == null) {
            return false;
        }
        highlight(false);
        layer.getChildren().remove(preview);
        preview = null;
        vm.statusProperty().set("Wiring cancelled.");
        return true;
    }

    /** The input port within reach of {@code p} (canvas coordinates), if any. */
    private PortRef inputAt(Point2D p) {
        for (NodeBox b : boxes.get().values()) {
            for (String port : b.inputCircles().keySet()) {
                if (b.inputAnchor(port).distance(p) < 14) {
                    return new PortRef(b.nodeId(), port);
                }
            }
        }
        return null;
    }

    private void highlight(boolean on) {
        for (NodeBox b : boxes.get().values()) {
            b.inputCircles().forEach((port, c) -> {
                boolean ok = on && vm.whyNot(from, new PortRef(b.nodeId(), port)) == null;
                c.setRadius(ok ? 7 : 5);
                c.setStroke(ok ? Color.web("#188038") : Color.web("#3c4043"));
                c.setStrokeWidth(ok ? 2.5 : 1);
            });
        }
    }
}
