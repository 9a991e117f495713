package org.anneal.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.anneal.exec.NodeStatus;
import org.anneal.graph.NodeInstance;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;

/** One node on the canvas: a header in its phase colour, ports coloured by data kind, a status badge. */
final class NodeBox extends Region {
    static final double WIDTH = 190;
    private static final double HEADER = 28;
    /** Block titles: 15 px reads as ~7.5 px at 50 % zoom on a projector; 12 px (before) read as 6. */
    static final double TITLE_SIZE = 15;
    private static final double ROW = 18;

    private final String nodeId;
    private final String type;
    private final Text badge = text("", 10, false, Color.web("#5f6368"));
    /** A thin bar along the bottom edge while the node runs: its width is the fraction done. */
    private final Rectangle progress = new Rectangle(0, 3, Color.web("#e37400"));
    /** Network blocks only: the output shape and parameter count configure computed ("→ 30×30×8 · 208 params"). */
    private final Text shapeLine;
    /** Top-right of the header: the rules a leakage finding or a validation error raise here ("⚠ L2"); made when first needed. */
    private Label problemBadge;
    private final Map<String, Circle> inputs = new LinkedHashMap<>();
    private final Map<String, Circle> outputs = new LinkedHashMap<>();
    private static final Font PORT_FONT = Font.font("System", 11);
    private static final Font BADGE_FONT = Font.font("System", FontWeight.BOLD, 10);
    /** What level of detail hides when zoomed far out. */
    private final List<javafx.scene.Node> details = new java.util.ArrayList<>();
    private int level = 2;
    /** What level 0 hides as well: the title and the ports. */
    private final List<javafx.scene.Node> outline = new java.util.ArrayList<>();
    private boolean selected;

    NodeBox(NodeInstance node, NodeDescriptor d, boolean locked) {
        this.nodeId = node.id();
        this.type = node.type();
        setId("node-" + node.id());
        List<? extends InPort<?>> ins = d == null ? List.of() : d.inputs();
        List<? extends OutPort<?>> outs = d == null ? List.of() : d.outputs();
        boolean network = ins.stream().anyMatch(p -> p.kind() == org.anneal.spec.DataKind.NETWORK)
                || outs.stream().anyMatch(p -> p.kind() == org.anneal.spec.DataKind.NETWORK);
        double height = HEADER + Math.max(ins.size(), outs.size()) * ROW + 28 + (network ? ROW : 0);
        setPrefSize(WIDTH, height);
        setMinSize(WIDTH, height);
        setMaxSize(WIDTH, height);

        Rectangle body = new Rectangle(WIDTH, height, Color.web("#fbfbfd"));
        body.setArcWidth(10);
        body.setArcHeight(10);
        body.setStroke(Color.web("#9aa0a6"));
        Rectangle header = new Rectangle(WIDTH, HEADER, Color.web(d == null ? "#888888" : d.phase().colour()));
        header.setArcWidth(10);
        header.setArcHeight(10);
        // Text, not Label, like the port names: a 500-node workflow would otherwise build 1,500 label skins on open
        Text title = text(d == null ? "unknown: " + node.type() : d.title(), TITLE_SIZE, true, Color.WHITE);
        title.relocate(d == null ? 8 : 27, 4);
        title.setId("title-" + node.id());
        fitWidth(title, WIDTH - (d == null ? 16 : 33));
        // locked parts of a puzzle say so where the student looks for the node's name
        Text id = text(node.id() + (locked ? "  \u00b7 locked" : ""), 11, false, Color.web("#5f6368"));
        id.relocate(8, height - 19);
        badge.relocate(WIDTH - 80, height - 19);
        badge.setId("badge-" + node.id());
        progress.setId("progress-" + node.id());
        progress.relocate(0, height - 3);
        progress.setVisible(false);
        getChildren().addAll(body, header, title, id, badge, progress);
        shapeLine = network ? text("", 12, true, Color.web("#5f3d2e")) : null;
        if (shapeLine != null) {
            shapeLine.relocate(8, height - 19 - ROW);
            shapeLine.setId("shape-" + node.id());
            getChildren().add(shapeLine);
            details.add(shapeLine);
        }
        if (d != null) { // the family at a glance, also from the back of a lecture hall
            javafx.scene.Node icon = BlockIcons.icon(d, 16, Color.WHITE);
            icon.relocate(6, 4);
            getChildren().add(icon);
            outline.add(icon);
        }
        details.add(id);
        details.add(badge);
        outline.add(title);

        for (int i = 0; i < ins.size(); i++) {
            InPort<?> p = ins.get(i);
            double y = HEADER + 10 + i * ROW;
            Circle c = port(0, y, p.kind().colour(), p.isOptional());
            c.setId("in-" + node.id() + "-" + p.name());
            Text l = portName(p.name(), 9, y);
            inputs.put(p.name(), c);
            outline.add(c);
            getChildren().addAll(c, l);
        }
        for (int i = 0; i < outs.size(); i++) {
            OutPort<?> p = outs.get(i);
            double y = HEADER + 10 + i * ROW;
            Circle c = port(WIDTH, y, p.kind().colour(), false);
            c.setId("out-" + node.id() + "-" + p.name());
            Text l = portName(p.name(), 0, y);
            l.setX(WIDTH - 9 - l.getLayoutBounds().getWidth());
            outputs.put(p.name(), c);
            outline.add(c);
            getChildren().addAll(c, l);
        }
    }

    /**
     * Port names are plain Text, not Labels: a Label needs a skin and a CSS pass, and a 500-node workflow has
     * thousands of port names.
     */
    private Text portName(String name, double x, double y) {
        Text t = new Text(x, y + 4, name);
        t.setFont(PORT_FONT);
        t.setFill(Color.web("#202124"));
        details.add(t);
        return t;
    }

    /** Shrinks a long title's font (never below 11 px) until it fits the header. */
    private static void fitWidth(Text t, double room) {
        double size = TITLE_SIZE;
        while (t.getLayoutBounds().getWidth() > room && size > 11) {
            size -= 0.5;
            t.setFont(Font.font("System", FontWeight.BOLD, size));
        }
    }

    private static Text text(String s, double size, boolean bold, Color fill) {
        Text t = new Text(s);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.setFill(fill);
        t.setTextOrigin(javafx.geometry.VPos.TOP);
        return t;
    }

    private static Circle port(double x, double y, String colour, boolean optional) {
        Circle c = new Circle(x, y, 5, Color.web(colour));
        c.setStroke(optional ? Color.web("#9aa0a6") : Color.web("#3c4043"));
        return c;
    }

    String type() {
        return type;
    }

    String nodeId() {
        return nodeId;
    }

    Map<String, Circle> inputCircles() {
        return inputs;
    }

    Map<String, Circle> outputCircles() {
        return outputs;
    }

    /**
     * Level of detail (see {@link CanvasView#detail}): far out, port names and badges are unreadable anyway, and text
     * is the costliest thing to draw; further out titles and ports go too, and a box is its body and header.
     */
    void showDetail(int level) {
        if (this.level != level) {
            this.level = level;
            details.forEach(n -> n.setVisible(level >= 2));
            outline.forEach(n -> n.setVisible(level >= 1));
        }
    }

    /** Shows what configure computed for a network block; null or "" when it could not (a problem badge says why). */
    void showShape(String text) {
        if (shapeLine != null) {
            shapeLine.setText(text == null ? "" : text);
            fitWidth(shapeLine, WIDTH - 16);
        }
    }

    /** The shape line's text ("" for blocks without one), for tests. */
    String shapeText() {
        return shapeLine == null ? "" : shapeLine.getText();
    }

    void showSelected(boolean selected) {
        if (this.selected == selected) {
            return;
        }
        this.selected = selected;
        ((Rectangle) getChildren().get(0)).setStroke(Color.web(selected ? "#1a73e8" : "#9aa0a6"));
        ((Rectangle) getChildren().get(0)).setStrokeWidth(selected ? 2.5 : 1);
    }

    /** Centre of a port in the coordinates of this box's parent; null for an unknown port. */
    Point2D inputAnchor(String port) {
        Circle c = inputs.get(port);
        return c == null ? null : new Point2D(getLayoutX() + c.getCenterX(), getLayoutY() + c.getCenterY());
    }

    Point2D outputAnchor(String port) {
        Circle c = outputs.get(port);
        return c == null ? null : new Point2D(getLayoutX() + c.getCenterX(), getLayoutY() + c.getCenterY());
    }

    void showState(WorkflowViewModel.NodeState s) {
        badge.setText(s == null ? "" : s.badge());
        String colour = s == null ? "#5f6368" : switch (s.status()) {
            case DONE -> "#188038";
            case CACHED -> "#1a73e8";
            case FAILED -> "#d93025";
            case CANCELLED, SKIPPED -> "#80868b";
            case RUNNING -> "#e37400";
            default -> "#5f6368";
        };
        badge.setFill(Color.web(colour));
        badge.setFont(BADGE_FONT);
        boolean running = s != null && s.status() == NodeStatus.RUNNING;
        progress.setVisible(running);
        progress.setWidth(running ? WIDTH * Math.max(0, Math.min(1, s.progress())) : 0);
        if (s != null && s.status() == NodeStatus.FAILED) {
            javafx.scene.control.Tooltip.install(this, new javafx.scene.control.Tooltip(s.message()));
        }
    }

    /**
     * Marks the node with what validation and the leakage analysis say about it: a red glow and "✖" for errors, an
     * amber glow and "⚠" for warnings only, followed by the rule ids (L2, D3) so a student can find them in the
     * problems pane; the tooltip lists every message. Null or empty clears the mark.
     */
    void showProblems(List<org.anneal.graph.Problem> mine, List<String> rules) {
        if (mine == null || mine.isEmpty()) {
            setStyle("");
            if (problemBadge != null) {
                problemBadge.setVisible(false);
                problemBadge.setText("");
            }
            return;
        }
        if (problemBadge == null) {
            // most nodes never have a problem: no label (and no skin, no CSS) for them
            problemBadge = new Label("");
            problemBadge.setId("problem-badge-" + nodeId);
            getChildren().add(problemBadge);
        }
        boolean error = mine.stream().anyMatch(org.anneal.graph.Problem::isError);
        String colour = error ? "#d93025" : "#e37400";
        setStyle("-fx-effect: dropshadow(gaussian, " + colour + ", 8, 0.5, 0, 0);");
        problemBadge.setText((error ? "\u2716" : "\u26a0") + (rules.isEmpty() ? "" : " " + String.join(" ", rules)));
        problemBadge.setStyle("-fx-font-size: 10px; -fx-font-weight: bold; -fx-text-fill: white; -fx-background-color: " + colour
                + "; -fx-background-radius: 6; -fx-padding: 0 4 0 4;");
        problemBadge.applyCss();
        problemBadge.autosize();
        problemBadge.relocate(WIDTH - problemBadge.prefWidth(-1) - 6, 5);
        problemBadge.setVisible(true);
        javafx.scene.control.Tooltip.install(problemBadge, new javafx.scene.control.Tooltip(
                String.join("\n", mine.stream().map(org.anneal.graph.Problem::message).toList())));
    }

    /** The text of the problem badge ("" when there is none), for tests. */
    String problemBadgeText() {
        return problemBadge != null && problemBadge.isVisible() ? problemBadge.getText() : "";
    }
}
