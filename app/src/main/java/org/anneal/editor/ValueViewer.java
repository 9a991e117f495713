package org.anneal.editor;

import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;

/**
 * Shows the value on an output port after a run: a virtualised table for tables (column type and missing
 * count in each header, so a million rows stay smooth), a description for learners, models and states.
 */
final class ValueViewer extends VBox {
    private final Label title = new Label("Click an output port (right side of a node) after a run to see its value.");
    private final TableView<Integer> table = new TableView<>();

    ValueViewer() {
        super(4);
        setId("valueViewer");
        title.setWrapText(true);
        table.setId("dataViewer");
        table.setPlaceholder(new Label(""));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
    }

    void show(String port, Object value) {
        table.getColumns().clear();
        table.setItems(FXCollections.observableArrayList());
        if (value == null) {
            title.setText(port + ": no value yet; run the workflow first.");
            return;
        }
        if (value instanceof Table t) {
            title.setText(port + ": " + t.rowCount() + " rows × " + t.columnCount() + " columns");
            TableColumn<Integer, String> index = new TableColumn<>("#");
            index.setCellValueFactory(cd -> new SimpleStringProperty(Integer.toString(cd.getValue() + 1)));
            table.getColumns().add(index);
            for (Column c : t.columns()) {
                TableColumn<Integer, String> col = new TableColumn<>(c.name() + "\n" + c.type().title() + " · " + c.role().jsonName()
                        + (c.missingCount() > 0 ? " · " + c.missingCount() + " missing" : ""));
                col.setCellValueFactory(cd -> new SimpleStringProperty(c.text(cd.getValue())));
                table.getColumns().add(col);
            }
            // the items are row numbers; cells read the columns lazily, so only visible rows are ever formatted
            table.setItems(FXCollections.observableArrayList(IntStream.range(0, t.rowCount()).boxed().toList()));
        } else if (value instanceof Metrics m) {
            title.setText(port + ": " + m.values().size() + " metrics on " + m.rows() + " rows (see the Metrics table)");
        } else if (value instanceof TrainedModel m) {
            title.setText(port + ": " + m.describe() + "\nTarget " + m.target() + "; parameters " + m.parameters());
        } else if (value instanceof Learner l) {
            title.setText(port + ": " + l.describe());
        } else if (value instanceof FittedTransform f) {
            title.setText(port + ": " + f.describe());
        } else {
            title.setText(port + ": " + value);
        }
    }
}
