package org.anneal.editor;

import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

/**
 * The canvas grid: a region one tile larger than the view, filled with a tiled pattern and cached as a
 * bitmap. Panning only shifts it by the pan modulo one tile, so the grid costs a blit per frame, not a
 * redraw; only a change of zoom repaints it.
 */
final class GridBackground extends Region {
    /** Grid spacing in workflow coordinates; coarser steps take over when the fine one gets too dense. */
    static final double STEP = 20;
    private static final WritableImage TILE = tile();
    private double tile = -1;

    GridBackground() {
        setMouseTransparent(true);
        setManaged(false);
        setCache(true);
    }

    /** Follows the view: {@code size} is the canvas size, (panX, panY) and {@code zoom} its transform. */
    void follow(double width, double height, double panX, double panY, double zoom) {
        double t = STEP * zoom;
        while (t < 10) {
            t *= 5; // 20, 100, 500 workflow units: never denser than one line per 10 pixels
        }
        if (t != tile) {
            tile = t;
            setBackground(new Background(new BackgroundFill(new ImagePattern(TILE, 0, 0, t, t, false), null, null)));
        }
        resize(width + 2 * t, height + 2 * t);
        setTranslateX(Math.floorMod((long) Math.floor(panX * 16), (long) Math.round(t * 16)) / 16.0 - t);
        setTranslateY(Math.floorMod((long) Math.floor(panY * 16), (long) Math.round(t * 16)) / 16.0 - t);
    }

    double tileSize() {
        return tile;
    }

    /** One cell: a faint line on the top and left edges. */
    private static WritableImage tile() {
        int n = 40;
        WritableImage img = new WritableImage(n, n);
        Color bg = Color.web("#f1f3f4");
        Color line = Color.web("#dadce0");
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                img.getPixelWriter().setColor(x, y, x == 0 || y == 0 ? line : bg);
            }
        }
        return img;
    }
}
