package org.anneal.editor;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.anneal.graph.Problem;
import org.anneal.lineage.Finding;

/**
 * Validation problems and leakage findings, errors first, each with a severity icon. Selecting one
 * highlights the nodes and wires involved (through the view model, which the canvas reads) and selects
 * its first node; a finding that has a quick fix gets a "Fix" button that applies it as one undoable edit.
 */
final class ProblemsView extends ListView<Problem> {

    ProblemsView(WorkflowViewModel vm, Consumer<String> selectNode) {
        // errors first, then warnings; within each, the order validation found them (the sort is stable)
        super(new javafx.collections.transformation.SortedList<>(vm.problems(),
                java.util.Comparator.comparing((Problem p) -> !p.isError())));
        setId("problemsList");
        setPlaceholder(new Label("No problems."));
        setCellFactory(lv -> new ProblemCell(vm));
        getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            var h = vm.findings().highlight(p);
            if (!h.nodes().isEmpty()) {
                selectNode.accept(h.nodes().iterator().next());
            }
        });
    }

    /** A red octagon-like disc with "!" for errors, an amber triangle for warnings: readable without colour too. */
    static javafx.scene.Node icon(Problem.Severity s) {
        StackPane icon = new StackPane();
        icon.setMinSize(16, 16);
        icon.setMaxSize(16, 16);
        if (s == Problem.Severity.ERROR) {
            Circle c = new Circle(7, Color.web("#d93025"));
            Text t = new Text("✕");
            t.setFill(Color.WHITE);
            icon.getChildren().addAll(c, t);
            icon.getStyleClass().add("severity-error");
        } else {
            Polygon tri = new Polygon(8, 1, 15, 15, 1, 15);
            tri.setFill(Color.web("#f9ab00"));
            Text t = new Text("!");
            t.setTranslateY(2);
            icon.getChildren().addAll(tri, t);
            icon.getStyleClass().add("severity-warning");
        }
        return icon;
    }

    private static final class ProblemCell extends ListCell<Problem> {
        private final WorkflowViewModel vm;

        ProblemCell(WorkflowViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Finding f = vm.findings().findingOf(p);
            Label text = new Label(f != null ? f.rule() + " " + f.title() + " " + f.explanation() + "  Fix: " + f.fix()
                    : p.describe().replaceFirst("^(ERROR|WARNING) ", "").replace("\n    ", "  "));
            text.setWrapText(false);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, icon(p.severity()), text);
            row.setAlignment(Pos.CENTER_LEFT);
            vm.quickFix(p).ifPresent(fix -> {
                Button b = new Button("Fix");
                b.getStyleClass().add("quick-fix");
                b.setTooltip(new Tooltip(fix.description()));
                b.setOnAction(e -> vm.applyFix(p));
                row.getChildren().add(1, b); // before the text, so a long explanation never pushes it out of view
            });
            setText(null);
            setGraphic(row);
            setTooltip(new Tooltip(f != null ? f.describe() : p.describe()));
        }
    }
}
