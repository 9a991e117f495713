package org.anneal.editor;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/** The zoom controls in the canvas's bottom-right corner: −, the zoom level, +, Fit, and a "?" with the gestures. */
final class CanvasOverlay extends HBox {
    static final String HELP = String.join("\n",
            "Pan: drag empty space, or drag with the middle mouse button anywhere.",
            "Zoom: scroll the wheel; the point under the mouse stays put. Fit: " + CanvasKeys.label(javafx.scene.input.KeyCode.DIGIT0) + ".",
            "Select: click a node; Shift- or " + CanvasKeys.modifier() + "-click adds or removes one;",
            "  Shift- or " + CanvasKeys.modifier() + "-drag on empty space draws a selection rectangle.",
            "Move: drag a selected node; the whole selection follows.",
            "Delete / Backspace deletes; " + CanvasKeys.label(javafx.scene.input.KeyCode.A) + " selects all; " + CanvasKeys.label(javafx.scene.input.KeyCode.D) + " duplicates;",
            "  " + CanvasKeys.label(javafx.scene.input.KeyCode.C) + " / " + CanvasKeys.label(javafx.scene.input.KeyCode.V) + " copy and paste (also between windows).",
            "Add a node: double-click empty space and type; Enter adds it there.",
            "Frames: " + CanvasKeys.label(javafx.scene.input.KeyCode.G) + " frames the selection; drag a frame's title to move it with its nodes,",
            "  its corner to resize; double-click the title to rename; right-click for colour and delete.",
            "Wire: drag from an output port to an input port; Escape cancels.");

    private final CanvasView canvas;
    private final Label level = new Label();

    CanvasOverlay(CanvasView canvas) {
        super(4);
        this.canvas = canvas;
        setId("canvasOverlay");
        setManaged(false);
        setAlignment(Pos.CENTER_RIGHT);
        setPadding(new Insets(4));
        setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 6;");
        Button out = button("−", "zoomOutButton", "Zoom out (" + CanvasKeys.label(javafx.scene.input.KeyCode.MINUS) + ")");
        out.setOnAction(e -> canvas.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 0.8));
        Button in = button("+", "zoomInButton", "Zoom in (" + CanvasKeys.label(javafx.scene.input.KeyCode.EQUALS) + ")");
        in.setOnAction(e -> canvas.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 1.25));
        Button fit = button("Fit", "fitButton", "Show the whole workflow (" + CanvasKeys.label(javafx.scene.input.KeyCode.DIGIT0) + ")");
        fit.setOnAction(e -> canvas.fitToView());
        Label help = new Label(" ? ");
        help.setId("canvasHelp");
        help.setStyle("-fx-font-weight: bold; -fx-border-color: #9aa0a6; -fx-border-radius: 9;");
        Tooltip tip = new Tooltip(HELP);
        tip.setShowDelay(Duration.millis(200));
        tip.setShowDuration(Duration.minutes(2));
        help.setTooltip(tip);
        level.setId("zoomLevel");
        level.setMinWidth(42);
        level.setAlignment(Pos.CENTER);
        getChildren().addAll(out, level, in, fit, help);
    }

    /** Called on every view change; touches the scene graph only when something shown changed, so panning stays cheap. */
    void update() {
        String text = String.format(Locale.ROOT, "%d %%", Math.round(canvas.zoom() * 100));
        if (!text.equals(level.getText())) {
            level.setText(text);
        }
        autosize();
        double x = canvas.getWidth() - getWidth() - 8;
        double y = canvas.getHeight() - getHeight() - 8;
        if (x != getLayoutX() || y != getLayoutY()) {
            relocate(x, y);
        }
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
