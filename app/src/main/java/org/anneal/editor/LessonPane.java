package org.anneal.editor;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.puzzle.Puzzle;

/**
 * The lesson of the open workflow, above the inspector, so a student sees what the example is about before touching a
 * block: its course unit and title, the description as Markdown (formulas, images beside the workflow), the learning
 * goals, and for a puzzle its story with the hints one at a time ("Next hint"), so the student thinks before reading
 * the answer. Hidden when the workflow has none of these; follows every workflow opened or created.
 */
final class LessonPane extends TitledPane {
    private final Label unit = new Label();
    private final Label heading = new Label();
    private final VBox description = new VBox();
    private final VBox goals = new VBox(2);
    private final VBox story = new VBox(4);
    private final VBox hints = new VBox(4);
    private final Button nextHint = new Button("Next hint");
    /** The most the lesson takes of the side panel's height, in pixels; the rest scrolls. */
    static final double MAX_HEIGHT = 230;
    static final double MIN_HEIGHT = 120;
    private final WorkflowViewModel vm;
    private javafx.scene.control.ScrollPane scroll;
    private Puzzle puzzle;
    private int hintsShown;
    /** What is on show, so an edit of a block (a new workflow value, same lesson) redraws nothing. */
    private java.util.List<Object> shown;

    LessonPane(WorkflowViewModel vm) {
        this.vm = vm;
        setText("Lesson");
        setId("lessonPane");
        unit.setId("lessonUnit");
        unit.setStyle("-fx-opacity: 0.75;");
        unit.setWrapText(true);
        unit.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        heading.setId("lessonTitle");
        heading.setWrapText(true);
        heading.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole title, never "..."
        description.setId("lessonText");
        goals.setId("lessonGoals");
        story.setId("lessonStory");
        hints.setId("lessonHints");
        nextHint.setId("nextHintButton");
        nextHint.setOnAction(e -> showNextHint());
        VBox box = new VBox(6, unit, heading, description, goals, story, hints);
        box.getChildren().forEach(n -> n.managedProperty().bind(n.visibleProperty()));
        // a long lesson scrolls by itself, so the inspector below keeps its room at the default window size
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setId("lessonScroll");
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(MAX_HEIGHT);
        // when a chart or the inspector takes the room: still the unit, the title and the first lines (a short lesson whole)
        scroll.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(MIN_HEIGHT, box.prefHeight(scroll.getWidth() > 0 ? scroll.getWidth() : -1) + 4), box.heightProperty(), scroll.widthProperty()));
        // with room to spare (the side column has the window's height) the lesson shows up to MAX_HEIGHT of itself
        scroll.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(MAX_HEIGHT, box.prefHeight(scroll.getWidth() > 0 ? scroll.getWidth() : -1) + 4), box.heightProperty(), scroll.widthProperty()));
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        nextHint.managedProperty().bind(nextHint.visibleProperty());
        this.scroll = scroll;
        setContent(new VBox(6, scroll, nextHint)); // the hint button stays in sight however long the story is
        setCollapsible(true);
        managedProperty().bind(visibleProperty());
        vm.workflowProperty().addListener((o, was, lw) -> show(lw));
        vm.puzzleProperty().addListener((o, was, p) -> show(vm.workflowProperty().get()));
        // an instructor writing a puzzle needs the room for the authoring pane below; the lesson folds, and comes back after
        vm.authoringProperty().addListener((o, was, authoring) -> setExpanded(!authoring));
        show(vm.workflowProperty().get());
    }

    private void show(LoadedWorkflow lw) {
        Meta m = lw == null ? null : lw.workflow().meta();
        Path base = lw == null ? null : lw.baseDir();
        java.util.List<Object> now = java.util.Arrays.asList(m, base, vm.puzzleProperty().get());
        if (now.equals(shown) && vm.puzzleProperty().get() == puzzle) {
            return;
        }
        shown = now;
        String title = m == null ? "" : m.title();
        String text = m == null ? "" : m.description();
        unit.setText(m == null || m.unit().isBlank() ? "" : "Unit " + m.unit());
        unit.setVisible(!unit.getText().isEmpty());
        heading.setText(title);
        description.getChildren().setAll(new MarkdownView(text, base));
        description.setVisible(!text.isBlank());
        goals.getChildren().clear();
        if (m != null && !m.goals().isEmpty()) {
            Label head = new Label("You will learn to");
            head.setStyle("-fx-font-weight: bold;");
            goals.getChildren().add(head);
            StringBuilder md = new StringBuilder();
            m.goals().forEach(g -> md.append("- ").append(g).append('\n'));
            goals.getChildren().add(new MarkdownView(md.toString(), base));
        }
        goals.setVisible(!goals.getChildren().isEmpty());
        Puzzle p = vm.puzzleProperty().get();
        if (p != puzzle) {
            puzzle = p;
            hintsShown = 0; // a new puzzle (or the same one opened again) starts with every hint hidden
        }
        story.getChildren().clear();
        if (p != null && !p.story().isBlank()) {
            Label head = new Label("Puzzle" + (p.title().isBlank() ? "" : ": " + p.title()));
            head.setWrapText(true);
            head.setStyle("-fx-font-weight: bold;");
            story.getChildren().addAll(head, new MarkdownView(p.story(), base));
        }
        story.setVisible(!story.getChildren().isEmpty());
        showHints(base);
        setVisible(!title.isBlank() || !text.isBlank() || goals.isVisible() || story.isVisible());
    }

    private void showNextHint() {
        if (puzzle != null && hintsShown < puzzle.hints().size()) {
            hintsShown++;
            LoadedWorkflow lw = vm.workflowProperty().get();
            showHints(lw == null ? null : lw.baseDir());
            scroll.layout();
            scroll.setVvalue(scroll.getVmax()); // the hint just asked for is at the bottom: bring it into view
        }
    }

    /** The hints read so far, and the button for the next while one is left. */
    private void showHints(Path base) {
        hints.getChildren().clear();
        int total = puzzle == null ? 0 : puzzle.hints().size();
        for (int i = 0; i < Math.min(hintsShown, total); i++) {
            MarkdownView hint = new MarkdownView("**Hint " + (i + 1) + " of " + total + ".** " + puzzle.hints().get(i), base);
            hint.setId("lessonHint" + (i + 1));
            hints.getChildren().add(hint);
        }
        hints.setVisible(!hints.getChildren().isEmpty());
        nextHint.setVisible(total > 0 && hintsShown < total);
        nextHint.setText(hintsShown == 0 ? "Show a hint (" + total + ")" : "Next hint (" + (total - hintsShown) + " left)");
    }
}
