package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anneal.spec.ParamDescriptor;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The PropertySheet editor factory: one control per parameter type. Numbers and text are checked as they
 * are typed (red border and the reason below) and committed only when valid, on Enter or leaving the
 * field; check boxes, choices and column pickers commit on change. Every commit goes through the view
 * model, so it is one undo step.
 */
final class ParamEditors {
    static final String INVALID = "-fx-border-color: #d93025; -fx-border-width: 1.5;";

    /** What the editors need from the inspector: commit a value (null = default) and get back a configure problem, if any. */
    interface Context {
        String commit(ParamItem item, JsonNode value);

        /** Columns of the table this node reads (its first table input, or its own output for a source); empty when unknown. */
        List<String> columns();

        /** The folder relative paths are resolved against (the workflow file's folder). */
        Path baseDir();

        javafx.stage.Window window();

        /** What validation already says about this parameter (a missing column, say), or null. */
        String problemOf(String param);

        /** Back to the declared default; the sheet is rebuilt, so every control shows it. */
        void reset(ParamItem item);
    }

    private ParamEditors() {
    }

    static PropertyEditor<?> create(PropertySheet.Item item, Context ctx) {
        ParamItem p = (ParamItem) item;
        Label error = new Label();
        error.getStyleClass().add("param-error");
        error.setId("error-" + p.getName());
        error.setStyle("-fx-text-fill: #d93025; -fx-font-size: 10px;");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Node control = switch (p.descriptor().type()) {
            case BOOLEAN -> checkBox(p, ctx, error);
            case CHOICE -> choice(p, ctx, error, p.descriptor().choices(), com.fasterxml.jackson.databind.node.TextNode::valueOf);
            case COLUMN -> ctx.columns().isEmpty() ? text(p, ctx, error) : columnPicker(p, ctx, error);
            case COLUMNS -> ctx.columns().isEmpty() ? text(p, ctx, error) : columnsPicker(p, ctx, error);
            case PATH -> pathField(p, ctx, error);
            default -> text(p, ctx, error);
        };
        report(control, error, ctx.problemOf(p.getName())); // known before any typing: the field starts red
        VBox box = new VBox(2, control, error);
        box.setId("editor-" + p.getName());
        // every kind of editor can go back to the declared default (a text field also by being emptied)
        javafx.scene.control.MenuItem reset = new javafx.scene.control.MenuItem("Reset to default"
                + (p.descriptor().hasDefault() ? " (" + ParamText.show(p.descriptor().defaultJson()) + ")" : ""));
        reset.setId("reset-" + p.getName());
        reset.setDisable(p.descriptor().required() && !p.descriptor().hasDefault());
        reset.setOnAction(e -> ctx.reset(p));
        if (control instanceof javafx.scene.control.Control c && !(control instanceof TextField)) {
            c.setContextMenu(new javafx.scene.control.ContextMenu(reset));
        } else if (control instanceof TextField f) { // keep cut/copy/paste: emptying a text field restores its default too
            f.setTooltip(new Tooltip(p.getDescription() + "\nEmpty the field to restore the default."));
        }
        return new PropertyEditor<Object>() {
            @Override
            public Node getEditor() {
                return box;
            }

            @Override
            public Object getValue() {
                return p.getValue();
            }

            @Override
            public void setValue(Object value) {
                // the controls show the stored value when built; the sheet is rebuilt when the workflow changes
            }
        };
    }

    private static void report(Node control, Label error, String problem) {
        error.setText(problem == null ? "" : problem);
        control.setStyle(problem == null ? "" : INVALID);
    }

    private static TextField text(ParamItem p, Context ctx, Label error) {
        TextField f = new TextField(ParamText.show(p.stored()));
        f.setId("param-" + p.getName());
        ParamDescriptor d = p.descriptor();
        String range = d.rangeText().isEmpty() ? "" : ", " + d.rangeText();
        f.setPromptText((d.hasDefault() ? ParamText.show(d.defaultJson()) + " (default" + range + ")" : "required" + range));
        f.setTooltip(new Tooltip(p.getDescription()));
        // as you type: say what is wrong, but do not touch the workflow
        f.textProperty().addListener((o, a, now) -> report(f, error, ParamText.read(d, now).error()));
        Runnable commit = () -> {
            ParamText.Reading r = ParamText.read(d, f.getText());
            if (!r.ok() || java.util.Objects.equals(r.value(), p.stored()) || (r.value() == null && p.stored() == null)) {
                return; // invalid stays uncommitted; unchanged makes no undo step
            }
            report(f, error, ctx.commit(p, r.value()));
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                commit.run();
            }
        });
        return f;
    }

    private static CheckBox checkBox(ParamItem p, Context ctx, Label error) {
        JsonNode v = p.stored() != null ? p.stored() : p.descriptor().defaultJson();
        CheckBox c = new CheckBox();
        c.setId("param-" + p.getName());
        c.setSelected(v != null && v.asBoolean());
        c.selectedProperty().addListener((o, a, now) -> report(c, error, ctx.commit(p, com.fasterxml.jackson.databind.node.BooleanNode.valueOf(now))));
        return c;
    }

    private static ComboBox<String> choice(ParamItem p, Context ctx, Label error, List<String> options, Function<String, JsonNode> toValue) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(options));
        box.setId("param-" + p.getName());
        JsonNode v = p.stored() != null ? p.stored() : p.descriptor().defaultJson();
        box.setValue(v == null ? null : ParamText.show(v));
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, now) -> {
            if (now != null) {
                report(box, error, ctx.commit(p, toValue.apply(now)));
            }
        });
        return box;
    }

    /** One column: the upstream columns to pick from, plus "(none)" so an optional role can be cleared. */
    private static ComboBox<String> columnPicker(ParamItem p, Context ctx, Label error) {
        List<String> options = new java.util.ArrayList<>(ctx.columns());
        String current = ParamText.show(p.stored());
        if (!current.isEmpty() && !options.contains(current)) {
            options.add(0, current); // keep a stale name visible; validation already reports it
        }
        if (!p.descriptor().required()) {
            options.add(0, "");
        }
        // the empty entry clears an optional role: the default (none) is restored
        return choice(p, ctx, error, options, name -> name.isEmpty() ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(name));
    }

    private static CheckComboBox<String> columnsPicker(ParamItem p, Context ctx, Label error) {
        List<String> current = new java.util.ArrayList<>();
        if (p.stored() != null) {
            p.stored().forEach(e -> current.add(e.asText()));
        }
        List<String> options = new java.util.ArrayList<>(ctx.columns());
        current.stream().filter(c -> !options.contains(c)).forEach(c -> options.add(0, c));
        CheckComboBox<String> box = new CheckComboBox<>(FXCollections.observableArrayList(options));
        box.setId("param-" + p.getName());
        box.setTitle(current.isEmpty() ? "(none chosen)" : null);
        current.forEach(c -> box.getCheckModel().check(c));
        box.setMaxWidth(Double.MAX_VALUE);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            var a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            options.stream().filter(box.getCheckModel().getCheckedItems()::contains).forEach(a::add); // in table order
            report(box, error, ctx.commit(p, a));
        });
        return box;
    }

    /** A path field with a "…" button; the chosen file is stored relative to the workflow, so the folder can move. */
    private static HBox pathField(ParamItem p, Context ctx, Label error) {
        TextField f = text(p, ctx, error);
        Button browse = new Button("…");
        browse.setId("browse-" + p.getName());
        browse.setTooltip(new Tooltip("Choose a file"));
        Function<Path, String> relative = file -> {
            Path base = ctx.baseDir().toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath().normalize();
            return (abs.getRoot() != null && abs.getRoot().equals(base.getRoot()) ? base.relativize(abs) : abs).toString().replace('\\', '/');
        };
        browse.setOnAction(e -> {
            Path chosen = FileDialogs.open(ctx.window(), "Choose a file for '" + p.getName() + "'", ctx.baseDir(), "Data files", "*.csv");
            if (chosen != null) {
                f.setText(relative.apply(chosen));
                f.fireEvent(new javafx.event.ActionEvent());
            }
        });
        HBox box = new HBox(4, f, browse);
        HBox.setHgrow(f, Priority.ALWAYS);
        return box;
    }
}
