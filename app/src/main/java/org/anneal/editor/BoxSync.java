package org.anneal.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Problem;
import org.anneal.lineage.Finding;

/**
 * Keeps the canvas's boxes in line with the workflow, both ways: a change to the workflow adds or removes just
 * the boxes that changed (redrawing everything would be slow for big workflows), and boxes dragged on the canvas
 * are written back as one undo step. Also puts the problem badges on the boxes.
 */
final class BoxSync {
    private final CanvasView canvas;
    private final Group boxes;

    BoxSync(CanvasView canvas, Group boxes) {
        this.canvas = canvas;
        this.boxes = boxes;
    }

    /**
     * Brings the boxes in line with the workflow: boxes of removed nodes go, new nodes get boxes, the others
     * stay and only move if their position changed (undo of a move). A new file is drawn from scratch.
     */
    void sync(LoadedWorkflow lw, boolean newFile) {
        Map<String, NodeBox> byId = canvas.byId;
        CanvasSelection selection = canvas.selected;
        canvas.viewport.endPicture(); // an edit shows at once, also in the middle of a pan
        if (newFile) {
            boxes.getChildren().clear();
            byId.clear();
            selection.forgetAll();
        }
        List<NodeInstance> nodes = lw.workflow().nodes();
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        List<String> gone = byId.keySet().stream().filter(id -> !ids.contains(id)).toList();
        gone.forEach(id -> boxes.getChildren().remove(byId.remove(id)));
        selection.retainExisting(ids);
        int detail = CanvasViewport.detail(canvas.viewport.zoom());
        int i = 0;
        for (NodeInstance n : nodes) {
            // nodes without a saved position are laid out left to right
            double x = n.position() != null ? n.position().x() : 40 + (i % 5) * 230;
            double y = n.position() != null ? n.position().y() : 40 + (i / 5) * 160;
            NodeBox box = byId.get(n.id());
            if (box != null && !box.type().equals(n.type())) {
                boxes.getChildren().remove(box);
                box = null;
            }
            if (box == null) {
                box = new NodeBox(n, canvas.vm.registry().find(n.type()).orElse(null), canvas.vm.isLocked(n.id()));
                box.relocate(x, y);
                NodeGestures.attach(canvas, box);
                canvas.wiring.attach(box);
                boxes.getChildren().add(box);
                byId.put(n.id(), box);
                box.showState(canvas.vm.states().get(n.id()));
                box.showDetail(detail);
            } else if (Math.abs(box.getLayoutX() - x) > 0.01 || Math.abs(box.getLayoutY() - y) > 0.01) {
                box.relocate(x, y);
            }
            box.showSelected(selection.contains(n.id()));
            i++;
        }
        canvas.wires.sync(lw.workflow().links(), byId, canvas.vm::isLocked);
        canvas.frames.sync(canvas.vm.groupEdits().frames());
        showProblems(); // new boxes start unmarked, and problems may have been listed before they existed
        showShapes();
        selection.dropPrimaryIfGone();
        canvas.viewport.forgetCull();
        if (newFile) {
            canvas.viewport.fitToView();
        } else {
            canvas.viewport.cull(true);
        }
    }

    /** Moves boxes live during a drag; the workflow is told once, on release. */
    void dragBoxes(Map<String, Point2D> to) {
        canvas.viewport.endPicture();
        to.forEach((id, p) -> canvas.byId.get(id).relocate(p.getX(), p.getY()));
        canvas.wires.nodesMoved(to.keySet(), canvas.byId);
    }

    /** One undo step for however many nodes a drag moved; nothing at all when they did not move. */
    void commitMoves(Collection<String> ids) {
        Map<String, NodeInstance.Position> moved = new LinkedHashMap<>();
        for (String id : ids) {
            NodeBox b = canvas.byId.get(id);
            NodeInstance n = canvas.vm.current().node(id).orElse(null);
            if (b != null && n != null && (n.position() == null
                    || Math.abs(n.position().x() - b.getLayoutX()) > 0.01 || Math.abs(n.position().y() - b.getLayoutY()) > 0.01)) {
                moved.put(id, new NodeInstance.Position(b.getLayoutX(), b.getLayoutY()));
            }
        }
        canvas.vm.groupEdits().moveNodes(moved);
    }

    /** Puts on every network block the shape and parameter count its configure computed (before anything runs). */
    void showShapes() {
        org.anneal.exec.Validation v = canvas.vm.validationProperty().get();
        canvas.byId.forEach((id, box) -> box.showShape(v == null ? null : ShapeLine.of(v, id)));
        canvas.viewport.endPicture();
    }

    /**
     * Badges every node a problem or a leakage finding involves: a finding names all its nodes (the scaler and the
     * split of an L2), a validation problem its own node.
     */
    void showProblems() {
        Map<String, List<Problem>> byNode = new HashMap<>();
        Map<String, Set<String>> rules = new HashMap<>();
        for (Problem p : canvas.vm.problems()) {
            Finding f = canvas.vm.findings().findingOf(p);
            List<String> nodes = f != null ? f.nodes() : p.nodeId() == null ? List.of() : List.of(p.nodeId());
            for (String n : nodes) {
                byNode.computeIfAbsent(n, k -> new ArrayList<>()).add(p);
                if (f != null) {
                    rules.computeIfAbsent(n, k -> new TreeSet<>()).add(f.rule());
                }
            }
        }
        canvas.byId.forEach((id, box) -> box.showProblems(byNode.get(id), List.copyOf(rules.getOrDefault(id, Set.of()))));
        canvas.viewport.endPicture(); // badges appear at once, also mid-pan
    }
}
