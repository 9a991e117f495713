package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Path;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.anneal.ml.Plot;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** plot.spectra in the editor: spectra coloured by their phase (one colour per phase), and drag-to-zoom on the 2θ axis. */
class LineViewTest extends EditorTestBase {

    @Test
    void spectraColouredByPhaseZoomIntoAPeakAndBack() throws Exception {
        EditorApp editor = start("tests/src/test/resources/ui/spectra-lines.json");
        runUntil(editor, "lines");
        clickOn("#out-lines-plot");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#plotChart").tryQuery().isPresent());
        PlotChart chart = lookup("#plotChart").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.xScale() != null && chart.getWidth() > 300);
        assertEquals("2θ (°)", chart.plot().xLabel());

        Map<String, Paint> strokeByPhase = new HashMap<>();
        for (var n : chart.lookupAll(".plot-series")) {
            Plot.Series s = (Plot.Series) n.getUserData();
            Paint before = strokeByPhase.putIfAbsent(s.name(), ((Path) n).getStroke());
            assertTrue(before == null || before.equals(((Path) n).getStroke()), s.name() + ": one colour per phase");
        }
        assertEquals(3, strokeByPhase.size(), "quartz, calcite, halite: " + strokeByPhase.keySet());
        assertEquals(3, strokeByPhase.values().stream().distinct().count(), "three colours");
        assertEquals(3, chart.lookupAll(".plot-band").size(), "each phase's mean ± sd");

        double full = chart.yScale().max();
        double y = (chart.yScale().pixelStart() + chart.yScale().pixelEnd()) / 2;
        Point2D from = chart.localToScreen(chart.xScale().toPixel(20), y);
        Point2D to = chart.localToScreen(chart.xScale().toPixel(22), y);
        drag(from, MouseButton.PRIMARY).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        double[] range = chart.zoomRange();
        assertEquals(20, range[0], 0.1, "zoomed from 20°");
        assertEquals(22, range[1], 0.1, "to 22°");
        assertTrue(chart.xScale().min() >= 19 && chart.xScale().max() <= 23, "x shows the range: " + chart.xScale());
        assertTrue(chart.yScale().max() < full, "y fits the small peak at 20.9°, not the tall one at 26.6°: " + chart.yScale().max() + " < " + full);
        doubleClickOn(chart.localToScreen(chart.xScale().toPixel(21), y));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(chart.zoomRange(), "double-click shows the whole plot again");
        assertEquals(full, chart.yScale().max(), 1e-9);
    }
}
