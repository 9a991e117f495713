package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.editor.EditorApp;
import org.anneal.editor.PlotChart;
import org.anneal.editor.QuickPlots;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A predictions table offers its parity and residual plots (regression) or its confusion matrix (classes). */
class PredictionChartsTest extends EditorTestBase {

    @Test
    void regressionTablesGiveParityWithABandAndResiduals() {
        Table t = new Table(List.of(new NumericColumn("hv", ColumnRole.TARGET, new double[] {1, 2, 3}),
                new NumericColumn("pred", ColumnRole.PREDICTION, new double[] {1.5, 2, 2.5}),
                new NumericColumn("pred_sd", ColumnRole.PREDICTION, new double[] {0.1, 0.2, 0.5})));
        Map<String, Plot> plots = QuickPlots.forPredictions(t);
        assertEquals(List.of("Parity", "Residuals"), List.copyOf(plots.keySet()));
        Plot.Series parity = plots.get("Parity").series().get(0);
        assertArrayEquals(new double[] {1, 2, 3}, parity.x());
        assertArrayEquals(new double[] {1.5, 2, 2.5}, parity.y());
        assertArrayEquals(new double[] {1.5 - 0.196, 2 - 0.392, 2.5 - 0.98}, parity.low(), 1e-12);
        assertEquals(List.of(Plot.Guide.identity()), plots.get("Parity").guides());
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, plots.get("Residuals").series().get(0).y(), 1e-12);
        assertEquals(List.of(Plot.Guide.zero()), plots.get("Residuals").guides());
    }

    @Test
    void classTablesGiveTheConfusionMatrix() {
        Table t = new Table(List.of(new CategoricalColumn("phase", ColumnRole.TARGET, new int[] {0, 0, 1, 1, 1}, List.of("a", "b")),
                new CategoricalColumn("predicted", ColumnRole.PREDICTION, new int[] {1, 0, 0, 0, 1}, List.of("b", "a"))));
        Plot cm = QuickPlots.forPredictions(t).get("Confusion matrix");
        // true a,a,b,b,b vs predicted a,b,b,b,a (codes differ per column: the labels decide)
        assertEquals(List.of("a", "b"), cm.heatmap().rowLabels());
        assertArrayEquals(new double[][] {{1, 1}, {1, 2}}, cm.heatmap().values());
        assertTrue(QuickPlots.forPredictions(new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {1})))).isEmpty());
    }

    @Test
    void theScoreNodesPredictionsShowAsAParityPlotAfterARun() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        PlotChart chart = runAndShowParity(editor);
        assertEquals(23, chart.plot().series().get(0).size(), "one point per test row, as many as split:test holds (see EditorSmokeTest)");
        assertTrue(lookup(".plot-guide").tryQuery().isPresent(), "the 45° line");
        assertTrue(lookup("#exportPngButton").query().isVisible());

        // change the penalty and run again: the parity plot on show follows the new predictions
        double[] before = chart.plot().series().get(0).y();
        WaitForAsyncUtils.asyncFx(() -> editor.viewModel().setParam("ridge", "lambda", "1000")).get(5, TimeUnit.SECONDS);
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#plotChart").tryQuery().isPresent()
                && lookup("#plotChart").query() != chart && !lookup("#runButton").queryAs(Button.class).isDisabled());
        PlotChart after = lookup("#plotChart").query();
        double[] y = after.plot().series().get(0).y();
        assertArrayEquals(chart.plot().series().get(0).x(), after.plot().series().get(0).x(), "the same test rows");
        // a heavy penalty shrinks the predictions towards their mean: their spread must fall
        assertTrue(spread(y) < spread(before), spread(y) + " vs " + spread(before));
        assertTrue(lookup("#view-Parity").queryAs(javafx.scene.control.ToggleButton.class).isSelected(), "still on the parity view");
        clickOn("#view-Table");
        assertEquals(23, lookup("#dataViewer").queryTableView().getItems().size());
    }

    @Test
    void theConfusionMatrixAgreesWithTheAccuracyTheScoreNodeReports() throws Exception {
        EditorApp editor = start("workflows/04-classification-two-moons.json");
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lookup("#runButton").queryAs(Button.class).isDisabled()
                && editor.viewModel().states().get("score") != null && editor.viewModel().states().get("score").status().isFinal());
        clickOn("#out-score-predictions");
        clickOn("#view-Confusion_matrix");
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.text.Text> counts = lookup(".heat-count").queryAllAs(javafx.scene.text.Text.class).stream().toList();
        assertEquals(4, counts.size(), "two moons: two classes");
        double total = 0, diagonal = 0;
        for (javafx.scene.text.Text t : counts) {
            int[] rc = (int[]) t.getUserData();
            double v = Double.parseDouble(t.getText());
            total += v;
            diagonal += rc[0] == rc[1] ? v : 0;
        }
        assertEquals(100, total, "the 25 % test rows of 400");
        double accuracy = editor.viewModel().metrics().stream().filter(m -> m.node().equals("score") && m.metric().equals("accuracy"))
                .findFirst().orElseThrow().value();
        assertEquals(accuracy, diagonal / total, 1e-12, "the diagonal is what the score node counted as right");
    }

    private static double spread(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
    }
}
