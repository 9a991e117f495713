package org.anneal.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;

/**
 * Presentation mode (Shortcut+Shift+P, View menu): for a lecture hall. Every control's font grows by half, wires
 * get twice as thick, and the palette and inspector fold away so the canvas takes the width (the workflow is fitted
 * to it); the same keys bring the workbench back as it was.
 */
final class PresentationMode {
    /** The root font size in presentation mode (JavaFX's default is about 12-13 px). */
    static final double FONT_PX = 19;
    private final BooleanProperty on = new SimpleBooleanProperty();
    private double[] dividers;
    private java.util.List<javafx.scene.Node> panes;

    PresentationMode(Parent root, SplitPane centre, CanvasView canvas) {
        on.addListener((o, was, now) -> {
            root.setStyle(now ? "-fx-font-size: " + FONT_PX + "px;" : "");
            if (now) { // palette and inspector leave the split (their minimum widths would keep a divider from closing)
                dividers = centre.getDividerPositions();
                panes = java.util.List.copyOf(centre.getItems());
                centre.getItems().setAll(canvas);
            } else if (panes != null) {
                centre.getItems().setAll(panes);
                centre.setDividerPositions(dividers);
            }
            canvas.presentation(now);
            javafx.application.Platform.runLater(canvas::fitToView); // once the canvas has its new width
        });
    }

    BooleanProperty onProperty() {
        return on;
    }

    void toggle() {
        on.set(!on.get());
    }
}
