package org.anneal.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.anneal.ml.Plot;

/**
 * Where the cells and labels of a heat map (a confusion matrix: true class down, predicted across) go inside a
 * plot area, how dark each cell is and what it says: computed once for the editor and the PNG renderer. Row labels
 * sit left of the cells, column labels above them; cells shade from white at zero (so an empty cell is white) to
 * {@link PlotPalette#HEAT_HIGH} at the largest value, and dark cells get white numbers.
 *
 * @param left   x of the first column of cells
 * @param top    y of the first row of cells
 * @param cellW  cell width
 * @param cellH  cell height
 * @param cells  every cell, row by row
 */
public record HeatmapLayout(double left, double top, double cellW, double cellH, List<Cell> cells) {
    /** Height kept above the cells for the column labels. */
    public static final double HEADER = 18;
    /** A cell darker than this fraction gets white text. */
    public static final double DARK = 0.55;

    /** One cell: its row and column, value, shade 0..1, its text and fill colours (0xRRGGBB). */
    public record Cell(int row, int col, double value, double shade, String text, int fill, int ink) {
    }

    /**
     * The layout inside [x0, x1] × [y0, y1]; {@code textWidth} measures a row label in the caller's font, so the
     * cells start right of the widest one.
     */
    public static HeatmapLayout of(Plot.Heatmap h, double x0, double y0, double x1, double y1, ToDoubleFunction<String> textWidth) {
        int rows = h.rowLabels().size(), cols = h.colLabels().size();
        double labelW = h.rowLabels().stream().mapToDouble(textWidth).max().orElse(0);
        double left = x0 + Math.max(24, labelW + 8);
        double top = y0 + HEADER;
        double cw = Math.max(1, x1 - left) / Math.max(1, cols), ch = Math.max(1, y1 - top) / Math.max(1, rows);
        if (h.squareCells()) {
            cw = ch = Math.min(cw, ch);
        }
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
        double lo = Math.min(0, min); // counts shade from zero
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = h.get(r, c);
                double t = max > lo && Double.isFinite(v) ? (v - lo) / (max - lo) : 0;
                cells.add(new Cell(r, c, v, t, format(v), PlotPalette.mix(PlotPalette.HEAT_LOW, PlotPalette.HEAT_HIGH, t),
                        t > DARK ? 0xffffff : PlotPalette.INK));
            }
        }
        return new HeatmapLayout(left, top, cw, ch, cells);
    }

    /**
     * Whether the cells are too small for their numbers (a map of pixels, a fine process-map grid): then cells are
     * drawn without numbers or borders, as an image, and only every {@link #labelStep}-th label is written.
     */
    public boolean dense() {
        return cellW < 24 || cellH < 14;
    }

    /** Write one label in this many so that labels of {@code need} pixels do not overlap on cells of {@code cell} pixels. */
    public static int labelStep(double cell, double need) {
        return Math.max(1, (int) Math.ceil(need / Math.max(cell, 1e-9)));
    }

    public double cellX(int col) {
        return left + col * cellW;
    }

    public double cellY(int row) {
        return top + row * cellH;
    }

    /** A cell's number: counts as whole numbers, anything else to three significant digits, a dash when missing. */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
