package org.anneal.editor;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.anneal.ml.Plot;
import org.anneal.plots.HeatmapLayout;
import org.anneal.plots.PlotPalette;

/**
 * The cells of a heat map as JavaFX shapes, laid out by {@link HeatmapLayout} exactly as the PNG renderer lays
 * them out, with the value written in each cell so the counts can be read without a colour scale.
 */
final class HeatmapDrawing {
    private HeatmapDrawing() {
    }

    static void draw(Plot plot, double x0, double y0, double x1, double y1, List<javafx.scene.Node> out) {
        Plot.Heatmap h = plot.heatmap();
        int rows = h.rowLabels().size(), cols = h.colLabels().size();
        if (rows == 0 || cols == 0) {
            return;
        }
        HeatmapLayout layout = HeatmapLayout.of(h, x0, y0, x1, y1, s -> PlotChart.text(s, 0, 0, "plot-tick").getLayoutBounds().getWidth());
        if (layout.dense()) {
            out.add(DenseHeatmap.image(layout, rows, cols));
        } else {
            for (HeatmapLayout.Cell c : layout.cells()) {
                Rectangle cell = new Rectangle(layout.cellX(c.col()), layout.cellY(c.row()), layout.cellW(), layout.cellH());
                cell.setFill(PlotChart.fx(c.fill()));
                cell.setStroke(PlotChart.fx(PlotPalette.GRID));
                cell.getStyleClass().add("heat-cell");
                cell.setUserData(c.value());
                Tooltip.install(cell, new Tooltip(h.rowLabels().get(c.row()) + " → " + h.colLabels().get(c.col()) + ": " + c.text()));
                out.add(cell);
                Text count = PlotChart.text(c.text(), cell.getX() + layout.cellW() / 2, cell.getY() + layout.cellH() / 2, "heat-count");
                count.setTextOrigin(VPos.CENTER);
                count.setFill(PlotChart.fx(c.ink())); // readable on dark cells
                PlotChart.centre(count);
                count.setUserData(new int[] {c.row(), c.col()});
                out.add(count);
            }
        }
        double widest = h.colLabels().stream().mapToDouble(s -> PlotChart.text(s, 0, 0, "plot-tick").getLayoutBounds().getWidth()).max().orElse(0);
        int colStep = layout.dense() ? HeatmapLayout.labelStep(layout.cellW(), widest + 6) : 1;
        for (int c = 0; c < cols; c += colStep) {
            Text t = PlotChart.text(h.colLabels().get(c), layout.cellX(c) + layout.cellW() / 2, layout.top() - 5, "plot-tick");
            PlotChart.centre(t);
            out.add(t);
        }
        int rowStep = HeatmapLayout.labelStep(layout.cellH(), 14);
        for (int r = 0; r < rows; r += rowStep) {
            Text t = PlotChart.text(h.rowLabels().get(r), 0, layout.cellY(r) + layout.cellH() / 2, "plot-tick");
            t.setTextOrigin(VPos.CENTER);
            t.setX(layout.left() - 6 - t.getLayoutBounds().getWidth());
            out.add(t);
        }
    }

    static String format(double v) {
        return HeatmapLayout.format(v);
    }
}
