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

    /** {@code centre} holds palette, {@code work} (canvas over data pane) and inspector; only {@code work} stays. */
    PresentationMode(Parent root, SplitPane centre, javafx.scene.Node work, CanvasView canvas) {
        on.addListener((o, was, now) -> {
            root.setStyle(now ? "-fx-font-size: " + FONT_PX + "px;" : "");
            if (now) { // palette and inspector leave the split (their minimum widths would keep a divider from closing)
                dividers = centre.getDividerPositions();
                panes = java.util.List.copyOf(centre.getItems());
                centre.getItems().setAll(work);
            } else if (panes != null) {
                centre.getItems().setAll(panes);
                centre.setDividerPositions(dividers);
            }
            canvas.presentation(now);
            fitOnceLaidOut(canvas);
        });
    }

    /**
     * Fits the workflow once the canvas has its new width. A runLater alone can run before the layout pulse that
     * widens the canvas, and then fits the old width; so also fit on the first width change that follows.
     */
    private static void fitOnceLaidOut(CanvasView canvas) {
        javafx.beans.value.ChangeListener<Number> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                canvas.widthProperty().removeListener(this);
                javafx.application.Platform.runLater(canvas::fitToView);
            }
        };
        canvas.widthProperty().addListener(once);
        javafx.application.Platform.runLater(canvas::fitToView);
    }

    BooleanProperty onProperty() {
        return on;
    }

    void toggle() {
        on.set(!on.get());
    }
}
