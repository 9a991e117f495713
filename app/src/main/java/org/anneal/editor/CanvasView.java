package org.anneal.editor;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.anneal.graph.Link;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem;

/**
 * The workflow drawn as boxes and curved wires over a grid. Gestures (also in the help tooltip and README):
 * drag empty space or middle-drag anywhere to pan; scroll to zoom at the cursor; Shift- or Shortcut-drag on
 * empty space draws a selection rectangle; click selects, Shift/Shortcut-click toggles; dragging a selected
 * node moves the whole selection; double-click empty space opens the quick-add search.
 *
 * <p>This class puts the layers together and is what the rest of the editor talks to; the work is done by
 * {@link CanvasViewport} (pan, zoom, fit, culling), {@link CanvasSelection}, {@link CanvasGestures} (the mouse on
 * empty space) and {@link BoxSync} (boxes kept in line with the workflow, problem badges).
 */
final class CanvasView extends Pane {
    final WorkflowViewModel vm;
    private final Group world = new Group();
    private final Group boxes = new Group();
    final Map<String, NodeBox> byId = new HashMap<>();
    final CanvasSelection selected;
    final WireLayer wires;
    final FrameLayer frames;
    final WiringGesture wiring;
    final CanvasViewport viewport;
    final CanvasOverlay overlay;
    private final CanvasGestures gestures;
    private final BoxSync boxSync;

    CanvasView(WorkflowViewModel vm, Consumer<String> onSelect) {
        this.vm = vm;
        this.selected = new CanvasSelection(this, onSelect);
        this.wires = new WireLayer(selected::selectWire);
        this.frames = new FrameLayer(this);
        this.wiring = new WiringGesture(vm, wires, () -> byId);
        setId("canvas");
        setStyle("-fx-background-color: #f1f3f4;");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        world.getChildren().addAll(frames, wires, boxes);
        viewport = new CanvasViewport(this, world);
        gestures = new CanvasGestures(this);
        boxSync = new BoxSync(this, boxes);
        overlay = new CanvasOverlay(this);
        getChildren().addAll(viewport.grid(), world, viewport.picture(), gestures.band(), overlay);
        widthProperty().addListener(o -> viewport.sizeChanged());
        heightProperty().addListener(o -> viewport.sizeChanged());
        gestures.install();
        vm.workflowProperty().addListener((obs, old, lw) -> {
            if (lw != null) {
                boxSync.sync(lw, old == null || !Objects.equals(old.file(), lw.file()));
            }
        });
        vm.states().addListener((MapChangeListener<String, WorkflowViewModel.NodeState>) c -> {
            NodeBox b = byId.get(c.getKey());
            if (b != null) {
                b.showState(c.getValueAdded());
                var was = c.getValueRemoved();
                var now = c.getValueAdded();
                // a new status shows at once even mid-pan; mere progress updates keep the cheap pan picture
                if (was == null || now == null || was.status() != now.status()) {
                    viewport.endPicture();
                }
            }
        });
        vm.problems().addListener((ListChangeListener<Problem>) c -> boxSync.showProblems());
        vm.validationProperty().addListener((o, was, v) -> boxSync.showShapes());
    }

    // ---------------------------------------------------------------- selection

    /** Selects exactly one node (null clears), as a plain click does. */
    void select(String id) {
        selected.select(id);
    }

    /** Shift/Shortcut-click: adds or removes one node, keeping the rest. */
    void toggle(String id) {
        selected.toggle(id);
    }

    void selectAll() {
        selected.selectAll();
    }

    void selectNodes(Collection<String> ids) {
        selected.selectNodes(ids);
    }

    void selectTouching(Point2D a, Point2D b, boolean adds) {
        selected.selectTouching(a, b, adds);
    }

    /** Presentation mode on the canvas: thicker wires. */
    void presentation(boolean on) {
        wires.thick(on);
    }

    void clearSelection() {
        selected.clear();
    }

    /** The selected node ids, in the order they were selected. */
    Set<String> selection() {
        return selected.nodes();
    }

    String selectedNode() {
        return selected.primary();
    }

    Link selectedWire() {
        return wires.selected();
    }

    /** Delete/Backspace: the selected nodes (one undo step), else the selected wire, else the selected frame. */
    void deleteSelection() {
        selected.delete();
    }

    /** Escape: a wire being dragged is dropped; otherwise the selection is cleared. */
    void escape() {
        if (!wiring.cancel()) {
            clearSelection();
        }
    }

    // ---------------------------------------------------------------- view: pan, zoom, fit

    /** Pans the view, as dragging empty space does. */
    void panBy(double dx, double dy) {
        viewport.panBy(dx, dy);
    }

    /** Zooms by {@code factor} keeping the workflow point under (x, y) (view coordinates) where it is. */
    void zoomAt(double x, double y, double factor) {
        viewport.zoomAt(x, y, factor);
    }

    double zoom() {
        return viewport.zoom();
    }

    Point2D viewToWorld(double x, double y) {
        return viewport.viewToWorld(x, y);
    }

    Point2D worldToView(double x, double y) {
        return viewport.worldToView(x, y);
    }

    /** Where a paste or quick-add lands: the mouse if it is over the canvas, else the middle of the view. */
    Point2D pasteTarget() {
        Point2D mouse = gestures.mouse();
        Point2D p = mouse != null ? mouse : new Point2D(getWidth() / 2, getHeight() / 2);
        return viewToWorld(p.getX(), p.getY());
    }

    /** Fit to view: the whole workflow and its frames visible, never magnified beyond 100 %. */
    void fitToView() {
        viewport.fitToView();
    }

    // ---------------------------------------------------------------- boxes

    /** Moves boxes live during a drag; the workflow is told once, on release. */
    void dragBoxes(Map<String, Point2D> to) {
        boxSync.dragBoxes(to);
    }

    /** One undo step for however many nodes a drag moved; nothing at all when they did not move. */
    void commitMoves(Collection<String> ids) {
        boxSync.commitMoves(ids);
    }

    void onPortClick(Consumer<PortRef> c) {
        wiring.onPortClick(c);
    }

    NodeBox box(String id) {
        return byId.get(id);
    }

    Group boxLayer() {
        return boxes;
    }
}
