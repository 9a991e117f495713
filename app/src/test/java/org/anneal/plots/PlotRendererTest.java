package org.anneal.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.anneal.ml.Plot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotRendererTest {
    @TempDir
    Path dir;

    static final int BLUE = 0x4e79a7;

    static Plot parity() {
        double[] truth = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] pred = {1.2, 2.5, 2.8, 4.1, 9, 6.3, 6.8, 8.2, 9.1, 9.7};
        return Plot.of(Plot.Kind.SCATTER, "Parity", "true y", "predicted y", List.of(Plot.Series.of("10 rows", truth, pred)),
                List.of(Plot.Guide.identity()));
    }

    static boolean near(int rgb, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    static boolean light(int rgb) {
        return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) > 200 && (rgb & 0xff) > 200;
    }

    /** Darkest pixel within {@code r} of (x, y): a thin antialiased line may fall between two pixels. */
    static boolean anyDark(BufferedImage img, double x, double y, int r) {
        for (int dx = -r; dx <= r; dx++) {
            for (int dy = -r; dy <= r; dy++) {
                if (!light(img.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aParityPlotWrittenAsPngShowsItsPointsAndTheIdentityLine() throws Exception {
        Path file = dir.resolve("parity.png");
        PlotRenderer.writePng(parity(), file, 640, 480);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        PlotRenderer.Frame f = PlotRenderer.render(parity(), 640, 480).frame();
        assertEquals(f.x(), f.y(), "a parity plot has the same scale on both axes");
        // the outlier (5, 9) sits well above the diagonal: its centre is the series colour
        assertTrue(near(img.getRGB((int) Math.round(f.px(5)), (int) Math.round(f.py(9))), BLUE, 12), "point drawn at (5, 9)");
        // the dashed identity line: dark pixels along y = x where no point lies (dashes leave gaps, so look at several spots)
        int onLine = 0;
        for (double v = 1.5; v < 10; v += 0.25) {
            onLine += anyDark(img, f.px(v), f.py(v), 1) ? 1 : 0;
        }
        assertTrue(onLine > 20, "identity line drawn along y = x: " + onLine + " of 34 spots");
        // far from the diagonal and the points, the plot area is background (white or light grid)
        assertTrue(light(img.getRGB((int) f.px(8.5), (int) f.py(2.5))), "empty lower-right region stays light");
        assertTrue(light(img.getRGB((int) f.px(2.5), (int) f.py(7.5))) || Canvas.hasFonts(), "upper-left is empty or holds the legend");
    }

    @Test
    void aHeatMapShadesItsLargestCellFullyAndItsZeroCellsWhite() {
        Plot cm = Plot.heatmap("Confusion", "predicted", "actual", new Plot.Heatmap(List.of("a", "b"), List.of("a", "b"), new double[][] {{8, 0}, {2, 5}}));
        BufferedImage img = PlotRenderer.render(cm, 400, 400).image();
        int full = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                full += near(img.getRGB(x, y), PlotPalette.HEAT_HIGH, 3) ? 1 : 0;
            }
        }
        // one of four cells of roughly 150 × 150 px is at full colour (less the white number in it)
        assertTrue(full > 15000 && full < 30000, "one full-colour cell: " + full + " px");
    }

    @Test
    void barsAndLinesRenderWithoutAxesErrors() {
        Plot bars = Plot.of(Plot.Kind.BAR, "Importance", "feature", "importance",
                List.of(new Plot.Series("importance", new double[] {0, 1, 2}, new double[] {3, -1, 0.5}, new double[] {2.5, -1.5, 0.2},
                        new double[] {3.5, -0.5, 0.8}, List.of("x1", "x2", "x3"))), List.of());
        PlotRenderer.Rendered r = PlotRenderer.render(bars, 500, 300);
        assertTrue(r.frame().y().min() <= -1.5 && r.frame().y().max() >= 3.5, "the scale covers the error bars");
        assertTrue(near(r.image().getRGB((int) r.frame().px(0), (int) r.frame().py(1.5)), BLUE, 12), "the first bar fills up to 3");
        Plot roc = Plot.of(Plot.Kind.LINE, "ROC", "fpr", "tpr", List.of(Plot.Series.of("b", new double[] {0, 0, 0.5, 1}, new double[] {0, 0.5, 1, 1})),
                List.of(new Plot.Guide("chance", 1, 0)));
        assertEquals(1.0, PlotRenderer.render(roc, 400, 400).frame().x().max(), 1e-12);
    }

    @Test
    void ticksFallOnNiceNumbers() {
        NiceScale s = NiceScale.of(0.13, 0.97, 6);
        assertEquals(0.2, s.step(), 1e-12);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0), s.ticks());
        assertEquals("0.6", s.label(s.ticks().get(3)));
        NiceScale big = NiceScale.of(230, 1870, 6);
        assertEquals(500, big.step(), 1e-9);
        assertEquals(0, big.min(), 1e-9);
        assertEquals(2000, big.max(), 1e-9);
    }

    @Test
    void aDenseMapIsPaintedSolidWithoutNumbersOrSeams() throws Exception {
        int side = 120;
        double[][] v = new double[side][side];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < side; i++) {
            labels.add(Integer.toString(i));
            java.util.Arrays.fill(v[i], 5);
        }
        Plot map = Plot.heatmap("weight", "x", "y", new Plot.Heatmap(labels, labels, v));
        BufferedImage img = PlotRenderer.render(map, 800, 600).image();
        HeatmapLayout layout = HeatmapLayout.of(map.heatmap(), PlotRenderer.LEFT, PlotRenderer.TOP, 800 - PlotRenderer.RIGHT,
                600 - PlotRenderer.BOTTOM, s -> 7.0 * s.length());
        assertTrue(layout.dense());
        int expected = img.getRGB((int) layout.cellX(side / 2), (int) layout.cellY(side / 2));
        assertTrue(!light(expected), "a uniform maximum is painted dark");
        // every pixel of the map's middle is the same colour: no cell borders, no numbers (the middle, because the
        // renderer measures its labels in its own font, which this layout only approximates)
        for (int x = (int) layout.cellX(side / 4); x < (int) layout.cellX(3 * side / 4); x++) {
            for (int y = (int) layout.cellY(side / 4); y < (int) layout.cellY(3 * side / 4); y++) {
                assertEquals(expected, img.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
    }
}
