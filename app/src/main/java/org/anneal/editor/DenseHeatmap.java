package org.anneal.editor;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.anneal.plots.HeatmapLayout;

/**
 * A heat map whose cells are too small for numbers (a map of thousands of pixels) as one image, one image pixel per
 * cell, scaled onto the plot area: one node instead of a rectangle, a text and a tooltip per cell, which would make a
 * 100 × 100 map 30,000 scene nodes.
 */
final class DenseHeatmap {
    private DenseHeatmap() {
    }

    static ImageView image(HeatmapLayout layout, int rows, int cols) {
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter w = img.getPixelWriter();
        for (HeatmapLayout.Cell c : layout.cells()) {
            w.setArgb(c.col(), c.row(), 0xff000000 | c.fill());
        }
        ImageView view = new ImageView(img);
        view.setSmooth(false); // pixels stay pixels when the map is enlarged
        view.setX(layout.left());
        view.setY(layout.top());
        view.setFitWidth(layout.cellW() * cols);
        view.setFitHeight(layout.cellH() * rows);
        view.getStyleClass().add("heat-map-image");
        return view;
    }
}
