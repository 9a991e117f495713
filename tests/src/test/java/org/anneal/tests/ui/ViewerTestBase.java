package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.anneal.editor.PlotChart;
import org.anneal.editor.ValueViewer;
import org.anneal.ml.Plot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The shared fixture of the Data-tab viewer tests: a {@link ValueViewer} alone on the stage, {@link #height()} tall. */
abstract class ViewerTestBase extends FxRobot {
    protected ValueViewer viewer;

    /** Table tests use a shorter viewer, so fewer rows are on screen (and built). */
    protected double height() {
        return 500;
    }

    @BeforeEach
    void showViewer() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            viewer = new ValueViewer();
            viewer.setPrefSize(800, height());
            return viewer;
        });
        FxToolkit.showStage();
    }

    @AfterEach
    void clean() throws Exception {
        // a test that answered a file dialog leaves no answer behind for the next one
        System.clearProperty("anneal.dialog.answer");
        FxToolkit.cleanupStages();
    }

    /** Shows {@code value} under {@code key} and waits for the viewer to take it. */
    protected void show(String key, Object value) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewer.show(key, value)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows a plot and returns its chart once laid out (the first layout pass of a fresh chart may land a pulse later). */
    protected PlotChart showPlot(Plot p) throws Exception {
        show("node:plot", p);
        PlotChart chart = lookup("#plotChart").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.getWidth() > 200 && (chart.xScale() != null || p.kind() == Plot.Kind.HEATMAP));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getWidth() > 200, "the chart fills the data area");
        return chart;
    }
}
