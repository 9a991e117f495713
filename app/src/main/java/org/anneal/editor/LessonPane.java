package org.anneal.editor;

import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;

/**
 * The lesson of the open workflow: its title and {@code meta.description} ("Always keep a baseline ..."), above the
 * inspector, so a student sees what the example is about before touching a block. Hidden when the workflow has
 * neither; follows every workflow opened or created and edits of its meta.
 */
final class LessonPane extends TitledPane {
    private final Label heading = new Label();
    private final Label text = new Label();

    LessonPane(WorkflowViewModel vm) {
        setText("Lesson");
        setId("lessonPane");
        heading.setId("lessonTitle");
        heading.setWrapText(true);
        heading.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        text.setId("lessonText");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole description, never "..."
        VBox box = new VBox(4, heading, text);
        setContent(box);
        setCollapsible(true);
        managedProperty().bind(visibleProperty());
        vm.workflowProperty().addListener((o, was, lw) -> show(lw));
        show(vm.workflowProperty().get());
    }

    private void show(LoadedWorkflow lw) {
        Meta m = lw == null ? null : lw.workflow().meta();
        String title = m == null ? "" : m.title();
        String description = m == null ? "" : m.description();
        heading.setText(title);
        text.setText(description);
        text.setVisible(!description.isBlank());
        text.setManaged(!description.isBlank());
        setVisible(!title.isBlank() || !description.isBlank());
    }
}
