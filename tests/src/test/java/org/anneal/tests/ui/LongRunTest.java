package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.shape.Rectangle;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.exec.NodeStatus;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run that takes minutes (20 000 epochs of single-row SGD): the student watches the fit node's badge count up
 * and its progress bar grow, sees the loss curve drawn live, cancels, and runs again.
 */
class LongRunTest extends EditorTestBase {
    static final String LONG = "tests/src/test/resources/ui/long-sgd.json";

    @Test
    void cancelStopsALongRunPromptlyAndTheNextRunWorks() throws Exception {
        EditorApp editor = start(LONG);
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state(vm, "fit") == NodeStatus.RUNNING && vm.states().get("fit").progress() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        String badge = badge("fit");
        assertTrue(badge.matches("running \\d+ %"), badge);
        Rectangle bar = lookup("#progress-fit").query();
        assertTrue(bar.isVisible());
        double before = bar.getWidth();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bar.getWidth() > before);

        // the window answers while the node trains: a click selects another node at once
        long t0 = System.nanoTime();
        clickOn("#node-gen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.Set.of("gen"), editor.selectedNodes());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "a click took " + (System.nanoTime() - t0) / 1e6 + " ms");

        long cancelledAt = System.nanoTime();
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        long stopMs = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertTrue(stopMs < 3000, "stopped after " + stopMs + " ms");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NodeStatus.DONE, state(vm, "gen"));
        assertEquals(NodeStatus.CANCELLED, state(vm, "fit"));
        assertEquals(NodeStatus.CANCELLED, state(vm, "curve"), "the node after it never ran");
        assertTrue(vm.states().values().stream().noneMatch(s -> s.status() == NodeStatus.FAILED), vm.states().toString());
        assertTrue(vm.problems().stream().noneMatch(p -> p.code().startsWith("node.")), vm.problems().toString());
        assertEquals("cancelled", badge("fit"));
        assertEquals("cancelled", badge("curve"));
        assertFalse(bar.isVisible());
        assertTrue(lookup("#statusBar").queryLabeled().getText().contains("Cancelled."), lookup("#statusBar").queryLabeled().getText());
        // the training thread really stopped: a late progress report would turn the badge back to running
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", badge("fit"));

        // fewer epochs, and the next run finishes; the generated table comes from the cache
        interact(() -> vm.setParam("sgd", "epochs", "5"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && state(vm, "curve") != null && state(vm, "curve").isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NodeStatus.CACHED, state(vm, "gen"));
        assertEquals(NodeStatus.DONE, state(vm, "fit"));
        assertEquals(NodeStatus.DONE, state(vm, "curve"));
        assertEquals(5.0, vm.metrics().stream().filter(m -> m.metric().equals("epochs")).findFirst().orElseThrow().value());
    }

    @Test
    void theLossCurveGrowsInTheDataTabWhileTheModelTrains() throws Exception {
        EditorApp editor = start(LONG);
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#out-curve-plot"); // the loss-curve node's plot: nothing yet, and live while fit trains
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> points() > 0);
        int first = points();
        assertTrue(lookup("#valueTitle").queryLabeled().getText().contains("curve:plot (live, fit is running)"),
                lookup("#valueTitle").queryLabeled().getText());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> points() > first + 50);
        PlotChart chart = lookup("#plotChart").query();
        double[] y = chart.plot().series().get(0).y();
        assertTrue(y[y.length - 1] < y[0], "the loss falls: " + y[0] + " -> " + y[y.length - 1]);

        // selecting the training node shows its curve too, whatever port was on show before
        clickOn("#out-gen-table");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#node-fit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#valueTitle").queryLabeled().getText().startsWith("fit (live"));
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertTrue(vm.liveValues().isEmpty());
    }

    /** Points on the chart in the Data tab, 0 when it shows no chart. */
    private int points() {
        return lookup("#plotChart").tryQuery().map(n -> ((PlotChart) n).plot().series().get(0).x().length).orElse(0);
    }

    private static NodeStatus state(WorkflowViewModel vm, String id) {
        var s = vm.states().get(id);
        return s == null ? null : s.status();
    }

    private String badge(String node) {
        return lookup("#badge-" + node).queryAs(javafx.scene.text.Text.class).getText();
    }
}
