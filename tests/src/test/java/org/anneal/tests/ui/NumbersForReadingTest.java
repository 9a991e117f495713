package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.anneal.spec.ColumnRole;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Numbers rounded for reading in the data pane (four significant digits), at full precision on Ctrl+C. Before, a table
 * cell showed 0.934567123 in full and a metric 0.934567, and nothing could be copied out of either.
 */
class NumbersForReadingTest extends ViewerTestBase {

    private List<String> cellTexts(String table) {
        return lookup(table + " .table-cell").queryAllAs(Labeled.class).stream().map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    @Test
    void tableCellsAreRoundedAndCopiedInFull() throws Exception {
        Table t = new Table(List.of(new NumericColumn("r", ColumnRole.FEATURE, new double[] {0.934567123, 12345.678, Double.NaN, 1985, 0.000025})));
        show("t", t);
        List<String> cells = cellTexts("#dataViewer");
        assertTrue(cells.containsAll(List.of("0.9346", "12346", "1985", "2.5e-5")), cells.toString());
        assertFalse(cells.contains("0.934567123"), cells.toString());

        @SuppressWarnings("unchecked")
        TableView<Integer> table = (TableView<Integer>) lookup("#dataViewer").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            table.getSelectionModel().selectRange(0, 2);
            table.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertEquals("r\n0.934567123\n12345.678\n", copied, "the column name, then the selected rows at full precision");
    }

    @Test
    void metricsAreRoundedAndCopiedInFull() throws Exception {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("r2", 0.934567123);
        values.put("rmse", 0.0123456789);
        show("score:metrics", new Metrics(Task.REGRESSION, values, 20));
        List<String> cells = cellTexts("#metricsViewer");
        assertTrue(cells.containsAll(List.of("0.9346", "0.01235")), cells.toString());
        TableView<?> metrics = lookup("#metricsViewer").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            metrics.getSelectionModel().selectAll();
            metrics.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertEquals("r2\t0.934567123\nrmse\t0.0123456789\n", copied);
    }
}
