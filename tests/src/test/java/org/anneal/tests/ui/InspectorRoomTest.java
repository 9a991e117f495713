package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With a chart open at the default window size, the selected node's parameters are on screen without scrolling.
 * Before: the chart grew the data pane under the whole window, the side column (lesson, docs, inspector, metrics)
 * shrank to ~300 px and the ridge `lambda` field sat below the fold of its scroll pane.
 */
class InspectorRoomTest extends EditorTestBase {

    @Test
    void theParametersStayInViewWhileAChartIsOpen() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        PlotChart chart = runAndShowParity(editor);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.getHeight() >= 300);
        WaitForAsyncUtils.asyncFx(() -> editor.showNode("ridge")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Node lambda = lookup("#param-lambda").query();
        assertNotNull(lambda);
        Bounds field = lambda.localToScene(lambda.getLayoutBounds());
        for (Parent p = lambda.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                Bounds seen = viewport.localToScene(viewport.getLayoutBounds());
                assertTrue(field.getMinY() >= seen.getMinY() - 0.5 && field.getMaxY() <= seen.getMaxY() + 0.5,
                        "lambda " + field + " is inside the visible part of " + sp.getId() + " " + seen + " (scroll " + sp.getVvalue() + ")");
            }
        }
        assertTrue(field.getMaxY() <= lambda.getScene().getHeight(), "and inside the window: " + field);
        assertTrue(chart.getHeight() >= 300, "the chart stays readable: " + chart.getHeight());
    }

    /**
     * The workflow stays in sight when the data pane grows for a chart: a view the student has not moved follows the
     * canvas's new size. Before: the fit made for the taller canvas at opening left the score block under the data pane.
     */
    @Test
    void theWorkflowStaysInSightWhenAChartTakesRoom() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        runAndShowParity(editor);
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = lookup("#canvas").query();
        Bounds seen = canvas.localToScene(canvas.getLayoutBounds());
        for (String id : editor.viewModel().current().nodes().stream().map(n -> n.id()).toList()) {
            Node box = lookup("#node-" + id).query();
            Bounds b = box.localToScene(box.getBoundsInLocal());
            assertTrue(seen.contains(b.getMinX(), b.getMinY()) && seen.contains(b.getMaxX(), b.getMaxY()),
                    "block " + id + " " + b + " inside the canvas " + seen);
        }
    }
}
