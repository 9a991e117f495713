package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.anneal.graph.PortRef;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.SignalTraces;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Selecting a block that processes a spectrum or signal column after a run shows, under the inspector, one row as it
 * went in and as it came out, on the physical axis with its unit; the row chooser picks another row of the run's own
 * tables. A trigger block's preview shades the stretches between its events; a peak block's marks its table's peaks.
 */
class BeforeAfterPreviewTest extends EditorTestBase {

    private PlotChart preview() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#previewChart").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#previewChart").query();
    }

    /** Runs up to block {@code node}, selects it and returns its preview, checked for its x axis and series. */
    private Plot previewAfterRun(EditorApp editor, String node, String xLabel, List<String> series) throws Exception {
        runUntil(editor, node);
        clickOn("#node-" + node);
        Plot p = preview().plot();
        assertEquals(xLabel, p.xLabel());
        assertEquals(series, p.series().stream().map(Plot.Series::name).toList());
        return p;
    }

    private static float[] row(Table t, String column, int r) {
        TensorColumn c = (TensorColumn) t.column(column).orElseThrow();
        float[] out = new float[c.rowSize()];
        System.arraycopy(c.values(), c.offset(r), out, 0, out.length);
        return out;
    }

    private static float[] floats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    @Test
    void aBaselineBlockShowsARowBeforeAndAfterOnTheTwoThetaAxis() throws Exception {
        EditorApp editor = start("workflows/20-spectra-unmixing.json");
        runUntil(editor, "score");
        clickOn("#node-baseline");
        PlotChart chart = preview();
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) lookup(".tab-pane").queryAll().stream()
                .filter(t -> ((javafx.scene.control.TabPane) t).getTabs().stream().anyMatch(x -> "previewTab".equals(x.getId()))).findFirst().orElseThrow();
        assertEquals("previewTab", tabs.getSelectionModel().getSelectedItem().getId(), "selecting the block brings its before and after to the front");
        assertTrue(chart.isVisible() && chart.getHeight() > 150, "drawn at a readable height: " + chart.getHeight());
        Plot p = chart.plot();
        assertEquals(Plot.Kind.LINE, p.kind());
        assertEquals("2θ (°)", p.xLabel(), "the physical axis with its unit");
        assertEquals(List.of("before", "after"), p.series().stream().map(Plot.Series::name).toList());
        assertEquals(1401, p.series().get(0).size());
        assertEquals(1401, p.series().get(1).size());
        Table in = (Table) editor.viewModel().outputValue(PortRef.parse("gen:table"));
        Table out = (Table) editor.viewModel().outputValue(PortRef.parse("baseline:out"));
        assertArrayEquals(row(in, "pattern", 0), floats(p.series().get(0).y()), "row 1 of the run's input, not a recomputation");
        assertArrayEquals(row(out, "pattern", 0), floats(p.series().get(1).y()));

        Spinner<?> rows = lookup("#previewRow").queryAs(Spinner.class);
        interact(() -> rows.getValueFactory().increment(4)); // row 5
        WaitForAsyncUtils.waitForFxEvents();
        Plot fifth = preview().plot();
        assertArrayEquals(row(in, "pattern", 4), floats(fifth.series().get(0).y()), "the chooser picks row 5");
        assertArrayEquals(row(out, "pattern", 4), floats(fifth.series().get(1).y()));
        assertTrue(fifth.title().contains("pattern"), fifth.title());

        clickOn("#node-ridge");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#previewChart").tryQuery().isEmpty(), "a model block has no before and after");
        assertTrue(lookup("#previewStatus").queryLabeled().getText().startsWith("Select a block that processes"));
        clickOn("#node-normalize");
        Plot normalized = preview().plot();
        assertArrayEquals(row((Table) editor.viewModel().outputValue(PortRef.parse("normalize:out")), "pattern", 4),
                floats(normalized.series().get(1).y()), "the row chosen last stays chosen");
        clickOn("#previewToData");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#plotChart").tryQuery().isPresent());
        assertEquals(normalized, lookup("#plotChart").queryAs(PlotChart.class).plot(), "the Data tab shows it larger, with Export PNG");
        assertTrue(lookup("#exportPngButton").query().isVisible());
    }

    @Test
    void aSignalBlockAndATriggerShowTheirRowWithTheEventsShaded() throws Exception {
        EditorApp editor = start("tests/src/test/resources/ui/signal-events.json");
        runUntil(editor, "view");
        clickOn("#node-slope");
        Plot slope = preview().plot();
        assertEquals("time", slope.xLabel());
        assertEquals(2, slope.series().size());
        assertEquals(60, slope.series().get(0).size(), "a window of 60 minutes");
        assertEquals(100, slope.series().get(0).y()[25], 1e-9, "before: the temperature");
        assertEquals(0, slope.series().get(1).y()[25], 1e-9, "after: its slope, flat inside the excursion");
        assertTrue(lookup("#previewChannel").query().isVisible(), "two channels (temperature, power): a channel chooser");

        clickOn("#node-trigger");
        Plot trigger = preview().plot();
        assertEquals(List.of(new Plot.Span(SignalTraces.EVENT_SPAN, 20, 30), new Plot.Span(SignalTraces.EVENT_SPAN, 40, 45)), trigger.spans(),
                "run r1 was above the level from minute 20 to 30 and 40 to 45");
        Spinner<?> rows = lookup("#previewRow").queryAs(Spinner.class);
        interact(() -> rows.getValueFactory().increment(1)); // run r2
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Plot.Span(SignalTraces.EVENT_SPAN, 5, 10)), preview().plot().spans(), "run r2's own excursion");

        // the plot.signal block's chart in the Data tab: shaded rectangles exactly over the excursions
        clickOn("#out-view-plot");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#plotChart").tryQuery().isPresent());
        PlotChart chart = lookup("#plotChart").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.xScale() != null && chart.getWidth() > 200);
        List<Node> spans = List.copyOf(chart.lookupAll(".plot-span"));
        assertEquals(2, spans.size());
        double[][] minutes = {{20, 30}, {40, 45}};
        for (int k = 0; k < 2; k++) {
            javafx.scene.shape.Rectangle r = (javafx.scene.shape.Rectangle) spans.get(k);
            assertEquals(chart.xScale().toPixel(minutes[k][0]), r.getX(), 0.5, "span " + k + " starts at minute " + minutes[k][0]);
            assertEquals(chart.xScale().toPixel(minutes[k][1]), r.getX() + r.getWidth(), 0.5, "span " + k + " ends at minute " + minutes[k][1]);
        }
        // what Export PNG writes: shaded pixels inside the excursions, none between them
        java.nio.file.Path png = java.nio.file.Files.createTempDirectory("signal-png").resolve("signal.png");
        interact(() -> {
            try {
                org.anneal.editor.PngExport.write(chart, 1, png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int y = (int) chart.yScale().toPixel(50);
        for (double minute : new double[] {22, 27, 42}) {
            assertTrue(shaded(img.getRGB((int) chart.xScale().toPixel(minute), y)), "minute " + minute + " is shaded");
        }
        for (double minute : new double[] {10, 35, 50}) {
            assertFalse(shaded(img.getRGB((int) chart.xScale().toPixel(minute), y)), "minute " + minute + " is not");
        }
    }

    @Test
    void aResampledLogShowsOneRunAndChannelBeforeAndAfterOnItsTimeAxis() throws Exception {
        EditorApp editor = start("tests/src/test/resources/ui/log-resample.json");
        Plot p = previewAfterRun(editor, "regrid", "minute", List.of("before", "after"));
        assertEquals(60, p.series().get(0).size(), "run r1's temperature as logged, once a minute");
        assertEquals(119, p.series().get(1).size(), "and on the half-minute grid, minutes 0 to 59");
        assertEquals(19.5, p.series().get(1).x()[39], 1e-12);
        assertEquals(50, p.series().get(1).y()[39], 1e-9, "halfway up the step from 0 (minute 19) to 100 (minute 20)");
        assertEquals("r1 · temperature", lookup("#previewRowName").queryLabeled().getText());
        assertTrue(lookup("#previewStatus").queryLabeled().getText().isEmpty(), "nothing to explain: the preview is on show");

        Spinner<?> series = lookup("#previewRow").queryAs(Spinner.class);
        interact(() -> series.getValueFactory().increment(3)); // the fourth series
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("r2 · power", lookup("#previewRowName").queryLabeled().getText());
        Plot power = preview().plot();
        assertTrue(power.title().contains("r2 · power"), power.title());
        Table in = (Table) editor.viewModel().outputValue(PortRef.parse("log:table"));
        assertEquals(in.numeric("value").get(in.rowCount() - 1), power.series().get(0).y()[59], 1e-12, "the run's own last sample, not a recomputation");
    }

    @Test
    void aPeakBlockShowsItsSpectrumWithThePeaksOfItsTableMarked() throws Exception {
        EditorApp editor = start("workflows/43-eds-peaks-certified.json");
        Plot p = previewAfterRun(editor, "peaks", "energy (keV)", List.of("spectrum", "peaks (prominence)"));
        Table in = (Table) editor.viewModel().outputValue(PortRef.parse("baseline:out"));
        Table peaks = (Table) editor.viewModel().outputValue(PortRef.parse("peaks:peaks"));
        assertArrayEquals(row(in, "spectrum", 0), floats(p.series().get(0).y()), "the spectrum the block was given");
        Plot.Series sticks = p.series().get(1);
        assertEquals(3 * peaks.rowCount(), sticks.size(), "one stick (two points and a gap) per row of the peak table");
        for (int k = 0; k < peaks.rowCount(); k++) {
            assertEquals(peaks.numeric("position").get(k), sticks.x()[3 * k], 1e-12, "peak " + (k + 1) + " where the table puts it");
            assertEquals(peaks.numeric("height").get(k), sticks.y()[3 * k + 1], 1e-12);
            assertEquals(peaks.numeric("prominence").get(k), sticks.y()[3 * k + 1] - sticks.y()[3 * k], 1e-9);
        }
        assertTrue(p.title().endsWith(peaks.rowCount() + " peaks found"), p.title());
        assertTrue(lookup("#previewStatus").queryLabeled().getText().isEmpty(), "nothing to explain: the preview is on show");
    }

    /** The event colour (orange) at low opacity over white: red stays high, blue drops. */
    static boolean shaded(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int b = rgb & 0xff;
        return r > 220 && b < 225 && r - b > 25;
    }
}
