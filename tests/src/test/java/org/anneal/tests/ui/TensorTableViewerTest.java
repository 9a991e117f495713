package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

/** A table of micrographs: the header names the shape, each cell a one-line summary, never the pixels. */
class TensorTableViewerTest extends ViewerTestBase {

    @Override
    protected double height() {
        return 400;
    }

    @Test
    void aTensorColumnShowsItsShapeInTheHeaderAndASummaryPerCell() throws Exception {
        int n = 500;
        int size = 64 * 64;
        float[] pixels = new float[n * size];
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(pixels, r * size, (r + 1) * size, (r % 10) / 10f);
        }
        boolean[] missing = new boolean[n];
        missing[3] = true;
        int[] phase = new int[n];
        Table t = new Table(List.of(new TensorColumn("micrograph", ColumnRole.FEATURE, Shape.image(64, 64, 1), pixels, missing, ""),
                new CategoricalColumn("phase", ColumnRole.TARGET, phase, List.of("ferrite"))));
        show("load:table", t);

        TableView<?> table = lookup("#dataViewer").queryTableView();
        List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
        assertEquals("micrograph\ntensor 64×64×1 · feature · 1 missing", headers.get(1));
        assertEquals("[64×64×1] mean 0.4", table.getColumns().get(1).getCellData(4));
        assertEquals("", table.getColumns().get(1).getCellData(3));
        String longest = lookup("#dataViewer .table-cell").queryAll().stream()
                .map(c -> c instanceof javafx.scene.control.Labeled l && l.getText() != null ? l.getText() : "")
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
        assertTrue(longest.length() < 40, "cells hold a summary, not pixel values: " + longest);
    }
}
