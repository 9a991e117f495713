package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.anneal.editor.PlotChart;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Data tab draws PLOT values: parity line, zero line, confusion counts, bars, metrics; exports PNG. */
class PlotViewerTest extends ViewerTestBase {
    @Test
    void parityPlotDrawsThe45DegreeLineAcrossTheSharedRange() throws Exception {
        Plot p = Plot.of(Plot.Kind.SCATTER, "Parity", "true hardness (HV)", "predicted hardness (HV)",
                List.of(Plot.Series.of("test", new double[] {1, 2, 3}, new double[] {1.2, 1.8, 3.3})), List.of(Plot.Guide.identity()));
        PlotChart chart = showPlot(p);
        // a parity plot shares one range on both axes: 1..3.3 spans 2.3; 2.3 / 6 ticks = 0.38 → step 0.5, so 1.0..3.5
        assertEquals(chart.xScale().min(), chart.yScale().min(), 1e-12);
        assertEquals(chart.xScale().max(), chart.yScale().max(), 1e-12);
        assertEquals(1.0, chart.xScale().min(), 1e-9);
        assertEquals(3.5, chart.xScale().max(), 1e-9);
        assertEquals(Math.abs(chart.xScale().pixelEnd() - chart.xScale().pixelStart()), Math.abs(chart.yScale().pixelEnd() - chart.yScale().pixelStart()),
                1e-9, "a square plot area: the identity line is drawn at 45°");
        Line guide = lookup(".plot-guide").query();
        Point2D a = chart.toData(guide.getStartX(), guide.getStartY());
        Point2D b = chart.toData(guide.getEndX(), guide.getEndY());
        assertEquals(a.getX(), a.getY(), 1e-9, "the guide is y = x");
        assertEquals(b.getX(), b.getY(), 1e-9);
        assertEquals(1.0, a.getX(), 1e-9, "across the whole visible range");
        assertEquals(3.5, b.getX(), 1e-9);
        Path points = lookup("#series-test").query();
        MoveTo first = (MoveTo) points.getElements().get(0);
        Point2D p0 = chart.toData(first.getX(), first.getY() + 3); // the diamond starts 3 px above its point
        assertEquals(1.0, p0.getX(), 1e-9);
        assertEquals(1.2, p0.getY(), 1e-9);
        assertEquals(3 * 5, points.getElements().size(), "one closed diamond per point");
    }

    @Test
    void theReadoutShowsTheValuesUnderTheMouse() throws Exception {
        Plot p = Plot.of(Plot.Kind.LINE, "Learning curve", "training rows", "RMSE",
                List.of(Plot.Series.of("validation", new double[] {10, 20, 40, 80}, new double[] {3, 2, 1.5, 1.2})), List.of());
        PlotChart chart = showPlot(p);
        double px = chart.xScale().toPixel(40), py = chart.yScale().toPixel(1.5);
        moveTo(chart.localToScreen(px, py));
        WaitForAsyncUtils.waitForFxEvents();
        String text = lookup(".plot-readout").queryAs(Text.class).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("x = ([-0-9.e]+)\\s+y = ([-0-9.e]+)").matcher(text);
        assertTrue(m.find(), text);
        // within two pixels of the point the mouse is on
        double pxPerX = (chart.xScale().max() - chart.xScale().min()) / Math.abs(chart.xScale().pixelEnd() - chart.xScale().pixelStart());
        double pxPerY = (chart.yScale().max() - chart.yScale().min()) / Math.abs(chart.yScale().pixelEnd() - chart.yScale().pixelStart());
        assertEquals(40, Double.parseDouble(m.group(1)), 2 * pxPerX);
        assertEquals(1.5, Double.parseDouble(m.group(2)), 2 * pxPerY);
    }

    @Test
    void residualPlotKeepsTheZeroLineInViewEvenWhenAllResidualsArePositive() throws Exception {
        Plot p = Plot.of(Plot.Kind.SCATTER, "Residuals", "predicted", "residual",
                List.of(Plot.Series.of("test", new double[] {10, 20, 30}, new double[] {0.5, 1.5, 2.5})), List.of(Plot.Guide.zero()));
        PlotChart chart = showPlot(p);
        Line zero = lookup(".plot-guide").query();
        assertEquals(zero.getStartY(), zero.getEndY(), 1e-9, "horizontal");
        assertEquals(chart.yScale().toPixel(0), zero.getStartY(), 1e-9);
        assertEquals(0, chart.yScale().min(), 1e-12);
    }

    @Test
    void confusionHeatmapWritesEveryCountAndShadesTheLargestDarkest() throws Exception {
        Plot p = Plot.heatmap("Confusion matrix", "predicted", "true",
                new Plot.Heatmap(List.of("ferrite", "martensite"), List.of("ferrite", "martensite"), new double[][] {{5, 1}, {2, 7}}));
        showPlot(p);
        List<Text> counts = lookup(".heat-count").queryAllAs(Text.class).stream()
                .sorted(Comparator.comparingInt((Text t) -> ((int[]) t.getUserData())[0]).thenComparingInt(t -> ((int[]) t.getUserData())[1])).toList();
        assertEquals(List.of("5", "1", "2", "7"), counts.stream().map(Text::getText).toList());
        // row 1 is drawn below row 0 (true classes top to bottom), column 1 right of column 0
        assertTrue(counts.get(2).getY() > counts.get(0).getY() && counts.get(1).getX() > counts.get(0).getX());
        List<Rectangle> cells = lookup(".heat-cell").queryAllAs(Rectangle.class).stream().toList();
        Rectangle darkest = cells.stream().min(Comparator.comparingDouble(r -> ((Color) r.getFill()).getBrightness())).orElseThrow();
        assertEquals(7.0, (double) darkest.getUserData());
        assertEquals(Color.WHITE, counts.get(3).getFill(), "white text on the darkest cell");
    }

    @Test
    void aMapOfThousandsOfPixelsIsOneImageWithThinnedLabelsNotANumberPerCell() throws Exception {
        int side = 100;
        double[][] v = new double[side][side];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < side; i++) {
            labels.add(Integer.toString(i));
            for (int j = 0; j < side; j++) {
                v[i][j] = i < side / 2 ? 1 : 2; // two phases: top half and bottom half
            }
        }
        showPlot(Plot.heatmap("phase (1 = ferrite, 2 = carbide)", "x", "y", new Plot.Heatmap(labels, labels, v)));
        javafx.scene.image.ImageView map = lookup(".heat-map-image").queryAs(javafx.scene.image.ImageView.class);
        assertEquals(side, (int) map.getImage().getWidth(), "one image pixel per map pixel");
        assertTrue(lookup(".heat-count").queryAll().isEmpty(), "no numbers in cells too small to read them");
        assertTrue(lookup(".heat-cell").queryAll().isEmpty());
        javafx.scene.image.PixelReader px = map.getImage().getPixelReader();
        assertTrue(px.getColor(0, 0).getBrightness() > px.getColor(0, side - 1).getBrightness(), "the larger value is darker");
        long ticks = lookup(".plot-tick").queryAllAs(Text.class).stream().filter(t -> t.getText().matches("\\d+")).count();
        assertTrue(ticks < side, "labels are thinned so they do not overlap: " + ticks);
    }

    @Test
    void barsStartAtZeroAndCurvesConnectTheirPoints() throws Exception {
        Plot bars = Plot.of(Plot.Kind.BAR, "Importance", "feature", "loss in R²",
                List.of(new Plot.Series("mean", new double[] {0, 1, 2}, new double[] {3, -1, 2}, null, null, List.of("C", "Mn", "Si"))), List.of());
        PlotChart chart = showPlot(bars);
        List<Rectangle> rects = lookup(".plot-bar").queryAllAs(Rectangle.class).stream().toList();
        assertEquals(3, rects.size());
        double zero = chart.yScale().toPixel(0);
        for (Rectangle r : rects) {
            double v = (double) r.getUserData();
            double height = Math.abs(chart.yScale().toPixel(v) - zero);
            assertEquals(height, r.getHeight(), 1e-9, "bar " + v);
            assertEquals(v > 0 ? zero : zero, v > 0 ? r.getY() + r.getHeight() : r.getY(), 1e-9, "grows from zero");
        }
        assertTrue(lookup(".plot-tick").queryAllAs(Text.class).stream().anyMatch(t -> t.getText().equals("Mn")), "category labels");

        Plot roc = Plot.of(Plot.Kind.LINE, "ROC", "false positive rate", "true positive rate",
                List.of(Plot.Series.withBand("fold mean", new double[] {0, 0.1, 0.5, 1}, new double[] {0, 0.6, 0.9, 1},
                        new double[] {0, 0.5, 0.8, 1}, new double[] {0, 0.7, 1, 1}), Plot.Series.of("chance", new double[] {0, 1}, new double[] {0, 1})),
                List.of());
        showPlot(roc);
        assertEquals(4, ((Path) lookup("#series-fold_mean").query()).getElements().size(), "a move and three line segments");
        assertNotNull(lookup(".plot-band").query(), "the ± band is drawn");
        assertTrue(lookup(".plot-legend").queryAllAs(Text.class).stream().anyMatch(t -> t.getText().contains("chance")), "two series get a legend");
    }

    @Test
    void degeneratePlotsStillDrawAnAxisInsteadOfFailing() throws Exception {
        Plot nothing = Plot.of(Plot.Kind.SCATTER, "Empty", "x", "y", List.of(Plot.Series.of("none", new double[0], new double[0])), List.of());
        PlotChart chart = showPlot(nothing);
        assertEquals(0, chart.xScale().min(), 1e-12, "no data: a unit axis");
        assertEquals(1, chart.xScale().max(), 1e-12);
        Plot gaps = Plot.of(Plot.Kind.LINE, "Loss", "epoch", "loss",
                List.of(Plot.Series.of("train", new double[] {1, 2, 3, 4}, new double[] {2, Double.NaN, 1, 0.5})), List.of());
        chart = showPlot(gaps);
        Path curve = lookup("#series-train").query();
        // a NaN breaks the line: move, (gap), move, line
        assertEquals(List.of(MoveTo.class, MoveTo.class, javafx.scene.shape.LineTo.class), curve.getElements().stream().map(Object::getClass).toList());
        chart = showPlot(Plot.of(Plot.Kind.BAR, "No bars", "", "", List.of(), List.of()));
        assertTrue(Double.isFinite(chart.xScale().toPixel(0)), "an empty bar chart has a finite axis");
        showPlot(Plot.heatmap("Empty matrix", "predicted", "true", new Plot.Heatmap(List.of(), List.of(), new double[0][])));
        assertTrue(lookup(".heat-cell").queryAll().isEmpty());
    }

    @Test
    void longCurvesAreThinnedToThePixelsButKeepTheirSpikes() throws Exception {
        int n = 100_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 1.0 / (1 + i * 1e-3); // a decaying loss...
        }
        y[61_234] = 5; // ...with one spike
        PlotChart chart = showPlot(Plot.of(Plot.Kind.LINE, "Loss", "iteration", "loss", List.of(Plot.Series.of("loss", x, y)), List.of()));
        Path curve = lookup("#series-loss").query();
        int elements = curve.getElements().size();
        assertTrue(elements <= 4 * (int) Math.ceil(chart.getWidth()) + 4, elements + " path elements for " + chart.getWidth() + " px");
        double spikeY = chart.yScale().toPixel(5);
        assertTrue(curve.getElements().stream().anyMatch(e -> e instanceof javafx.scene.shape.LineTo l && Math.abs(l.getY() - spikeY) < 1e-9),
                "the single spike is still drawn");
    }

    @Test
    void largeScattersAreDrawnAsPixels() throws Exception {
        int n = 20_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 100;
            y[i] = i / 100; // a 100 × 200 grid of points
        }
        PlotChart chart = showPlot(Plot.of(Plot.Kind.SCATTER, "Embedding", "t-SNE 1", "t-SNE 2", List.of(Plot.Series.of("patches", x, y)), List.of()));
        javafx.scene.canvas.Canvas layer = lookup("#series-patches").queryAs(javafx.scene.canvas.Canvas.class);
        var image = WaitForAsyncUtils.asyncFx(() -> layer.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Color atPoint = image.getPixelReader().getColor((int) Math.round(chart.xScale().toPixel(50)), (int) Math.round(chart.yScale().toPixel(120)));
        assertTrue(atPoint.getOpacity() > 0.3 && atPoint.getBlue() > atPoint.getRed(), "a point is painted where (50, 120) maps: " + atPoint);
    }

    @Test
    void metricsShowAsATable() throws Exception {
        show("score:metrics", new Metrics(Task.REGRESSION, Map.of("r2", 0.75), 20));
        TableView<?> t = lookup("#metricsViewer").queryTableView();
        assertEquals(1, t.getItems().size());
        assertEquals("0.75", ((TableView<Map.Entry<String, Double>>) t).getColumns().get(1).getCellData(0));
    }

    @Test
    void exportPngWritesTheChartAtTwiceItsSize(@TempDir java.nio.file.Path tmp) throws Exception {
        Plot p = Plot.of(Plot.Kind.SCATTER, "Parity", "true", "predicted",
                List.of(Plot.Series.of("test", new double[] {1, 2, 3}, new double[] {1, 2, 3})), List.of(Plot.Guide.identity()));
        PlotChart chart = showPlot(p);
        java.nio.file.Path file = tmp.resolve("parity.png");
        System.setProperty("anneal.dialog.answer", file.toString());
        clickOn("#exportPngButton");
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "a PNG was written");
        assertEquals(Math.round(chart.getWidth() * 2), img.getWidth(), 1.0);
        // the middle point (2, 2) is a blue diamond: at twice the scale, its centre pixel is bluish, not white
        int rgb = img.getRGB((int) Math.round(chart.xScale().toPixel(2) * 2), (int) Math.round(chart.yScale().toPixel(2) * 2));
        int r = (rgb >> 16) & 0xff, b = rgb & 0xff;
        assertTrue(b > r + 30, "point colour at its position, rgb=" + Integer.toHexString(rgb));
        assertTrue(lookup("#exportStatus").queryLabeled().getText().contains("parity.png"));
    }

    @Test
    void screePlotAndEmbeddingMapOfARealRunAreDrawnWithALegendEntryPerClass() throws Exception {
        // workflow 17 run headless as the editor's executor would: PCA of the glass table, k-means, t-SNE
        var lw = new org.anneal.graph.WorkflowCodec().read(java.nio.file.Path.of("workflows/17-pca-and-clustering.json"));
        var v = new org.anneal.exec.Validator(org.anneal.spec.NodeRegistry.standard()).validate(lw, org.anneal.exec.FileAccess.unrestricted(lw.baseDir()));
        org.anneal.exec.RunResult r;
        try (var ex = new org.anneal.exec.Executor(org.anneal.exec.MemoryCache.standard(), 2)) {
            r = ex.run(v, new org.anneal.exec.RunOptions(java.util.Set.of("pca", "map_types"), org.anneal.device.DeviceSelector.system().select("cpu"),
                    org.anneal.exec.FileAccess.unrestricted(lw.baseDir())), e -> { });
        }
        assertTrue(r.succeeded(), String.valueOf(r.problems()));

        Plot scree = (Plot) r.node("pca").outputs().get("scree");
        PlotChart chart = showPlot(scree);
        assertEquals(Plot.Kind.LINE, chart.plot().kind());
        assertTrue(chart.yScale().max() <= 1.0 + 1e-9 && chart.yScale().min() >= 0, "shares of variance: " + chart.yScale().min() + ".." + chart.yScale().max());
        assertEquals(scree.series().size(), lookup(".plot-legend").queryAllAs(Text.class).stream().filter(t -> t.getText().startsWith("■")).count());

        Plot map = (Plot) r.node("map_types").outputs().get("plot");
        showPlot(map);
        long entries = lookup(".plot-legend").queryAllAs(Text.class).stream().filter(t -> t.getText().startsWith("■")).count();
        assertEquals(map.series().size(), entries, "one colour and legend entry per glass type");
        assertTrue(entries >= 5, "glass has six types, at least five of them in the training rows: " + entries);
    }
}
