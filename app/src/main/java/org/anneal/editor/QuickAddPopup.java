package org.anneal.editor;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Point2D;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.anneal.spec.NodeDescriptor;

/**
 * Double-click on empty canvas: a search field at the cursor that filters every node type by title, id and
 * doc as you type (every word must match). Enter adds the highlighted type where the user
 * double-clicked; Up/Down move the highlight; Escape or a click elsewhere closes it.
 */
final class QuickAddPopup {
    private QuickAddPopup() {
    }

    static Popup show(CanvasView canvas, Point2D view, double screenX, double screenY) {
        Point2D at = canvas.viewToWorld(view.getX(), view.getY());
        FilteredList<NodeDescriptor> items = new FilteredList<>(FXCollections.observableArrayList(canvas.vm.registry().all()));
        TextField search = new TextField();
        search.setId("quickAddSearch");
        search.setPromptText("Add a node: type to search…");
        // best matches first: a block named like the query before blocks whose doc mentions it
        String[] query = {""};
        javafx.collections.transformation.SortedList<NodeDescriptor> ranked = new javafx.collections.transformation.SortedList<>(items);
        ListView<NodeDescriptor> list = new ListView<>(ranked);
        list.setId("quickAddList");
        list.setPrefSize(320, 260);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(NodeDescriptor d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.title() + "  ·  " + d.id());
                setStyle(empty || d == null ? "" : "-fx-border-color: transparent transparent transparent " + d.phase().colour() + "; -fx-border-width: 0 0 0 4;");
            }
        });
        search.textProperty().addListener((o, a, text) -> {
            String q = text.toLowerCase(Locale.ROOT).trim();
            query[0] = q;
            items.setPredicate(d -> matches(d, q));
            ranked.setComparator(java.util.Comparator.comparingInt(d -> NodeSearch.rank(d, query[0])));
            list.getSelectionModel().selectFirst();
        });
        list.getSelectionModel().selectFirst();
        VBox box = new VBox(4, search, list);
        box.setStyle("-fx-background-color: white; -fx-padding: 6; -fx-border-color: #9aa0a6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        Popup popup = new Popup();
        popup.setAutoHide(true);
        popup.getContent().add(box);
        Runnable add = () -> {
            NodeDescriptor d = list.getSelectionModel().getSelectedItem();
            if (d == null && !ranked.isEmpty()) {
                d = ranked.get(0);
            }
            popup.hide();
            if (d != null) {
                String id = canvas.vm.addNode(d.id(), at.getX(), at.getY());
                if (id != null) {
                    canvas.select(id);
                }
            }
        };
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER -> add.run();
                case ESCAPE -> popup.hide();
                case DOWN -> list.getSelectionModel().selectNext();
                case UP -> list.getSelectionModel().selectPrevious();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                add.run();
            }
        });
        popup.show(canvas, screenX, screenY);
        search.requestFocus();
        return popup;
    }

    /** Every word of the query must occur in the title, id or doc. */
    static boolean matches(NodeDescriptor d, String query) {
        return NodeSearch.rank(d, query) != NodeSearch.NONE;
    }

}
