package org.anneal.plots;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import org.anneal.ml.Plot;

/** A heat map: one cell per value, shaded from white to blue by size, with the number written in the cell. */
final class HeatmapPainter {
    private HeatmapPainter() {
    }

    static void paint(Canvas c, Plot plot, int width, int height) {
        Plot.Heatmap h = plot.heatmap();
        int rows = h.rowLabels().size();
        int cols = h.colLabels().size();
        int labelWidth = Math.max(40, h.rowLabels().stream().mapToInt(c::textWidth).max().orElse(0) + 12);
        int left = 28 + labelWidth;
        int top = PlotRenderer.TOP;
        int w = width - left - PlotRenderer.RIGHT;
        int hgt = height - top - PlotRenderer.BOTTOM;
        double max = 0;
        for (double[] row : h.values()) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double cw = w / (double) Math.max(1, cols);
        double ch = hgt / (double) Math.max(1, rows);
        Color full = Canvas.PALETTE[0];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                double v = h.get(r, col);
                double t = max == 0 ? 0 : Math.abs(v) / max;
                Color fill = new Color(mix(255, full.getRed(), t), mix(255, full.getGreen(), t), mix(255, full.getBlue(), t));
                Rectangle2D cell = new Rectangle2D.Double(left + col * cw, top + r * ch, cw, ch);
                c.g.setColor(fill);
                c.g.fill(cell);
                c.g.setColor(Color.WHITE);
                c.g.draw(cell);
                // dark cells get white numbers so they stay readable
                c.g.setColor(t > 0.55 ? Color.WHITE : Canvas.INK);
                c.text(Canvas.number(v), cell.getCenterX(), cell.getCenterY(), 0.5, 0.5);
            }
        }
        c.g.setColor(Canvas.INK);
        for (int r = 0; r < rows; r++) {
            c.text(h.rowLabels().get(r), left - 6, top + (r + 0.5) * ch, 1, 0.5);
        }
        for (int col = 0; col < cols; col++) {
            c.text(h.colLabels().get(col), left + (col + 0.5) * cw, top + hgt + 6, 0.5, 0);
        }
        c.text(plot.xLabel(), left + w / 2.0, top + hgt + 28, 0.5, 0);
        c.rotatedText(plot.yLabel(), 14, top + hgt / 2.0, -90, 0.5, 0);
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
