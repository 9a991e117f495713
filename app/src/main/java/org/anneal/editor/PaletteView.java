package org.anneal.editor;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;

/**
 * Every node type, in CRISP-DM phase order, with a search over titles, ids and docs. Drag a type onto the
 * canvas, or double-click it to add it beside the existing nodes.
 */
final class PaletteView extends VBox {
    PaletteView(NodeRegistry registry, Consumer<String> add) {
        super(6);
        TextField search = new TextField();
        search.setId("paletteSearch");
        search.setPromptText("Search blocks…");
        FilteredList<NodeDescriptor> items = new FilteredList<>(FXCollections.observableArrayList(registry.all()));
        search.textProperty().addListener((o, a, text) -> {
            String q = text.toLowerCase(Locale.ROOT).trim();
            items.setPredicate(d -> q.isEmpty() || d.title().toLowerCase(Locale.ROOT).contains(q) || d.id().contains(q)
                    || d.doc().toLowerCase(Locale.ROOT).contains(q));
        });
        ListView<NodeDescriptor> list = new ListView<>(items);
        list.setId("palette");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(NodeDescriptor d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    setStyle("");
                    return;
                }
                setId("palette-" + d.id().replace('.', '_'));
                setText(d.title() + "\n" + d.phase().title() + " · " + d.id());
                setStyle("-fx-border-color: transparent transparent transparent " + d.phase().colour() + "; -fx-border-width: 0 0 0 5;");
                setTooltip(new Tooltip(d.summary()));
                setOnDragDetected(e -> {
                    var db = startDragAndDrop(TransferMode.COPY);
                    ClipboardContent c = new ClipboardContent();
                    c.putString(d.id());
                    db.setContent(c);
                    e.consume();
                });
                setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2) {
                        add.accept(d.id());
                    }
                });
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, list);
        setMinWidth(200);
    }
}
