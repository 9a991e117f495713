package org.anneal.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;

/**
 * What is selected on the canvas: a set of nodes (in the order they were picked, the last one "primary" and
 * shown in the inspector), or else one wire, or else one frame. Selecting a node drops the wire and the frame.
 */
final class CanvasSelection {
    private final CanvasView canvas;
    private final Consumer<String> onSelect;
    private final Set<String> nodes = new LinkedHashSet<>();
    private String primary;

    CanvasSelection(CanvasView canvas, Consumer<String> onSelect) {
        this.canvas = canvas;
        this.onSelect = onSelect;
    }

    /** Selects exactly one node (null clears), as a plain click does. */
    void select(String id) {
        nodes.clear();
        if (id != null && canvas.byId.containsKey(id)) {
            nodes.add(id);
        }
        primary = nodes.isEmpty() ? null : id;
        if (primary != null) {
            selectWire(null);
        }
        canvas.frames.select(null);
        refresh();
        onSelect.accept(primary);
    }

    /** Shift/Shortcut-click: adds or removes one node, keeping the rest. */
    void toggle(String id) {
        if (!nodes.remove(id)) {
            nodes.add(id);
        }
        primary = nodes.contains(id) ? id : last();
        refresh();
        onSelect.accept(primary);
    }

    void selectAll() {
        nodes.clear();
        nodes.addAll(canvas.vm.current().nodes().stream().map(NodeInstance::id).toList());
        primary = last();
        refresh();
        onSelect.accept(primary);
    }

    void selectNodes(Collection<String> ids) {
        nodes.clear();
        ids.stream().filter(canvas.byId::containsKey).forEach(nodes::add);
        primary = last();
        refresh();
        onSelect.accept(primary);
    }

    /** The nodes whose boxes touch the rectangle from {@code a} to {@code b} (workflow coordinates), plus the current ones if {@code adds}. */
    void selectTouching(Point2D a, Point2D b, boolean adds) {
        Set<String> hit = new LinkedHashSet<>(adds ? nodes : Set.of());
        canvas.byId.forEach((id, box) -> {
            if (box.getLayoutX() < b.getX() && box.getLayoutX() + box.getWidth() > a.getX()
                    && box.getLayoutY() < b.getY() && box.getLayoutY() + box.getHeight() > a.getY()) {
                hit.add(id);
            }
        });
        selectNodes(hit);
    }

    void clear() {
        selectWire(null);
        canvas.frames.select(null);
        if (!nodes.isEmpty()) {
            select(null);
        }
    }

    void selectWire(Link l) {
        if (l != null) {
            select(null);
        }
        canvas.wires.select(l);
    }

    /** Delete/Backspace: the selected nodes (one undo step), else the selected wire, else the selected frame. */
    void delete() {
        if (!nodes.isEmpty()) {
            canvas.vm.groupEdits().deleteNodes(new ArrayList<>(nodes));
        } else if (canvas.wires.selected() != null) {
            canvas.vm.disconnect(canvas.wires.selected());
        } else if (canvas.frames.selected() != null) {
            canvas.frames.delete(canvas.frames.selected());
        }
    }

    /** The selected node ids, in the order they were selected. */
    Set<String> nodes() {
        return Collections.unmodifiableSet(nodes);
    }

    String primary() {
        return primary;
    }

    boolean contains(String id) {
        return nodes.contains(id);
    }

    // ---------------------------------------------------------------- kept in line with the boxes

    /** A new file: nothing selected; the listener is not called. */
    void forgetAll() {
        nodes.clear();
        primary = null;
    }

    /** Drops nodes that no longer exist. */
    void retainExisting(Set<String> ids) {
        nodes.retainAll(ids);
    }

    /** If the primary node's box went, the listener is told nothing is selected. */
    void dropPrimaryIfGone() {
        if (primary != null && !canvas.byId.containsKey(primary)) {
            primary = null;
            onSelect.accept(null);
        }
    }

    private String last() {
        return nodes.stream().reduce((a, b) -> b).orElse(null);
    }

    private void refresh() {
        canvas.byId.forEach((id, b) -> b.showSelected(nodes.contains(id)));
        if (canvas.viewport != null) { // null only while the canvas is being built
            canvas.viewport.endPicture(); // a selection made while a big workflow pans as a picture shows at once
        }
    }
}
