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
}
