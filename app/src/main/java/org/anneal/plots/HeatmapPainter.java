package org.anneal.plots;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.awt.geom.Rectangle2D;
import org.anneal.ml.Plot;

/** A heat map in Java2D, laid out by {@link HeatmapLayout} exactly as the editor lays it out. */
final class HeatmapPainter {
    private HeatmapPainter() {
    }

    static void paint(Canvas c, Plot plot, int width, int height) {
        Plot.Heatmap h = plot.heatmap();
        int rows = h.rowLabels().size();
        int cols = h.colLabels().size();
        if (rows == 0 || cols == 0) {
            return;
        }
        double x0 = PlotRenderer.LEFT, y0 = PlotRenderer.TOP, x1 = width - PlotRenderer.RIGHT, y1 = height - PlotRenderer.BOTTOM;
        HeatmapLayout layout = HeatmapLayout.of(h, x0, y0, x1, y1, c::textWidth);
        Color border = new Color(PlotPalette.GRID);
        boolean dense = layout.dense();
        if (dense) {
            paintImage(c, layout, rows, cols);
        }
        for (HeatmapLayout.Cell cell : dense ? List.<HeatmapLayout.Cell>of() : layout.cells()) {
            Rectangle2D r = new Rectangle2D.Double(layout.cellX(cell.col()), layout.cellY(cell.row()), layout.cellW(), layout.cellH());
            c.g.setColor(new Color(cell.fill()));
            c.g.fill(r);
            c.g.setColor(border);
            c.g.draw(r);
            c.g.setColor(new Color(cell.ink()));
            c.text(cell.text(), r.getCenterX(), r.getCenterY(), 0.5, 0.5);
        }
        c.g.setColor(Canvas.INK);
        int rowStep = HeatmapLayout.labelStep(layout.cellH(), 14);
        for (int r = 0; r < rows; r += rowStep) {
            c.text(h.rowLabels().get(r), layout.left() - 6, layout.cellY(r) + layout.cellH() / 2, 1, 0.5);
        }
        double widest = h.colLabels().stream().mapToDouble(c::textWidth).max().orElse(0);
        int colStep = dense ? HeatmapLayout.labelStep(layout.cellW(), widest + 6) : 1;
        for (int col = 0; col < cols; col += colStep) {
            c.text(h.colLabels().get(col), layout.cellX(col) + layout.cellW() / 2, layout.top() - 5, 0.5, 1);
        }
        c.text(plot.xLabel(), (layout.left() + x1) / 2.0, y1 + 26, 0.5, 0);
        c.rotatedText(plot.yLabel(), 16, (layout.top() + y1) / 2.0, -90, 0.5, 0);
    }

    /** A dense map as one image, a pixel per cell, enlarged without smoothing: antialiased rectangles would leave seams. */
    private static void paintImage(Canvas c, HeatmapLayout layout, int rows, int cols) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (HeatmapLayout.Cell cell : layout.cells()) {
            img.setRGB(cell.col(), cell.row(), cell.fill());
        }
        c.g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        c.g.drawImage(img, (int) Math.round(layout.left()), (int) Math.round(layout.top()), (int) Math.round(layout.cellW() * cols),
                (int) Math.round(layout.cellH() * rows), null);
    }
}
