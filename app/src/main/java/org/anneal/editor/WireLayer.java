package org.anneal.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.anneal.graph.Link;

/**
 * The wires, one cached curve per link. Curves are created when a link appears and only their end points
 * move when a node moves, so dragging one node in a 500-node workflow touches a handful of curves instead of
 * rebuilding them all.
 */
final class WireLayer extends Group {
    private static final Color NORMAL = Color.web("#5f6368");
    private static final Color SELECTED = Color.web("#1a73e8");

    private final Map<Link, CubicCurve> curves = new LinkedHashMap<>();
    private final Map<String, List<Link>> byNode = new HashMap<>();
    private final Consumer<Link> onClick;
    private Link selected;

    WireLayer(Consumer<Link> onClick) {
        this.onClick = onClick;
    }

    /** Adds curves for new links and drops those of removed ones; existing curves are kept as they are. */
    void sync(List<Link> links, Map<String, NodeBox> boxes, Predicate<Link> locked) {
        Set<Link> wanted = new HashSet<>(links);
        List<Link> gone = new ArrayList<>();
        curves.keySet().stream().filter(l -> !wanted.contains(l)).forEach(gone::add);
        gone.forEach(l -> getChildren().remove(curves.remove(l)));
        for (Link l : links) {
            if (!curves.containsKey(l)) {
                CubicCurve c = new CubicCurve();
                c.setFill(null);
                c.setId("wire-" + l.from() + "-" + l.to());
                if (locked.test(l)) {
                    c.getStrokeDashArray().setAll(2.0, 3.0); // locked wires are dotted
                }
                c.setOnMouseClicked(e -> {
                    onClick.accept(l);
                    e.consume();
                });
                curves.put(l, c);
                getChildren().add(c);
            }
        }
        byNode.clear();
        for (Link l : curves.keySet()) {
            byNode.computeIfAbsent(l.from().node(), k -> new ArrayList<>()).add(l);
            byNode.computeIfAbsent(l.to().node(), k -> new ArrayList<>()).add(l);
        }
        if (selected != null && !curves.containsKey(selected)) {
            selected = null;
        }
        curves.forEach((l, c) -> {
            place(l, c, boxes);
            style(l, c);
        });
    }

    /** Re-routes only the wires that touch {@code moved} nodes. */
    void nodesMoved(Collection<String> moved, Map<String, NodeBox> boxes) {
        Set<Link> touched = new HashSet<>();
        for (String id : moved) {
            touched.addAll(byNode.getOrDefault(id, List.of()));
        }
        touched.forEach(l -> place(l, curves.get(l), boxes));
    }

    void select(Link l) {
        Link old = selected;
        selected = l;
        if (old != null && curves.containsKey(old)) {
            style(old, curves.get(old));
        }
        if (l != null && curves.containsKey(l)) {
            style(l, curves.get(l));
        }
    }

    Link selected() {
        return selected;
    }

    Collection<CubicCurve> curves() {
        return curves.values();
    }

    /** Presentation mode: wires twice as thick, so they show on a projector. */
    private double thickness = 1;

    void thick(boolean on) {
        thickness = on ? 2 : 1;
        curves.forEach(this::style);
    }

    private void style(Link l, CubicCurve c) {
        boolean on = l.equals(selected);
        c.setStroke(on ? SELECTED : NORMAL);
        c.setStrokeWidth((on ? 3 : 1.6) * thickness);
    }

    /** A wire to an unknown port is hidden (it is listed under Problems instead). */
    private static void place(Link l, CubicCurve c, Map<String, NodeBox> boxes) {
        NodeBox from = boxes.get(l.from().node());
        NodeBox to = boxes.get(l.to().node());
        Point2D a = from == null ? null : from.outputAnchor(l.from().port());
        Point2D b = to == null ? null : to.inputAnchor(l.to().port());
        if (a == null || b == null) {
            c.setUserData(Boolean.TRUE); // culling leaves broken wires hidden
            c.setVisible(false);
            return;
        }
        c.setUserData(null);
        double dx = Math.max(40, Math.abs(b.getX() - a.getX()) / 2);
        c.setStartX(a.getX());
        c.setStartY(a.getY());
        c.setControlX1(a.getX() + dx);
        c.setControlY1(a.getY());
        c.setControlX2(b.getX() - dx);
        c.setControlY2(b.getY());
        c.setEndX(b.getX());
        c.setEndY(b.getY());
    }
}
