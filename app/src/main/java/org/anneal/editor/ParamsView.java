package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.anneal.graph.NodeInstance;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;

/**
 * The selected node's parameters, generated from its declaration: one field per parameter, the default
 * shown as a hint, the range or choices in the tooltip, checked as soon as the value is entered.
 */
final class ParamsView extends GridPane {
    private final WorkflowViewModel vm;

    ParamsView(WorkflowViewModel vm) {
        this.vm = vm;
        setId("params");
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(4, 0, 4, 0));
    }

    void show(NodeInstance n, NodeDescriptor d) {
        getChildren().clear();
        if (n == null || d == null) {
            return;
        }
        int row = 0;
        for (ParamDescriptor p : d.params()) {
            Label name = new Label(p.name());
            TextField field = new TextField();
            field.setId("param-" + p.name());
            JsonNode v = n.params().get(p.name());
            field.setText(v == null ? "" : v.isTextual() ? v.textValue() : v.toString());
            field.setPromptText(p.hasDefault() ? p.defaultJson().toString() : "required");
            String allowed = !p.choices().isEmpty() ? "One of: " + String.join(", ", p.choices()) : p.rangeText();
            field.setTooltip(new Tooltip(p.doc() + (allowed.isEmpty() ? "" : "\n" + allowed) + "\n(" + p.type().title() + ")"));
            Label error = new Label();
            error.setStyle("-fx-text-fill: #d93025; -fx-font-size: 10px;");
            error.setWrapText(true);
            field.setOnAction(e -> commit(n.id(), p, field, error));
            field.focusedProperty().addListener((o, was, now) -> {
                if (was && !now) {
                    commit(n.id(), p, field, error);
                }
            });
            add(name, 0, row);
            add(field, 1, row++);
            add(error, 1, row++);
        }
    }

    private void commit(String id, ParamDescriptor p, TextField field, Label error) {
        JsonNode before = vm.current().node(id).map(x -> x.params().get(p.name())).orElse(null);
        String now = field.getText();
        String old = before == null ? "" : before.isTextual() ? before.textValue() : before.toString();
        if (now.equals(old)) {
            return; // nothing changed: no undo step, no re-validation
        }
        String text = p.type() == org.anneal.spec.ParamType.COLUMNS || p.type() == org.anneal.spec.ParamType.TEXT_LIST
                || p.type() == org.anneal.spec.ParamType.REAL || p.type() == org.anneal.spec.ParamType.INTEGER
                || p.type() == org.anneal.spec.ParamType.BOOLEAN || now.isBlank() ? now : quote(now);
        String problem = vm.setParam(id, p.name(), text);
        error.setText(problem == null ? "" : problem);
        field.setStyle(problem == null ? "" : "-fx-border-color: #d93025;");
    }

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
