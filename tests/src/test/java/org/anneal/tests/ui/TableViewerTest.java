package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** TABLE values: column types, roles and missing counts in the headers; a million rows stay virtual. */
class TableViewerTest extends ViewerTestBase {

    @Override
    protected double height() {
        return 400;
    }

    @Test
    void headersCountMissingValuesAndOnlyVisibleRowsAreBuilt() throws Exception {
        int n = 1_000_000;
        double[] hardness = new double[n];
        Arrays.setAll(hardness, i -> 100 + i % 50);
        hardness[3] = Double.NaN;
        hardness[500_000] = Double.NaN;
        hardness[n - 1] = Double.NaN;
        int[] phase = new int[n];
        Arrays.setAll(phase, i -> i % 2);
        phase[7] = -1;
        Table t = new Table(List.of(new NumericColumn("hardness_HV", ColumnRole.TARGET, hardness),
                new CategoricalColumn("phase", ColumnRole.FEATURE, phase, List.of("ferrite", "martensite"))));
        show("load:table", t);

        TableView<?> table = lookup("#dataViewer").queryTableView();
        assertEquals(n, table.getItems().size());
        List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
        assertEquals("hardness_HV\nnumber · target · 3 missing", headers.get(1));
        assertTrue(headers.get(2).startsWith("phase\n") && headers.get(2).endsWith("feature · 1 missing"), headers.get(2));
        assertEquals("ferrite", table.getColumns().get(2).getCellData(0));
        assertEquals("martensite", table.getColumns().get(2).getCellData(1));
        int rowsBuilt = lookup("#dataViewer .table-row-cell").queryAll().size();
        assertTrue(rowsBuilt < 60, "virtualised: " + rowsBuilt + " row cells for a million rows");
        assertTrue(lookup("#valueTitle").queryLabeled().getText().contains("1000000 rows × 2 columns"));
    }

    @Test
    void numericColumnsSortByValueWithMissingLast() throws Exception {
        Table t = new Table(List.of(new NumericColumn("hv", ColumnRole.FEATURE, new double[] {3, 10, Double.NaN, 2, 25.5})));
        show("t", t);
        @SuppressWarnings("unchecked")
        TableView<Integer> table = (TableView<Integer>) lookup("#dataViewer").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            table.getSortOrder().setAll(table.getColumns().get(1));
            table.sort();
        }).get(10, TimeUnit.SECONDS);
        // as text, "10" < "2" < "25.5" < "3"; as numbers 2 < 3 < 10 < 25.5, and the missing value last
        assertEquals(List.of(3, 0, 1, 4, 2), List.copyOf(table.getItems()));
    }
}
