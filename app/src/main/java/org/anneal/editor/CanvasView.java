package org.anneal.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.MapChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;

/**
 * The workflow drawn as boxes and curved wires over a grid. Gestures (also in the help tooltip and README):
 * drag empty space or middle-drag anywhere to pan; scroll to zoom at the cursor; Shift- or Shortcut-drag on
 * empty space draws a selection rectangle; click selects, Shift/Shortcut-click toggles; dragging a selected
 * node moves the whole selection; double-click empty space opens the quick-add search.
 *
 * <p>Why it pans fast: the whole drawing is one group under a translate and a scale, so panning changes two
 * numbers; while the view moves the group is cached as a bitmap; wires are curves kept per link and only
 * re-routed when their nodes move; a change to the workflow adds or removes just the boxes that changed.
 */
final class CanvasView extends Pane {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 3;
    /** Below this zoom, port names and badges are unreadable and hidden (text is the costliest thing to draw). */
    private static final double DETAIL_ZOOM = 0.45;
    /** Below this, titles and ports are a pixel or two high: boxes are drawn as coloured blocks, which is what one sees. */
    private static final double OUTLINE_ZOOM = 0.3;

    final WorkflowViewModel vm;
    private final Group world = new Group();
    private final Group boxes = new Group();
    final WireLayer wires;
    final FrameLayer frames;
    private final GridBackground grid = new GridBackground();
    private final Rectangle band = new Rectangle();
    final Map<String, NodeBox> byId = new HashMap<>();
    private final Set<String> selection = new LinkedHashSet<>();
    private String primary;
    private final Consumer<String> onSelect;
    final WiringGesture wiring;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1);
    private final PauseTransition settle = new PauseTransition(Duration.millis(250));
    private final CanvasOverlay overlay;
    private boolean needsFit;
    private double lastX;
    private double lastY;
    private boolean panning;
    private Point2D bandStart;
    private boolean bandAdds;
    /** Where the mouse last was over the canvas, in view coordinates; null when outside. */
    private Point2D mouse;
    private double[] culled;
    /** Big workflows pan as a picture (see {@link PanSnapshot}); small ones draw fast enough as they are. */
    private final PanSnapshot picture = new PanSnapshot(world, () -> cull(true));
    private static final int PICTURE_PAN_NODES = 100;
    /** Off: pan with JavaFX's node cache only, as before PanSnapshot; the benchmark compares both in one run. */
    static boolean picturePan = true;

    CanvasView(WorkflowViewModel vm, Consumer<String> onSelect) {
        this.vm = vm;
        this.onSelect = onSelect;
        this.wires = new WireLayer(this::selectWire);
        this.frames = new FrameLayer(this);
        this.wiring = new WiringGesture(vm, wires, () -> byId);
        setId("canvas");
        setStyle("-fx-background-color: #f1f3f4;");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        world.getChildren().addAll(frames, wires, boxes);
        world.getTransforms().setAll(pan, zoom);
        band.setId("rubberBand");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        band.setStyle("-fx-fill: rgba(26,115,232,0.12); -fx-stroke: #1a73e8; -fx-stroke-dash-array: 4 3;");
        overlay = new CanvasOverlay(this);
        getChildren().addAll(grid, world, picture, band, overlay);
        widthProperty().addListener(o -> viewChanged());
        heightProperty().addListener(o -> viewChanged());
        settle.setOnFinished(e -> {
            picture.end();
            world.setCache(false); // back to crisp rendering once the view rests
            cull(true);
        });
        installMouse();
        installDrop();
        vm.workflowProperty().addListener((obs, old, lw) -> {
            if (lw != null) {
                sync(lw, old == null || !Objects.equals(old.file(), lw.file()));
            }
        });
        vm.states().addListener((MapChangeListener<String, WorkflowViewModel.NodeState>) c -> {
            NodeBox b = byId.get(c.getKey());
            if (b != null) {
                b.showState(c.getValueAdded());
            }
        });
        vm.problems().addListener((javafx.collections.ListChangeListener<org.anneal.graph.Problem>) c -> showProblems());
    }

    private void installMouse() {
        addEventFilter(MouseEvent.MOUSE_MOVED, e -> mouse = new Point2D(e.getX(), e.getY()));
        addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == this) {
                mouse = null;
            }
        });
        // the middle button pans wherever it is pressed, even over a node
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.MIDDLE) {
                startPan(e);
                e.consume();
            }
        });
        addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (panning && e.isMiddleButtonDown()) {
                dragPan(e);
                e.consume();
            }
        });
        setOnMousePressed(e -> {
            if (e.getTarget() != this || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            if (e.getClickCount() == 2) {
                QuickAddPopup.show(this, new Point2D(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
                return;
            }
            if (e.isShiftDown() || e.isShortcutDown()) {
                bandStart = new Point2D(e.getX(), e.getY());
                bandAdds = e.isShiftDown();
                band.setVisible(true);
                band.relocate(e.getX(), e.getY());
                band.setWidth(0);
                band.setHeight(0);
            } else {
                clearSelection();
                startPan(e);
            }
        });
        setOnMouseDragged(e -> {
            if (bandStart != null) {
                band.relocate(Math.min(bandStart.getX(), e.getX()), Math.min(bandStart.getY(), e.getY()));
                band.setWidth(Math.abs(e.getX() - bandStart.getX()));
                band.setHeight(Math.abs(e.getY() - bandStart.getY()));
            } else if (panning) {
                dragPan(e);
            }
        });
        setOnMouseReleased(e -> {
            if (bandStart != null) {
                selectInBand();
            }
            bandStart = null;
            band.setVisible(false);
            panning = false;
        });
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                // a wheel notch is 40 pixels on desktop platforms but 1 on some (Monocle): count at least one notch
                double notches = Math.abs(e.getDeltaY()) >= 40 ? e.getDeltaY() / 40 : Math.signum(e.getDeltaY());
                zoomAt(e.getX(), e.getY(), Math.pow(1.1, notches));
                e.consume();
            }
        });
        setOnContextMenuRequested(e -> {
            if (e.getTarget() == this) {
                CanvasMenus.forCanvas(this, new Point2D(e.getX(), e.getY())).show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** Nodes dragged in from the palette (a press-drag-release gesture), or a type id dropped as text. */
    private void installDrop() {
        setOnMouseDragReleased(e -> {
            String type = PaletteView.draggedType(e.getGestureSource());
            if (type != null) {
                Point2D p = boxes.sceneToLocal(e.getSceneX(), e.getSceneY());
                String id = vm.addNode(type, p.getX(), p.getY());
                if (id != null) {
                    select(id);
                }
                e.consume();
            }
        });
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
    }

    private void startPan(MouseEvent e) {
        panning = true;
        lastX = e.getX();
        lastY = e.getY();
    }

    private void dragPan(MouseEvent e) {
        panBy(e.getX() - lastX, e.getY() - lastY);
        lastX = e.getX();
        lastY = e.getY();
    }

    // ---------------------------------------------------------------- workflow -> boxes

    /**
     * Brings the boxes in line with the workflow: boxes of removed nodes go, new nodes get boxes, the others
     * stay and only move if their position changed (undo of a move). A new file is drawn from scratch.
     */
    private void sync(LoadedWorkflow lw, boolean newFile) {
        picture.end(); // an edit shows at once, also in the middle of a pan
        if (newFile) {
            boxes.getChildren().clear();
            byId.clear();
            selection.clear();
            primary = null;
        }
        List<NodeInstance> nodes = lw.workflow().nodes();
        Set<String> ids = new java.util.HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        List<String> gone = byId.keySet().stream().filter(id -> !ids.contains(id)).toList();
        gone.forEach(id -> boxes.getChildren().remove(byId.remove(id)));
        selection.retainAll(ids);
        List<String> moved = new ArrayList<>();
        int detail = detail(zoom.getX());
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
                box = new NodeBox(n, vm.registry().find(n.type()).orElse(null), vm.isLocked(n.id()));
                box.relocate(x, y);
                NodeGestures.attach(this, box);
                wiring.attach(box);
                boxes.getChildren().add(box);
                byId.put(n.id(), box);
                box.showState(vm.states().get(n.id()));
                box.showDetail(detail);
            } else if (Math.abs(box.getLayoutX() - x) > 0.01 || Math.abs(box.getLayoutY() - y) > 0.01) {
                box.relocate(x, y);
                moved.add(n.id());
            }
            box.showSelected(selection.contains(n.id()));
            i++;
        }
        wires.sync(lw.workflow().links(), byId, vm::isLocked);
        frames.sync(vm.groupEdits().frames());
        showProblems(); // new boxes start unmarked, and problems may have been listed before they existed
        if (primary != null && !byId.containsKey(primary)) {
            primary = null;
            onSelect.accept(null);
        }
        culled = null;
        if (newFile) {
            needsFit = true;
            viewChanged();
        } else {
            cull(true);
        }
    }

    // ---------------------------------------------------------------- selection

    /** Selects exactly one node (null clears), as a plain click does. */
    void select(String id) {
        selection.clear();
        if (id != null && byId.containsKey(id)) {
            selection.add(id);
        }
        primary = selection.isEmpty() ? null : id;
        if (primary != null) {
            selectWire(null);
        }
        frames.select(null);
        refreshSelection();
        onSelect.accept(primary);
    }

    /** Shift/Shortcut-click: adds or removes one node, keeping the rest. */
    void toggle(String id) {
        if (!selection.remove(id)) {
            selection.add(id);
        }
        primary = selection.contains(id) ? id : selection.stream().reduce((a, b) -> b).orElse(null);
        refreshSelection();
        onSelect.accept(primary);
    }

    void selectAll() {
        selection.clear();
        selection.addAll(vm.current().nodes().stream().map(NodeInstance::id).toList());
        primary = selection.stream().reduce((a, b) -> b).orElse(null);
        refreshSelection();
        onSelect.accept(primary);
    }

    void selectNodes(java.util.Collection<String> ids) {
        selection.clear();
        ids.stream().filter(byId::containsKey).forEach(selection::add);
        primary = selection.stream().reduce((a, b) -> b).orElse(null);
        refreshSelection();
        onSelect.accept(primary);
    }

    void clearSelection() {
        selectWire(null);
        frames.select(null);
        if (!selection.isEmpty()) {
            select(null);
        }
    }

    private void refreshSelection() {
        byId.forEach((id, b) -> b.showSelected(selection.contains(id)));
    }

    private void selectWire(Link l) {
        if (l != null) {
            select(null);
        }
        wires.select(l);
    }

    private void selectInBand() {
        Point2D a = viewToWorld(band.getLayoutX(), band.getLayoutY());
        Point2D b = viewToWorld(band.getLayoutX() + band.getWidth(), band.getLayoutY() + band.getHeight());
        Set<String> hit = new LinkedHashSet<>(bandAdds ? selection : Set.of());
        byId.forEach((id, box) -> {
            if (box.getLayoutX() < b.getX() && box.getLayoutX() + box.getWidth() > a.getX()
                    && box.getLayoutY() < b.getY() && box.getLayoutY() + box.getHeight() > a.getY()) {
                hit.add(id);
            }
        });
        selectNodes(hit);
    }

    /** The selected node ids, in the order they were selected. */
    Set<String> selection() {
        return java.util.Collections.unmodifiableSet(selection);
    }

    String selectedNode() {
        return primary;
    }

    Link selectedWire() {
        return wires.selected();
    }

    /** Delete/Backspace: the selected nodes (one undo step), else the selected wire, else the selected frame. */
    void deleteSelection() {
        if (!selection.isEmpty()) {
            vm.groupEdits().deleteNodes(new ArrayList<>(selection));
        } else if (wires.selected() != null) {
            vm.disconnect(wires.selected());
        } else if (frames.selected() != null) {
            frames.delete(frames.selected());
        }
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
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
        viewChanged();
        moving();
    }

    /** Zooms by {@code factor} keeping the workflow point under (x, y) (view coordinates) where it is. */
    void zoomAt(double x, double y, double factor) {
        double s = zoom.getX();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s * factor));
        Point2D w = viewToWorld(x, y);
        zoom.setX(next);
        zoom.setY(next);
        pan.setX(x - w.getX() * next);
        pan.setY(y - w.getY() * next);
        int detail = detail(next);
        if (detail(s) != detail) {
            byId.values().forEach(b -> b.showDetail(detail));
        }
        viewChanged();
        moving();
    }

    double zoom() {
        return zoom.getX();
    }

    /** How much of a box to draw at {@code zoom}: 2 everything, 1 no small text, 0 coloured blocks only. */
    static int detail(double zoom) {
        return zoom >= DETAIL_ZOOM ? 2 : zoom >= OUTLINE_ZOOM ? 1 : 0;
    }

    Point2D viewToWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom.getX(), (y - pan.getY()) / zoom.getY());
    }

    Point2D worldToView(double x, double y) {
        return new Point2D(x * zoom.getX() + pan.getX(), y * zoom.getY() + pan.getY());
    }

    /** Where a paste or quick-add lands: the mouse if it is over the canvas, else the middle of the view. */
    Point2D pasteTarget() {
        Point2D p = mouse != null ? mouse : new Point2D(getWidth() / 2, getHeight() / 2);
        return viewToWorld(p.getX(), p.getY());
    }

    /** Fit to view: the whole workflow and its frames visible, never magnified beyond 100 %. */
    void fitToView() {
        needsFit = true;
        viewChanged();
    }

    /**
     * While the view moves, the drawing is rendered once into a bitmap and the bitmap is moved (CacheHint.SPEED
     * also reuses it while zooming); a quarter second after the last move it is drawn crisply again.
     */
    private void moving() {
        if (picturePan && byId.size() >= PICTURE_PAN_NODES) {
            picture.follow(pan.getX(), pan.getY(), zoom.getX(), getWidth(), getHeight());
        } else if (!world.isCache()) {
            world.setCacheHint(CacheHint.SPEED);
            world.setCache(true);
        }
        settle.playFromStart();
    }

    private void viewChanged() {
        if (needsFit && getWidth() >= 50 && getHeight() >= 50 && !byId.isEmpty()) {
            needsFit = false;
            double[] r = contentBounds();
            double s = Math.max(MIN_ZOOM, Math.min(1, Math.min((getWidth() - 60) / (r[2] - r[0]), (getHeight() - 60) / (r[3] - r[1]))));
            int detail = detail(s);
            if (detail(zoom.getX()) != detail) {
                byId.values().forEach(b -> b.showDetail(detail));
            }
            zoom.setX(s);
            zoom.setY(s);
            pan.setX(30 - r[0] * s);
            pan.setY(30 - r[1] * s);
        }
        grid.follow(getWidth(), getHeight(), pan.getX(), pan.getY(), zoom.getX());
        overlay.update();
        cull(false);
    }

    /** minX, minY, maxX, maxY of all boxes and frames, in workflow coordinates. */
    private double[] contentBounds() {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (NodeBox b : byId.values()) {
            r[0] = Math.min(r[0], b.getLayoutX());
            r[1] = Math.min(r[1], b.getLayoutY());
            r[2] = Math.max(r[2], b.getLayoutX() + b.getPrefWidth());
            r[3] = Math.max(r[3], b.getLayoutY() + b.getPrefHeight());
        }
        for (org.anneal.graph.Frame f : vm.groupEdits().frames()) {
            r[0] = Math.min(r[0], f.x());
            r[1] = Math.min(r[1], f.y());
            r[2] = Math.max(r[2], f.x() + f.width());
            r[3] = Math.max(r[3], f.y() + f.height());
        }
        return r;
    }

    /**
     * Hides what lies well outside the view. The culled area is the view plus half a view on every side and
     * is only recomputed when the view leaves it, so a pan mostly moves the cached bitmap and only now and
     * then re-renders it.
     */
    private void cull(boolean force) {
        if (byId.size() < 100) {
            return; // small workflows draw fast enough; skip the bookkeeping
        }
        double s = zoom.getX();
        Point2D a = viewToWorld(0, 0);
        Point2D b = viewToWorld(getWidth(), getHeight());
        if (!force && culled != null && a.getX() >= culled[0] && a.getY() >= culled[1] && b.getX() <= culled[2] && b.getY() <= culled[3]) {
            return;
        }
        double mx = getWidth() / 2 / s;
        double my = getHeight() / 2 / s;
        culled = new double[] {a.getX() - mx, a.getY() - my, b.getX() + mx, b.getY() + my};
        for (NodeBox box : byId.values()) {
            boolean visible = box.getLayoutX() + box.getPrefWidth() >= culled[0] && box.getLayoutX() <= culled[2]
                    && box.getLayoutY() + box.getPrefHeight() >= culled[1] && box.getLayoutY() <= culled[3];
            if (box.isVisible() != visible) {
                box.setVisible(visible);
            }
        }
        for (javafx.scene.shape.CubicCurve c : wires.curves()) {
            if (c.getUserData() != null) {
                continue; // a broken wire stays hidden
            }
            var bb = c.getBoundsInParent();
            boolean visible = bb.getMaxX() >= culled[0] && bb.getMinX() <= culled[2] && bb.getMaxY() >= culled[1] && bb.getMinY() <= culled[3];
            if (c.isVisible() != visible) {
                c.setVisible(visible);
            }
        }
    }

    // ---------------------------------------------------------------- moving nodes

    /** Moves boxes live during a drag; the workflow is told once, on release. */
    void dragBoxes(Map<String, Point2D> to) {
        picture.end();
        to.forEach((id, p) -> byId.get(id).relocate(p.getX(), p.getY()));
        wires.nodesMoved(to.keySet(), byId);
    }

    /** One undo step for however many nodes a drag moved; nothing at all when they did not move. */
    void commitMoves(java.util.Collection<String> ids) {
        Map<String, NodeInstance.Position> moved = new LinkedHashMap<>();
        for (String id : ids) {
            NodeBox b = byId.get(id);
            NodeInstance n = vm.current().node(id).orElse(null);
            if (b != null && n != null && (n.position() == null
                    || Math.abs(n.position().x() - b.getLayoutX()) > 0.01 || Math.abs(n.position().y() - b.getLayoutY()) > 0.01)) {
                moved.put(id, new NodeInstance.Position(b.getLayoutX(), b.getLayoutY()));
            }
        }
        vm.groupEdits().moveNodes(moved);
    }

    void onPortClick(Consumer<org.anneal.graph.PortRef> c) {
        wiring.onPortClick(c);
    }

    NodeBox box(String id) {
        return byId.get(id);
    }

    Group boxLayer() {
        return boxes;
    }

    /**
     * Badges every node a problem or a leakage finding involves: a finding names all its nodes (the scaler and the
     * split of an L2), a validation problem its own node.
     */
    private void showProblems() {
        Map<String, List<org.anneal.graph.Problem>> byNode = new java.util.HashMap<>();
        Map<String, java.util.Set<String>> rules = new java.util.HashMap<>();
        for (org.anneal.graph.Problem p : vm.problems()) {
            org.anneal.lineage.Finding f = vm.findings().findingOf(p);
            List<String> nodes = f != null ? f.nodes() : p.nodeId() == null ? List.of() : List.of(p.nodeId());
            for (String n : nodes) {
                byNode.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(p);
                if (f != null) {
                    rules.computeIfAbsent(n, k -> new java.util.TreeSet<>()).add(f.rule());
                }
            }
        }
        byId.forEach((id, box) -> box.showProblems(byNode.get(id), List.copyOf(rules.getOrDefault(id, java.util.Set.of()))));
    }
}
