package org.anneal.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.spec.NodeDescriptor;

/**
 * The workflow drawn as boxes and curved wires. Drag a node to move it; drag empty space to pan. A view
 * only: positions go back to the view model, which owns the workflow.
 */
final class CanvasView extends Pane {
    private final WorkflowViewModel vm;
    private final Group world = new Group();
    private final Group wires = new Group();
    private final Group boxes = new Group();
    private final Map<String, NodeBox> byId = new HashMap<>();
    private final Consumer<String> onSelect;
    private final WiringGesture wiring;
    private String selectedNode;
    private Link selectedWire;
    private final javafx.scene.transform.Translate pan = new javafx.scene.transform.Translate();
    private final javafx.scene.transform.Scale zoom = new javafx.scene.transform.Scale(1, 1);
    private boolean needsFit;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;

    CanvasView(WorkflowViewModel vm, Consumer<String> onSelect) {
        this.vm = vm;
        this.onSelect = onSelect;
        this.wiring = new WiringGesture(vm, wires, () -> byId);
        setId("canvas");
        setStyle("-fx-background-color: #f1f3f4;");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        world.getChildren().addAll(wires, boxes);
        world.getTransforms().setAll(pan, zoom);
        getChildren().add(world);
        widthProperty().addListener(o -> fitIfNeeded());
        heightProperty().addListener(o -> fitIfNeeded());
        setOnMousePressed(e -> {
            if (e.getTarget() == this) {
                dragX = e.getX() - panX;
                dragY = e.getY() - panY;
                select(null);
                selectWire(null);
            }
        });
        // nodes dragged in from the palette carry their type id
        setOnDragOver(e -> {
            if (e.getDragboard().hasString() && vm.registry().find(e.getDragboard().getString()).isPresent()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Point2D p = boxes.sceneToLocal(e.getSceneX(), e.getSceneY());
            String id = vm.addNode(e.getDragboard().getString(), p.getX(), p.getY());
            e.setDropCompleted(id != null);
            if (id != null) {
                select(id);
            }
            e.consume();
        });
        setOnMouseDragged(e -> {
            if (e.getTarget() == this) {
                panBy(e.getX() - dragX - panX, e.getY() - dragY - panY);
            }
        });
        vm.workflowProperty().addListener((obs, old, lw) -> {
            if (lw != null && (old == null || !sameGraph(old, lw) || !samePositions(old, lw))) {
                rebuild(lw, old == null || !java.util.Objects.equals(old.file(), lw.file()));
            }
        });
        vm.states().addListener((MapChangeListener<String, WorkflowViewModel.NodeState>) c -> {
            NodeBox b = byId.get(c.getKey());
            if (b != null) {
                b.showState(c.getValueAdded());
            }
        });
        vm.problems().addListener((javafx.collections.ListChangeListener<org.anneal.graph.Problem>) c -> {
            byId.values().forEach(b -> b.showProblem(false));
            vm.problems().stream().filter(p -> p.isError() && p.nodeId() != null && byId.containsKey(p.nodeId()))
                    .forEach(p -> byId.get(p.nodeId()).showProblem(true));
        });
    }

    /** Moving a node changes positions only; no need to rebuild the boxes. */
    private static boolean sameGraph(LoadedWorkflow a, LoadedWorkflow b) {
        return a.workflow().links().equals(b.workflow().links())
                && a.workflow().nodes().stream().map(NodeInstance::id).toList()
                .equals(b.workflow().nodes().stream().map(NodeInstance::id).toList());
    }

    /** Undo and redo move nodes back; a drag already moved the box, so equal positions need no redraw. */
    private boolean samePositions(LoadedWorkflow a, LoadedWorkflow b) {
        for (NodeInstance n : b.workflow().nodes()) {
            NodeBox box = byId.get(n.id());
            if (box != null && n.position() != null
                    && (Math.abs(box.getLayoutX() - n.position().x()) > 0.5 || Math.abs(box.getLayoutY() - n.position().y()) > 0.5)) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(LoadedWorkflow lw, boolean fit) {
        boxes.getChildren().clear();
        byId.clear();
        int i = 0;
        for (NodeInstance n : lw.workflow().nodes()) {
            NodeDescriptor d = vm.registry().find(n.type()).orElse(null);
            NodeBox box = new NodeBox(n, d, vm.isLocked(n.id()));
            // nodes without a saved position are laid out left to right
            double x = n.position() != null ? n.position().x() : 40 + (i % 5) * 230;
            double y = n.position() != null ? n.position().y() : 40 + (i / 5) * 160;
            box.relocate(x, y);
            box.showSelected(n.id().equals(selectedNode));
            makeDraggable(box);
            wiring.attach(box);
            boxes.getChildren().add(box);
            byId.put(n.id(), box);
            box.showState(vm.states().get(n.id()));
            i++;
        }
        redrawWires();
        if (selectedNode != null && byId.containsKey(selectedNode)) {
            byId.get(selectedNode).showSelected(true);
        } else {
            selectedNode = null;
        }
        if (fit) {
            needsFit = true;
            fitIfNeeded();
        }
    }

    void select(String id) {
        if (selectedNode != null && byId.containsKey(selectedNode)) {
            byId.get(selectedNode).showSelected(false);
        }
        selectedNode = id;
        if (id != null && byId.containsKey(id)) {
            byId.get(id).showSelected(true);
            selectWire(null);
        }
        onSelect.accept(id);
    }

    private void selectWire(Link l) {
        selectedWire = l;
        redrawWires();
    }

    /** Pans the view, as dragging empty space does. */
    void panBy(double dx, double dy) {
        panX += dx;
        panY += dy;
        pan.setX(panX);
        pan.setY(panY);
        cull();
    }

    /**
     * Hides what lies outside the visible area. With hundreds of nodes, drawing only what can be seen keeps
     * panning smooth; hidden nodes still exist and reappear as soon as they scroll into view.
     */
    private void cull() {
        if (byId.size() < 100) {
            return; // small workflows draw fast enough; skip the bookkeeping
        }
        double s = zoom.getX();
        double margin = 50;
        double minX = (-panX - margin) / s;
        double minY = (-panY - margin) / s;
        double maxX = (getWidth() - panX + margin) / s;
        double maxY = (getHeight() - panY + margin) / s;
        for (NodeBox b : byId.values()) {
            boolean visible = b.getLayoutX() + b.getPrefWidth() >= minX && b.getLayoutX() <= maxX
                    && b.getLayoutY() + b.getPrefHeight() >= minY && b.getLayoutY() <= maxY;
            if (b.isVisible() != visible) {
                b.setVisible(visible);
            }
        }
        for (javafx.scene.Node n : wires.getChildren()) {
            var bb = n.getBoundsInParent();
            boolean visible = bb.getMaxX() >= minX && bb.getMinX() <= maxX && bb.getMaxY() >= minY && bb.getMinY() <= maxY;
            if (n.isVisible() != visible) {
                n.setVisible(visible);
            }
        }
    }

    void onPortClick(java.util.function.Consumer<org.anneal.graph.PortRef> c) {
        wiring.onPortClick(c);
    }

    String selectedNode() {
        return selectedNode;
    }

    Link selectedWire() {
        return selectedWire;
    }

    /** Fit to view: the whole workflow visible, never magnified beyond 100 %. */
    private void fitIfNeeded() {
        if (!needsFit || getWidth() < 50 || getHeight() < 50 || byId.isEmpty()) {
            return;
        }
        needsFit = false;
        double minX = byId.values().stream().mapToDouble(NodeBox::getLayoutX).min().orElse(0);
        double minY = byId.values().stream().mapToDouble(NodeBox::getLayoutY).min().orElse(0);
        double maxX = byId.values().stream().mapToDouble(b -> b.getLayoutX() + b.getPrefWidth()).max().orElse(1);
        double maxY = byId.values().stream().mapToDouble(b -> b.getLayoutY() + b.getPrefHeight()).max().orElse(1);
        double s = Math.min(1, Math.min((getWidth() - 60) / (maxX - minX), (getHeight() - 60) / (maxY - minY)));
        zoom.setX(s);
        zoom.setY(s);
        boolean detail = s >= 0.45;
        byId.values().forEach(b -> b.showDetail(detail));
        panX = 30 - minX * s;
        panY = 30 - minY * s;
        pan.setX(panX);
        pan.setY(panY);
    }

    private void makeDraggable(NodeBox box) {
        double[] offset = new double[2];
        box.setOnMousePressed(e -> {
            Point2D p = boxes.sceneToLocal(e.getSceneX(), e.getSceneY());
            offset[0] = p.getX() - box.getLayoutX();
            offset[1] = p.getY() - box.getLayoutY();
            select(box.nodeId());
            e.consume();
        });
        box.setOnMouseDragged(e -> {
            Point2D p = boxes.sceneToLocal(e.getSceneX(), e.getSceneY());
            box.relocate(p.getX() - offset[0], p.getY() - offset[1]);
            redrawWires();
            e.consume();
        });
        box.setOnMouseReleased(e -> {
            vm.moveNode(box.nodeId(), box.getLayoutX(), box.getLayoutY());
            e.consume();
        });
    }

    private void redrawWires() {
        wires.getChildren().clear();
        LoadedWorkflow lw = vm.workflowProperty().get();
        if (lw == null) {
            return;
        }
        for (Link l : lw.workflow().links()) {
            NodeBox from = byId.get(l.from().node());
            NodeBox to = byId.get(l.to().node());
            Point2D a = from == null ? null : from.outputAnchor(l.from().port());
            Point2D b = to == null ? null : to.inputAnchor(l.to().port());
            if (a == null || b == null) {
                continue; // a wire to an unknown port is listed under Problems instead
            }
            double dx = Math.max(40, Math.abs(b.getX() - a.getX()) / 2);
            CubicCurve c = new CubicCurve(a.getX(), a.getY(), a.getX() + dx, a.getY(), b.getX() - dx, b.getY(), b.getX(), b.getY());
            c.setFill(null);
            boolean selected = l.equals(selectedWire);
            c.setStroke(Color.web(selected ? "#1a73e8" : "#5f6368"));
            c.setStrokeWidth(selected ? 3 : 1.6);
            if (vm.isLocked(l)) {
                c.getStrokeDashArray().setAll(2.0, 3.0); // locked wires are dotted
            }
            c.setOnMouseClicked(e -> {
                selectWire(l);
                e.consume();
            });
            c.setId("wire-" + l.from() + "-" + l.to());
            wires.getChildren().add(c);
        }
    }

    NodeBox box(String id) {
        return byId.get(id);
    }
}
