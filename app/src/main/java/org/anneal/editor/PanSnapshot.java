package org.anneal.editor;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Panning a big workflow as one picture. On the first move the drawing is rendered once into an image of the
 * view plus half a view on every side; while the view keeps moving that image is moved and scaled instead of
 * the drawing, and the drawing itself is hidden. When the view rests the canvas ends it and draws crisply again.
 *
 * <p>Why not JavaFX's own node cache (CacheHint.SPEED): measured on the software pipeline (Xvfb, Monocle),
 * a pan frame of a cached 500-node group still took 50–100 ms to paint, one image of the view a few ms.
 */
final class PanSnapshot extends ImageView {
    private final Node drawing;
    private final Runnable beforeTake;
    private final Translate shift = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    /** The pan and zoom the image was taken at, and the part of the view it covers. */
    private double panX;
    private double panY;
    private double zoom;
    private Rectangle2D covered;

    /** {@code beforeTake}: brings the drawing up to date for the current view (culling) before it is pictured. */
    PanSnapshot(Node drawing, Runnable beforeTake) {
        this.drawing = drawing;
        this.beforeTake = beforeTake;
        setId("panPicture");
        setManaged(false);
        setMouseTransparent(true);
        setVisible(false);
        getTransforms().setAll(shift, scale);
    }

    boolean active() {
        return isVisible();
    }

    /**
     * Shows the drawing as it would be at pan (x, y) and {@code z}, taking a new image when there is none or
     * the view has left the part the image covers. {@code w}, {@code h}: the size of the view.
     */
    void follow(double x, double y, double z, double w, double h) {
        if (!active() || z != zoom && Math.abs(z / zoom - 1) > 0.25 || !covers(x, y, z, w, h)) {
            take(x, y, z, w, h);
        }
        double k = z / zoom;
        scale.setX(k);
        scale.setY(k);
        // image pixel q showed the view point v = q + corner; a workflow point seen at v then is at (v - pan) * k + new pan now
        shift.setX(x + (covered.getMinX() - panX) * k);
        shift.setY(y + (covered.getMinY() - panY) * k);
    }

    /** Back to drawing the real nodes. */
    void end() {
        if (active()) {
            setVisible(false);
            setImage(null);
            drawing.setVisible(true);
        }
    }

    private boolean covers(double x, double y, double z, double w, double h) {
        // the view's corners in the coordinates the image was taken in
        double k = z / zoom;
        double x0 = (0 - x) / k + panX;
        double y0 = (0 - y) / k + panY;
        double x1 = (w - x) / k + panX;
        double y1 = (h - y) / k + panY;
        return x0 >= covered.getMinX() && y0 >= covered.getMinY() && x1 <= covered.getMaxX() && y1 <= covered.getMaxY();
    }

    private void take(double x, double y, double z, double w, double h) {
        covered = new Rectangle2D(-w / 2, -h / 2, 2 * w, 2 * h);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        p.setViewport(covered);
        beforeTake.run();
        drawing.setVisible(true);
        WritableImage image = drawing.snapshot(p, null);
        drawing.setVisible(false);
        setImage(image);
        panX = x;
        panY = y;
        zoom = z;
        setVisible(true);
    }
}
