package org.anneal.editor;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.anneal.ml.Plot;

/**
 * The cells of a heat map (a confusion matrix: true class down, predicted across), shaded from white to
 * blue by value with the value written in each cell, so the counts can be read without a colour scale.
 */
final class HeatmapDrawing {
    private static final Color LOW = Color.WHITE, HIGH = Color.web("#1f4e9a");

    private HeatmapDrawing() {
    }

    static void draw(Plot plot, double x0, double y0, double x1, double y1, List<javafx.scene.Node> out) {
        Plot.Heatmap h = plot.heatmap();
        int rows = h.rowLabels().size(), cols = h.colLabels().size();
        if (rows == 0 || cols == 0) {
            return;
        }
        double labelW = 80, labelH = 18;
        double left = x0 + labelW - 40, top = y0 + labelH;
        double cw = (x1 - left) / cols, ch = (y1 - top) / rows;
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = h.get(r, c);
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double lo = Math.min(0, min); // counts shade from zero, so an empty cell is white
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = h.get(r, c);
                double t = max > lo && Double.isFinite(v) ? (v - lo) / (max - lo) : 0;
                Rectangle cell = new Rectangle(left + c * cw, top + r * ch, cw, ch);
                cell.setFill(LOW.interpolate(HIGH, t));
                cell.setStroke(Color.web("#dadce0"));
                cell.getStyleClass().add("heat-cell");
                cell.setUserData(v);
                javafx.scene.control.Tooltip.install(cell, new javafx.scene.control.Tooltip(
                        h.rowLabels().get(r) + " → " + h.colLabels().get(c) + ": " + format(v)));
                out.add(cell);
                Text count = PlotChart.text(format(v), left + (c + 0.5) * cw, top + (r + 0.5) * ch, "heat-count");
                count.setTextOrigin(VPos.CENTER);
                count.setFill(t > 0.55 ? Color.WHITE : Color.web("#202124")); // readable on dark cells
                PlotChart.centre(count);
                count.setUserData(new int[] {r, c});
                out.add(count);
            }
        }
        for (int c = 0; c < cols; c++) {
            Text t = PlotChart.text(h.colLabels().get(c), left + (c + 0.5) * cw, top - 5, "plot-tick");
            PlotChart.centre(t);
            out.add(t);
        }
        for (int r = 0; r < rows; r++) {
            Text t = PlotChart.text(h.rowLabels().get(r), 0, top + (r + 0.5) * ch, "plot-tick");
            t.setTextOrigin(VPos.CENTER);
            t.setX(left - 6 - t.getLayoutBounds().getWidth());
            out.add(t);
        }
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
