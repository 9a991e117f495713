package org.anneal.editor;

import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.SVGPath;
import org.anneal.spec.Phase;

/**
 * A small drawn icon per CRISP-DM phase, for block headers and palette headings: a database for data, a funnel for
 * preparation, a network for modelling, a bar chart for evaluation, an outgoing arrow for deployment. Vector paths
 * on a 16 × 16 grid rather than an icon font, so they need no extra dependency and stay sharp on a projector.
 */
final class PhaseIcons {
    private PhaseIcons() {
    }

    /** The outline of the icon for {@code p}, on a 16 × 16 grid. */
    static String path(Phase p) {
        return switch (p) {
            // a cylinder: top ellipse, sides, bottom arc
            case DATA -> "M2 3.5 C2 1.5 14 1.5 14 3.5 L14 12.5 C14 14.5 2 14.5 2 12.5 Z M2 3.5 C2 5.5 14 5.5 14 3.5 M2 8 C2 10 14 10 14 8";
            // a funnel
            case PREPARE -> "M1 2 L15 2 L10 8.5 L10 14 L6 12 L6 8.5 Z";
            // three connected nodes
            case MODEL -> "M4 4 m-2.5 0 a2.5 2.5 0 1 0 5 0 a2.5 2.5 0 1 0 -5 0 M12 8 m-2.5 0 a2.5 2.5 0 1 0 5 0 a2.5 2.5 0 1 0 -5 0 "
                    + "M4 12 m-2.5 0 a2.5 2.5 0 1 0 5 0 a2.5 2.5 0 1 0 -5 0 M6.2 5.2 L9.8 6.8 M6.2 10.8 L9.8 9.2";
            // three bars on a base line
            case EVALUATE -> "M1 15 L15 15 M2.5 14 L2.5 9 L5.5 9 L5.5 14 Z M6.5 14 L6.5 3 L9.5 3 L9.5 14 Z M10.5 14 L10.5 6 L13.5 6 L13.5 14 Z";
            // an arrow leaving a box
            case DEPLOY -> "M9 2 L14 2 L14 7 M14 2 L7 9 M12 10 L12 14 L2 14 L2 4 L6 4";
        };
    }

    /** The icon for {@code p}, drawn in {@code ink}. */
    static SVGPath icon(Phase p, Paint ink) {
        SVGPath s = new SVGPath();
        s.setContent(path(p));
        s.setFill(Color.TRANSPARENT);
        s.setStroke(ink);
        s.setStrokeWidth(1.5);
        s.getStyleClass().add("phase-icon");
        s.setId("icon-" + p.name().toLowerCase(java.util.Locale.ROOT));
        return s;
    }
}
