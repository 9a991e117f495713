package org.anneal.editor;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.shape.Rectangle;

/**
 * The mouse on the canvas's empty space (gestures on boxes live in {@link NodeGestures}): drag or middle-drag to
 * pan, wheel to zoom, Shift/Shortcut-drag for a selection rectangle, double-click for quick-add, right-click for
 * the canvas menu, and nodes dropped in from the palette.
 */
final class CanvasGestures {
    private final CanvasView canvas;
    private final Rectangle band = new Rectangle();
    private double lastX;
    private double lastY;
    private boolean panning;
    private Point2D bandStart;
    private boolean bandAdds;
    /** Where the mouse last was over the canvas, in view coordinates; null when outside. */
    private Point2D mouse;

    CanvasGestures(CanvasView canvas) {
        this.canvas = canvas;
        band.setId("rubberBand");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        band.setStyle("-fx-fill: rgba(26,115,232,0.12); -fx-stroke: #1a73e8; -fx-stroke-dash-array: 4 3;");
    }

    /** The selection rectangle, drawn above the workflow. */
    Rectangle band() {
        return band;
    }

    /** Where the mouse is over the canvas, in view coordinates; null when outside. */
    Point2D mouse() {
        return mouse;
    }

    void install() {
        installMouse();
        installDrop();
    }

    private void installMouse() {
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, e -> mouse = new Point2D(e.getX(), e.getY()));
        canvas.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == canvas) {
                mouse = null;
            }
        });
        // the middle button pans wherever it is pressed, even over a node
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.MIDDLE) {
                startPan(e);
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (panning && e.isMiddleButtonDown()) {
                dragPan(e);
                e.consume();
            }
        });
        canvas.setOnMousePressed(e -> {
            if (e.getTarget() != canvas || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            canvas.requestFocus();
            if (e.getClickCount() == 2) {
                QuickAddPopup.show(canvas, new Point2D(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
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
                canvas.clearSelection();
                startPan(e);
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (bandStart != null) {
                band.relocate(Math.min(bandStart.getX(), e.getX()), Math.min(bandStart.getY(), e.getY()));
                band.setWidth(Math.abs(e.getX() - bandStart.getX()));
                band.setHeight(Math.abs(e.getY() - bandStart.getY()));
            } else if (panning) {
                dragPan(e);
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (bandStart != null) {
                selectInBand();
            }
            bandStart = null;
            band.setVisible(false);
            panning = false;
        });
        canvas.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                // a wheel notch is 40 pixels on desktop platforms but 1 on some (Monocle): count at least one notch
                double notches = Math.abs(e.getDeltaY()) >= 40 ? e.getDeltaY() / 40 : Math.signum(e.getDeltaY());
                canvas.zoomAt(e.getX(), e.getY(), Math.pow(1.1, notches));
                e.consume();
            }
        });
        canvas.setOnContextMenuRequested(e -> {
            if (e.getTarget() == canvas) {
                CanvasMenus.forCanvas(canvas, new Point2D(e.getX(), e.getY())).show(canvas, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** Nodes dragged in from the palette (a press-drag-release gesture), or a type id dropped as text. */
    private void installDrop() {
        canvas.setOnMouseDragReleased(e -> {
            String type = PaletteView.draggedType(e.getGestureSource());
            if (type != null) {
                Point2D p = canvas.boxLayer().sceneToLocal(e.getSceneX(), e.getSceneY());
                String id = canvas.vm.addNode(type, p.getX(), p.getY());
                if (id != null) {
                    canvas.select(id);
                }
                e.consume();
            }
        });
        canvas.setOnDragOver(e -> {
            if (e.getDragboard().hasString() && canvas.vm.registry().find(e.getDragboard().getString()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        canvas.setOnDragDropped(e -> {
            Point2D p = canvas.boxLayer().sceneToLocal(e.getSceneX(), e.getSceneY());
            String id = canvas.vm.addNode(e.getDragboard().getString(), p.getX(), p.getY());
            e.setDropCompleted(id != null);
            if (id != null) {
                canvas.select(id);
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
        canvas.panBy(e.getX() - lastX, e.getY() - lastY);
        lastX = e.getX();
        lastY = e.getY();
    }

    private void selectInBand() {
        Point2D a = canvas.viewToWorld(band.getLayoutX(), band.getLayoutY());
        Point2D b = canvas.viewToWorld(band.getLayoutX() + band.getWidth(), band.getLayoutY() + band.getHeight());
        canvas.selectTouching(a, b, bandAdds);
    }
}
