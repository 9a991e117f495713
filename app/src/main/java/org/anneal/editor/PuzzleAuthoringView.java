package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;

/**
 * Instructor mode: write the title, story and hints, tick what stays locked (nodes and wires), which
 * leakage rules the student must clear and the metric range the fix must reach, then save as a puzzle.
 * Every change is one undoable edit of the workflow's puzzle block (see {@link PuzzleBlock}).
 */
final class PuzzleAuthoringView extends VBox {
    static final List<String> RULES = List.of("L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10");
    private final WorkflowViewModel vm;
    private final TextField title = new TextField();
    private final TextArea story = new TextArea();
    private final TextArea hints = new TextArea();
    private final FlowPane rules = new FlowPane(6, 4);
    private final VBox locks = new VBox(2);
    private final Label gaps = new Label();
    private final ComboBox<String> rangeNode = new ComboBox<>();
    private final TextField rangeMetric = new TextField("r2");
    private final TextField rangeMin = new TextField();
    private final TextField rangeMax = new TextField();
    private final Label status = new Label();
    private final CheckBox quickFixes = new CheckBox("Students may use quick fixes (the Fix buttons, anneal check --fix)");
    private boolean refreshing;

    PuzzleAuthoringView(WorkflowViewModel vm, java.util.function.Supplier<javafx.stage.Window> window) {
        super(4);
        this.vm = vm;
        setId("puzzleAuthoring");
        title.setId("puzzleTitleEdit");
        title.setPromptText("Title");
        story.setId("puzzleStoryEdit");
        story.setPromptText("The story the student reads: what the pipeline claims and why it is suspicious.");
        story.setWrapText(true);
        story.setPrefRowCount(4);
        hints.setId("puzzleHintsEdit");
        hints.setPromptText("Hints, one per line");
        hints.setPrefRowCount(3);
        commitOnLeave(title, t -> PuzzleBlock.withText(vm.puzzleBlock(), "title", t));
        commitOnLeave(story, t -> PuzzleBlock.withText(vm.puzzleBlock(), "story", t));
        commitOnLeave(hints, t -> PuzzleBlock.withHints(vm.puzzleBlock(), t));
        for (String r : RULES) {
            CheckBox c = new CheckBox(r);
            c.setId("clear-" + r);
            c.selectedProperty().addListener((o, a, now) -> {
                if (!refreshing) {
                    vm.editPuzzle(b -> PuzzleBlock.withRuleToClear(b, r, now));
                }
            });
            rules.getChildren().add(c);
        }
        quickFixes.setId("allowQuickFixes");
        quickFixes.setWrapText(true);
        quickFixes.selectedProperty().addListener((o, a, now) -> {
            if (!refreshing) {
                vm.editPuzzle(b -> PuzzleBlock.withQuickFixes(b, now));
            }
        });
        rangeNode.setId("rangeNode");
        rangeMetric.setId("rangeMetric");
        rangeMin.setId("rangeMin");
        rangeMax.setId("rangeMax");
        rangeMetric.setPrefColumnCount(8);
        rangeNode.setPromptText("evaluation node");
        rangeMin.setPrefColumnCount(4);
        rangeMax.setPrefColumnCount(4);
        Button setRange = new Button("Set");
        setRange.setId("rangeSet");
        setRange.setOnAction(e -> setRange());
        gaps.setId("puzzleGaps");
        gaps.setWrapText(true);
        gaps.setStyle("-fx-text-fill: #e37400;");
        status.setId("puzzleSaveStatus");
        status.setWrapText(true);
        Button save = new Button("Save as puzzle…");
        save.setId("savePuzzleButton");
        save.setOnAction(e -> save(window.get()));
        TitledPane lockPane = new TitledPane("Locked nodes and wires (the student cannot change them)", locks);
        lockPane.setId("lockPane");
        Label heading = new Label("Puzzle authoring");
        heading.setStyle("-fx-font-weight: bold;");
        // save and its outcome on top: the pane is long, and they must never scroll out of reach
        getChildren().addAll(new HBox(8, heading, save), status, gaps, title, story, hints, new Label("Rules the student must clear"), rules,
                new Label("Metric range the fix must reach"), new HBox(4, rangeNode, rangeMetric),
                new HBox(4, new Label("from"), rangeMin, new Label("to"), rangeMax, setRange), quickFixes, lockPane);
        visibleProperty().bind(vm.authoringProperty());
        managedProperty().bind(visibleProperty());
        vm.workflowProperty().addListener((o, a, lw) -> refresh(lw));
        vm.authoringProperty().addListener((o, a, now) -> refresh(vm.workflowProperty().get()));
    }

    private void commitOnLeave(TextInputControl field, java.util.function.Function<String, JsonNode> edit) {
        Path[] typingIn = new Path[1];
        field.focusedProperty().addListener((o, was, now) -> {
            LoadedWorkflow lw = vm.workflowProperty().get();
            if (now) {
                typingIn[0] = lw == null ? null : lw.file();
            } else if (!refreshing && lw != null && java.util.Objects.equals(typingIn[0], lw.file())) {
                vm.editPuzzle(b -> edit.apply(field.getText()));
            } else {
                refresh(lw); // another workflow was opened while typing: show its text, never write ours into it
            }
        });
    }

    private void setRange() {
        String node = rangeNode.getValue();
        String metric = rangeMetric.getText().strip();
        if (node == null || metric.isEmpty()) {
            status.setText("Pick the evaluation node and name its metric (r2, rmse, accuracy, ...).");
            return;
        }
        try {
            double lo = rangeMin.getText().isBlank() ? Double.NEGATIVE_INFINITY : Double.parseDouble(rangeMin.getText().strip());
            double hi = rangeMax.getText().isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(rangeMax.getText().strip());
            if (lo > hi) {
                status.setText("The lower end is above the upper end.");
                return;
            }
            vm.editPuzzle(b -> PuzzleBlock.withMetricRange(b, node, metric, lo, hi));
            status.setText("");
        } catch (NumberFormatException ex) {
            status.setText("The range ends must be numbers, or empty for no bound.");
        }
    }

    private void save(javafx.stage.Window owner) {
        List<String> missing = PuzzleBlock.gaps(vm.puzzleBlock());
        if (!missing.isEmpty()) {
            status.setText("Not saved yet: " + String.join(" ", missing));
            return;
        }
        LoadedWorkflow lw = vm.workflowProperty().get();
        String name = lw.file() == null ? "puzzle.json" : lw.file().getFileName().toString().replaceAll("\\.json$", "") + "-puzzle.json";
        Path target = FileDialogs.save(owner, "Save as puzzle", name, "Anneal workflows", "*.json");
        if (target == null) {
            return;
        }
        try {
            vm.saveAs(target);
            status.setText("Saved the puzzle as " + target.getFileName() + ". Students open it; `anneal puzzle verify` checks their fix.");
        } catch (IOException ex) {
            status.setText("Not saved: " + ex.getMessage());
        }
    }

    /** Shows the block as it now is; rebuilt from the workflow, so undo and redo show up here too. */
    private void refresh(LoadedWorkflow lw) {
        if (lw == null || !vm.authoringProperty().get()) {
            return;
        }
        refreshing = true;
        try {
            JsonNode b = lw.workflow().block("puzzle").orElse(null);
            setIfIdle(title, b == null ? "" : b.path("title").asText(""));
            setIfIdle(story, b == null ? "" : b.path("story").asText(""));
            List<String> hs = new ArrayList<>();
            if (b != null) {
                b.path("hints").forEach(h -> hs.add(h.asText()));
            }
            setIfIdle(hints, String.join("\n", hs));
            quickFixes.setSelected(b != null && b.path("quickFixes").asBoolean(false));
            List<String> clear = texts(b == null ? null : b.path("goal").path("clear"));
            rules.getChildren().forEach(n -> ((CheckBox) n).setSelected(clear.contains(((CheckBox) n).getText())));
            List<String> lockedNodes = texts(b == null ? null : b.path("locked").path("nodes"));
            List<String> lockedLinks = texts(b == null ? null : b.path("locked").path("links"));
            locks.getChildren().clear();
            for (NodeInstance n : lw.workflow().nodes()) {
                CheckBox c = new CheckBox("node " + n.id() + " (" + n.type() + ")");
                c.setId("lock-node-" + n.id());
                c.setSelected(lockedNodes.contains(n.id()));
                c.selectedProperty().addListener((o, a, now) -> vm.editPuzzle(x -> PuzzleBlock.withNodeLocked(x, n.id(), now)));
                locks.getChildren().add(c);
            }
            for (Link l : lw.workflow().links()) {
                CheckBox c = new CheckBox("wire " + l);
                c.setId("lock-wire-" + (l.from().node() + "_" + l.from().port() + "__" + l.to().node() + "_" + l.to().port()).replaceAll("[^A-Za-z0-9_-]", "_"));
                c.setSelected(lockedLinks.contains(l.toString()));
                c.selectedProperty().addListener((o, a, now) -> vm.editPuzzle(x -> PuzzleBlock.withLinkLocked(x, l, now)));
                locks.getChildren().add(c);
            }
            List<String> evaluators = lw.workflow().nodes().stream().filter(n -> n.type().startsWith("evaluate.")).map(NodeInstance::id).toList();
            if (!rangeNode.getItems().equals(evaluators)) {
                rangeNode.getItems().setAll(evaluators);
            }
            List<String> missing = PuzzleBlock.gaps(b);
            gaps.setText(missing.isEmpty() ? "" : "To finish: " + String.join(" ", missing));
        } finally {
            refreshing = false;
        }
    }

    /** A field being typed in keeps its text; the others follow the block. */
    private static void setIfIdle(TextInputControl field, String text) {
        if (!field.isFocused() && !field.getText().equals(text)) {
            field.setText(text);
        }
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
