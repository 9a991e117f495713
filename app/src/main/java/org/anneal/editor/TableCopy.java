package org.anneal.editor;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Ctrl+C (and "Copy" on the table's context menu) copies the selected rows as tab-separated text with every number at
 * full precision, while the cells show them rounded for reading ({@link ReadableNumber}): a spreadsheet gets the values
 * the model computed, not the ones that fit a cell.
 */
final class TableCopy {
    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    /**
     * @param header the first line (column names), or null for none
     * @param row    one selected row as its full-precision cells
     */
    static <T> void install(TableView<T> table, String header, Function<T, List<String>> row) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copy = new MenuItem("Copy (full precision)");
        copy.setId("copyRows");
        copy.setOnAction(e -> copy(table, header, row));
        table.setContextMenu(new ContextMenu(copy));
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy(table, header, row);
                e.consume();
            }
        });
    }

    /** The selected rows as text: a header line when given, then one tab-separated line per row. */
    static <T> String text(TableView<T> table, String header, Function<T, List<String>> row) {
        StringBuilder sb = new StringBuilder();
        if (header != null) {
            sb.append(header).append('\n');
        }
        for (T item : table.getSelectionModel().getSelectedItems()) {
            sb.append(String.join("\t", row.apply(item))).append('\n');
        }
        return sb.toString();
    }

    private static <T> void copy(TableView<T> table, String header, Function<T, List<String>> row) {
        if (table.getSelectionModel().getSelectedItems().isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text(table, header, row));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
