package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.anneal.editor.PlotChart;
import org.anneal.ml.Plot;
import org.anneal.plots.PlotPalette;
import org.anneal.plots.PlotRenderer;
import org.junit.jupiter.api.Test;

/**
 * The editor's chart and the PNG renderer of {@code anneal run --plots} tick, colour and lay out the same plot the
 * same way: both take their axes, palette and heat-map layout from {@code org.anneal.plots}. Before they shared
 * them, the editor asked for 7 x ticks and the renderer for 6 with a different rounding rule, so the same plot
 * could show 0, 0.5, 1 ... in one and 0, 1, 2 ... in the other.
 */
class PlotsAgreeTest extends ViewerTestBase {
    /** Plots whose ranges differ in the ways that used to tick differently. */
    static List<Plot> plots() {
        return List.of(
                Plot.of(Plot.Kind.SCATTER, "scatter", "x", "y", List.of(Plot.Series.of("s", new double[] {0, 3.1, 7.3}, new double[] {0.13, 0.5, 0.97})), List.of()),
                // epochs 1..12: the editor used to tick 0, 2, ... 12 (7 targets, smallest step above 11/7), the renderer 0, 5, 10, 15 (Heckbert)
                Plot.of(Plot.Kind.LINE, "curve", "epoch", "loss", List.of(Plot.Series.of("train", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                        new double[] {1.1, 0.9, 0.7, 0.6, 0.52, 0.47, 0.44, 0.42, 0.41, 0.405, 0.4, 0.399})), List.of()),
                Plot.of(Plot.Kind.SCATTER, "parity", "true", "predicted", List.of(Plot.Series.of("test", new double[] {212, 480, 1310}, new double[] {260, 455, 1190})),
                        List.of(new Plot.Guide("y = x", 1, 0))),
                Plot.of(Plot.Kind.SCATTER, "residuals", "predicted", "residual", List.of(Plot.Series.of("test", new double[] {1, 2, 3}, new double[] {0.3, 0.4, 0.2})),
                        List.of(new Plot.Guide("zero", 0, 0))),
                // a missing point: the renderer's range used to turn NaN, the editor's skipped it
                Plot.of(Plot.Kind.SCATTER, "gap", "x", "y", List.of(Plot.Series.of("s", new double[] {0.02, Double.NaN, 0.09}, new double[] {5, 6, 8})), List.of()));
    }

    @Test
    void theEditorChartAndThePngRendererTickTheSamePlotTheSame() throws Exception {
        for (Plot p : plots()) {
            PlotChart chart = showPlot(p);
            PlotRenderer.Frame png = PlotRenderer.render(p, 800, 600).frame();
            assertEquals(png.x().ticks(), chart.xScale().ticks(), p.title() + ": x ticks");
            assertEquals(png.y().ticks(), chart.yScale().ticks(), p.title() + ": y ticks");
            List<String> pngLabels = png.y().ticks().stream().map(png.y()::label).toList();
            List<String> shown = lookup(".plot-tick").queryAllAs(Text.class).stream().map(Text::getText).toList();
            assertTrue(shown.containsAll(pngLabels), p.title() + ": the editor writes the renderer's tick labels " + pngLabels + ", shows " + shown);
        }
    }

    @Test
    void seriesTakeTheSameColourInBoth() throws Exception {
        Plot p = Plot.of(Plot.Kind.LINE, "two", "x", "y", List.of(Plot.Series.of("a", new double[] {0, 10}, new double[] {0, 0}),
                Plot.Series.of("b", new double[] {0, 10}, new double[] {10, 10})), List.of());
        showPlot(p);
        Color second = (Color) ((Path) lookup("#series-b").query()).getStroke();
        PlotRenderer.Rendered r = PlotRenderer.render(p, 800, 600);
        int rgb = r.image().getRGB((int) r.frame().px(5), (int) Math.round(r.frame().py(10))) & 0xffffff;
        assertEquals(PlotPalette.series(1), rgb, "the renderer draws series b in the palette's second colour");
        assertEquals(PlotPalette.series(1), toRgb(second), "so does the editor");
    }

    @Test
    void heatMapsShadeAndPlaceTheirCellsTheSame() throws Exception {
        Plot p = Plot.heatmap("Confusion matrix", "predicted", "true", new Plot.Heatmap(List.of("ferrite", "pearlite"), List.of("ferrite", "pearlite"),
                new double[][] {{5, 1}, {2, 7}}));
        showPlot(p);
        List<Rectangle> cells = lookup(".heat-cell").queryAllAs(Rectangle.class).stream()
                .sorted(java.util.Comparator.comparingDouble(Rectangle::getY).thenComparingDouble(Rectangle::getX)).toList();
        BufferedImage png = PlotRenderer.render(p, 800, 600).image();
        // the renderer's cells, read off the image at the same relative place (a corner, clear of the number)
        int[] expected = {PlotPalette.mix(PlotPalette.HEAT_LOW, PlotPalette.HEAT_HIGH, 5 / 7.0), PlotPalette.mix(PlotPalette.HEAT_LOW, PlotPalette.HEAT_HIGH, 1 / 7.0),
            PlotPalette.mix(PlotPalette.HEAT_LOW, PlotPalette.HEAT_HIGH, 2 / 7.0), PlotPalette.HEAT_HIGH};
        assertEquals(4, cells.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], toRgb((Color) cells.get(i).getFill()), "editor cell " + i);
        }
        // in the PNG, the darkest cell (row 1, col 1) is at the lower right, the lightest at the upper right
        int w = png.getWidth(), h = png.getHeight();
        assertEquals(PlotPalette.HEAT_HIGH, png.getRGB(w - 40, h - 70) & 0xffffff, "renderer: the 7 is the darkest cell");
        assertEquals(expected[1], png.getRGB(w - 40, 70) & 0xffffff, "renderer: the 1 is the lightest");
    }

    private static int toRgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }
}
