package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;
import org.anneal.graph.Problem;

/**
 * What the toolbar's file buttons do: new, open, save, save as, hand in. Each asks before unsaved changes
 * are thrown away and reports failures in a dialog rather than in the log.
 */
final class FileActions {
    private final WorkflowViewModel vm;
    private final Stage stage;

    FileActions(WorkflowViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
    }

    /** True when the open workflow may be replaced or closed: saved, or the student chose to save or not to. */
    boolean readyToLeave() {
        if (!vm.dirtyProperty().get()) {
            return true;
        }
        return switch (EditorDialogs.askUnsaved()) {
            case SAVE -> {
                save();
                yield !vm.dirtyProperty().get(); // a cancelled Save as… keeps the work and stays
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    void open(Path file) {
        if (!readyToLeave()) {
            return;
        }
        List<Problem> problems = vm.open(file);
        if (!problems.isEmpty()) {
            EditorDialogs.error("Cannot open " + file.getFileName(), problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
        } else if (vm.recoveredProperty().get() != null) {
            Platform.runLater(() -> EditorDialogs.offerRecovery(vm)); // after the window is up, so start-up never blocks on a dialog
        }
    }

    /** Open…: a file chooser starting where the current workflow lives, else at the bundled examples. */
    void chooseAndOpen() {
        var lw = vm.workflowProperty().get();
        Path f = FileDialogs.open(stage, "Open a workflow", lw == null ? EditorApp.HOME.resolve("workflows") : lw.baseDir(), "Anneal workflows", "*.json");
        if (f != null) {
            open(f);
        }
    }

    void startNew() {
        if (readyToLeave()) {
            vm.newWorkflow(Path.of("").toAbsolutePath());
        }
    }

    void save() {
        if (vm.untitled()) {
            saveAs(); // a new workflow has no name yet
            return;
        }
        try {
            vm.save();
        } catch (IOException ex) {
            EditorDialogs.error("Could not save", ex.getMessage());
        }
    }

    void saveAs() {
        var lw = vm.workflowProperty().get();
        String name = vm.untitled() ? "workflow.json" : lw.file().getFileName().toString();
        Path f = FileDialogs.save(stage, "Save the workflow as", name, "Anneal workflows", "*.json");
        if (f != null) {
            try {
                vm.saveAs(f);
            } catch (IOException ex) {
                EditorDialogs.error("Could not save", ex.getMessage());
            }
        }
    }

    void handIn() {
        if (vm.dirtyProperty().get()) {
            EditorDialogs.error("Save first", "Save the workflow before handing it in, so the hand-in matches your file.");
            return;
        }
        TextInputDialog ask = new TextInputDialog(System.getProperty("user.name"));
        ask.setHeaderText("Hand in this workflow");
        ask.setContentText("Your name:");
        ask.showAndWait().filter(a -> !a.isBlank()).ifPresent(author -> {
            vm.statusProperty().set("Handing in: running the workflow…");
            vm.handIn(author.trim()).whenComplete((path, err) -> Platform.runLater(() -> vm.statusProperty().set(err != null
                    ? "Not handed in: " + (err.getCause() != null ? err.getCause().getMessage() : err.getMessage())
                    : "Handed in as " + path)));
        });
    }
}
