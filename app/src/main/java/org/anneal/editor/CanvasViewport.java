package org.anneal.editor;

import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.anneal.graph.Frame;

/**
 * Where the canvas looks: pan, zoom and fit, and what is drawn while the view moves.
 *
 * <p>Why it pans fast: the whole drawing is one group under a translate and a scale, so panning changes two
 * numbers; while the view moves the group is cached as a bitmap (or, for big workflows, a {@link PanSnapshot});
 * and what lies well outside the view is hidden.
 */
final class CanvasViewport {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 3;
    /** Fit magnifies a small workflow up to this, so three blocks fill a projector's canvas instead of a corner of it. */
    static final double MAX_FIT_ZOOM = 2;
    /** Below this zoom, port names and badges are unreadable and hidden (text is the costliest thing to draw). */
    private static final double DETAIL_ZOOM = 0.45;
    /** Below this, titles and ports are a pixel or two high: boxes are drawn as coloured blocks, which is what one sees. */
    private static final double OUTLINE_ZOOM = 0.3;
    private static final int PICTURE_PAN_NODES = 100;
    /** Off: pan with JavaFX's node cache only, as before PanSnapshot; the benchmark compares both in one run. */
    static boolean picturePan = true;

    private final CanvasView canvas;
    private final Group world;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1);
    private final GridBackground grid = new GridBackground();
    private final PauseTransition settle = new PauseTransition(Duration.millis(250));
    /** Big workflows pan as a picture (see {@link PanSnapshot}); small ones draw fast enough as they are. */
    private final PanSnapshot picture;
    private boolean needsFit;
    /** The view is a fit the student has not moved since: it follows the canvas's size (a chart growing the data pane). */
    private boolean followsSize;
    private double[] culled;

    CanvasViewport(CanvasView canvas, Group world) {
        this.canvas = canvas;
        this.world = world;
        this.picture = new PanSnapshot(world, () -> cull(true));
        world.getTransforms().setAll(pan, zoom);
        settle.setOnFinished(e -> {
            picture.end();
            world.setCache(false); // back to crisp rendering once the view rests
            cull(true);
        });
    }

    GridBackground grid() {
        return grid;
    }

    PanSnapshot picture() {
        return picture;
    }

    /** Pans the view, as dragging empty space does. */
    void panBy(double dx, double dy) {
        followsSize = false;
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
        viewChanged();
        moving();
    }

    /** Zooms by {@code factor} keeping the workflow point under (x, y) (view coordinates) where it is. */
    void zoomAt(double x, double y, double factor) {
        followsSize = false;
        double s = zoom.getX();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s * factor));
        Point2D w = viewToWorld(x, y);
        zoom.setX(next);
        zoom.setY(next);
        pan.setX(x - w.getX() * next);
        pan.setY(y - w.getY() * next);
        int detail = detail(next);
        if (detail(s) != detail) {
            canvas.byId.values().forEach(b -> b.showDetail(detail));
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

    /** Fit to view: the whole workflow and its frames visible and centred; a small one is magnified (up to MAX_FIT_ZOOM) to fill the canvas. */
    void fitToView() {
        needsFit = true;
        followsSize = true;
        viewChanged();
    }

    /** The canvas was resized: a fitted view the student has not panned or zoomed is fitted again. */
    void sizeChanged() {
        needsFit |= followsSize;
        viewChanged();
    }

    /** Stops panning as a picture, so an edit shows at once, also in the middle of a pan. */
    void endPicture() {
        picture.end();
    }

    /** The boxes changed: the next cull looks at all of them again. */
    void forgetCull() {
        culled = null;
    }

    /**
     * While the view moves, the drawing is rendered once into a bitmap and the bitmap is moved (CacheHint.SPEED
     * also reuses it while zooming); a quarter second after the last move it is drawn crisply again.
     */
    private void moving() {
        if (picturePan && canvas.byId.size() >= PICTURE_PAN_NODES) {
            picture.follow(pan.getX(), pan.getY(), zoom.getX(), canvas.getWidth(), canvas.getHeight());
        } else if (!world.isCache()) {
            world.setCacheHint(CacheHint.SPEED);
            world.setCache(true);
        }
        settle.playFromStart();
    }

    void viewChanged() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (needsFit && width >= 50 && height >= 50 && !canvas.byId.isEmpty()) {
            needsFit = false;
            double[] r = contentBounds();
            double s = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, Math.min((width - 60) / (r[2] - r[0]), (height - 60) / (r[3] - r[1]))));
            int detail = detail(s);
            if (detail(zoom.getX()) != detail) {
                canvas.byId.values().forEach(b -> b.showDetail(detail));
            }
            zoom.setX(s);
            zoom.setY(s);
            // centred, so a small workflow magnified for a projector sits in the middle, not in a corner
            pan.setX((width - (r[2] - r[0]) * s) / 2 - r[0] * s);
            pan.setY((height - (r[3] - r[1]) * s) / 2 - r[1] * s);
        }
        grid.follow(width, height, pan.getX(), pan.getY(), zoom.getX());
        canvas.overlay.update();
        cull(false);
    }

    /** minX, minY, maxX, maxY of all boxes and frames, in workflow coordinates. */
    private double[] contentBounds() {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (NodeBox b : canvas.byId.values()) {
            r[0] = Math.min(r[0], b.getLayoutX());
            r[1] = Math.min(r[1], b.getLayoutY());
            r[2] = Math.max(r[2], b.getLayoutX() + b.getPrefWidth());
            r[3] = Math.max(r[3], b.getLayoutY() + b.getPrefHeight());
        }
        for (Frame f : canvas.vm.groupEdits().frames()) {
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
    void cull(boolean force) {
        if (canvas.byId.size() < 100) {
            return; // small workflows draw fast enough; skip the bookkeeping
        }
        double s = zoom.getX();
        Point2D a = viewToWorld(0, 0);
        Point2D b = viewToWorld(canvas.getWidth(), canvas.getHeight());
        if (!force && culled != null && a.getX() >= culled[0] && a.getY() >= culled[1] && b.getX() <= culled[2] && b.getY() <= culled[3]) {
            return;
        }
        double mx = canvas.getWidth() / 2 / s;
        double my = canvas.getHeight() / 2 / s;
        culled = new double[] {a.getX() - mx, a.getY() - my, b.getX() + mx, b.getY() + my};
        for (NodeBox box : canvas.byId.values()) {
            boolean visible = box.getLayoutX() + box.getPrefWidth() >= culled[0] && box.getLayoutX() <= culled[2]
                    && box.getLayoutY() + box.getPrefHeight() >= culled[1] && box.getLayoutY() <= culled[3];
            if (box.isVisible() != visible) {
                box.setVisible(visible);
            }
        }
        for (CubicCurve c : canvas.wires.curves()) {
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
}
