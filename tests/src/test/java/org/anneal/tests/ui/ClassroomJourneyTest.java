package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A student's afternoon at the default window size: the lesson of the example is on screen, a chart opens at a
 * size that can be read (and in its own window), and opening another workflow leaves nothing of the first one
 * in the inspector or the data pane. Before: no lesson anywhere, a parity plot ~100 px high, and the previous
 * workflow's node and plot still on show.
 */
class ClassroomJourneyTest extends EditorTestBase {

    @Test
    void lessonReadableChartAndPanelsThatFollowTheOpenWorkflow() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        assertTrue(lookup("#lessonPane").query().isVisible(), "the lesson is shown");
        assertEquals(editor.viewModel().current().meta().title(), lookup("#lessonTitle").queryAs(Label.class).getText());
        assertTrue(PuzzleModeTest.texts(lookup("#lessonText").query()).startsWith("Least squares with a small ridge penalty"));

        PlotChart chart = runAndShowParity(editor);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.getHeight() >= 300 && chart.xScale() != null);
        double side = Math.abs(chart.xScale().pixelEnd() - chart.xScale().pixelStart());
        assertTrue(side >= 220, "the parity plot's square is readable: " + side + " px in a chart of " + chart.getHeight());
        Bounds visible = chart.localToScene(chart.getLayoutBounds());
        assertTrue(visible.getMaxY() <= chart.getScene().getHeight() + 0.5, "not cut off by the window: " + visible);
        assertTrue(editor.viewModel().current().nodes().size() > 0);
        assertTrue(lookup("#node-ridge").query().getLayoutBounds().getHeight() > 0, "the canvas keeps room");

        clickOn("#detachChartButton");
        WaitForAsyncUtils.waitForFxEvents();
        Stage own = (Stage) Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#detachedChart") != null)
                .findFirst().orElseThrow();
        assertTrue(own.isShowing() && own.isResizable(), "the chart in a window of its own");
        PlotChart copy = (PlotChart) own.getScene().lookup("#detachedChart");
        assertEquals(chart.plot(), copy.plot());

        WaitForAsyncUtils.asyncFx(() -> editor.showNode("ridge")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#propertySheet").queryAs(PropertySheet.class).getItems().isEmpty(), "ridge in the inspector");

        WaitForAsyncUtils.asyncFx(() -> editor.viewModel().open(Path.of("workflows/04-classification-two-moons.json"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#propertySheet").queryAs(PropertySheet.class).getItems().isEmpty(), "the inspector no longer shows the first workflow's node");
        assertFalse(lookup("#plotChart").tryQuery().isPresent(), "nor the data pane its plot");
        assertTrue(lookup("#valueTitle").queryAs(Label.class).getText().startsWith("Click an output port"));
        assertTrue(editor.selectedNodes().isEmpty(), "nothing selected in the new workflow");
        assertEquals(editor.viewModel().current().meta().title(), lookup("#lessonTitle").queryAs(Label.class).getText(), "the lesson follows");
        assertTrue(own.isShowing(), "a detached chart stays, as the student may compare");
        WaitForAsyncUtils.asyncFx(own::close).get(5, TimeUnit.SECONDS);
    }
}
