package org.anneal.editor;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.controlsfx.control.textfield.TextFields;

/**
 * Every node type, grouped under CRISP-DM phase headings, with a search over titles and ids, and over the
 * docs when no title or id matches (every word must match; see {@link NodeSearch}). Drag a type onto the canvas, or double-click it to add it beside the
 * existing nodes.
 */
final class PaletteView extends VBox {
    PaletteView(NodeRegistry registry, Consumer<String> add) {
        super(6);
        TextField search = TextFields.createClearableTextField();
        search.setId("paletteSearch");
        search.setPromptText("Search blocks…");
        FilteredList<NodeDescriptor> items = new FilteredList<>(FXCollections.observableArrayList(registry.all()));
        search.textProperty().addListener((o, a, text) -> {
            // blocks named like the query hide blocks that merely mention it; the docs are searched when no name matches
            int worst = NodeSearch.anyByName(registry.all(), text) ? 1 : 2;
            items.setPredicate(d -> NodeSearch.rank(d, text) <= worst);
        });
        ListView<NodeDescriptor> list = new ListView<>(items);
        list.setId("palette");
        list.setCellFactory(lv -> new PaletteCell(add));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, list);
        setMinWidth(200);
    }

    /** The node type a palette entry being dragged stands for, or null when {@code gestureSource} is something else. */
    static String draggedType(Object gestureSource) {
        return gestureSource instanceof PaletteCell c && c.getItem() != null ? c.getItem().id() : null;
    }

    private static final class PaletteCell extends ListCell<NodeDescriptor> {
        private final Consumer<String> add;

        PaletteCell(Consumer<String> add) {
            this.add = add;
        }

        @Override
        protected void updateItem(NodeDescriptor d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setStyle("");
                setId(null);
                return;
            }
            setId("palette-" + d.id().replace('.', '_'));
            // the title only: the internal id ("model.ridge") is for authors and sits in the tooltip
            Label title = new Label(d.title(), BlockIcons.icon(d, 15, javafx.scene.paint.Color.web(d.phase().colour())));
            title.setGraphicTextGap(6);
            title.setStyle("-fx-border-color: transparent transparent transparent " + d.phase().colour() + "; -fx-border-width: 0 0 0 5; -fx-padding: 0 0 0 6;");
            // a heading where a new phase starts in the (filtered) list: the groups stay visible while searching
            int i = getIndex();
            NodeDescriptor previous = i > 0 && i - 1 < getListView().getItems().size() ? getListView().getItems().get(i - 1) : null;
            if (previous == null || previous.phase() != d.phase()) {
                Label heading = new Label(d.phase().title().toUpperCase(Locale.ROOT), BlockIcons.icon(d.phase(), 12, javafx.scene.paint.Color.web(d.phase().colour())));
                heading.getStyleClass().add("palette-phase");
                heading.setStyle("-fx-font-size: 10px; -fx-font-weight: bold; -fx-text-fill: " + d.phase().colour() + "; -fx-padding: 4 0 2 0;");
                setGraphic(new VBox(2, heading, title));
            } else {
                setGraphic(title);
            }
            setText(null);
            setTooltip(new Tooltip(d.title() + " (" + d.id() + ")\n" + d.summary()));
            // a drag within the window, not the platform's drag and drop: that needs a system clipboard round trip,
            // and under Monocle (the UI tests) it failed now and then and left the next test's drags broken
            setOnDragDetected(e -> {
                startFullDrag();
                e.consume();
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    add.accept(d.id());
                }
            });
        }
    }
}
