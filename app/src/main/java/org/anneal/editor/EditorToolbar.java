package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** The workbench's toolbar: files, undo and redo, running, hand-in and puzzle authoring. Buttons keep their ids for the UI tests. */
final class EditorToolbar {
    private EditorToolbar() {
    }

    /** {@code nothingSelected}: no node is selected, so "Run to selected" has nothing to run to. */
    static ToolBar build(WorkflowViewModel vm, FileActions files, CanvasView canvas, ObservableBooleanValue nothingSelected) {
        Button open = button("Open…", "openButton", files::chooseAndOpen);
        Button save = button("Save", "saveButton", files::save);
        save.disableProperty().bind(vm.dirtyProperty().not());
        Button run = button("▶ Run", "runButton", vm::run);
        run.disableProperty().bind(vm.runningProperty().or(vm.workflowProperty().isNull()));
        Button cancel = button("■ Cancel", "cancelButton", vm::cancel);
        cancel.disableProperty().bind(vm.runningProperty().not());
        Button runTo = button("▶ Run to selected", "runToButton", () -> vm.runUpTo(canvas.selection()));
        runTo.setTooltip(new Tooltip("Run only what the selected nodes need (Shift+F5); F5 runs everything"));
        runTo.disableProperty().bind(vm.runningProperty().or(vm.workflowProperty().isNull()).or(nothingSelected));
        Button neu = button("New", "newButton", files::startNew);
        Button saveAs = button("Save as…", "saveAsButton", files::saveAs);
        saveAs.disableProperty().bind(vm.workflowProperty().isNull());
        Button undo = button("↶ Undo", "undoButton", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("↷ Redo", "redoButton", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button handIn = button("Hand in…", "handInButton", files::handIn);
        handIn.disableProperty().bind(vm.workflowProperty().isNull().or(vm.runningProperty()));
        return new ToolBar(neu, open, examples(files), new RecentMenu(vm, RecentFiles.standard(), files::open), save, saveAs, new Separator(), undo, redo,
                new Separator(), run, runTo, cancel, new Separator(), handIn, authorPuzzle(vm));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The bundled workflows and puzzles next to this installation (solutions left out). */
    private static MenuButton examples(FileActions files) {
        MenuButton examples = new MenuButton("Examples");
        examples.setId("examplesMenu");
        for (String folder : List.of("workflows", "workflows/puzzles")) {
            try (var list = Files.list(EditorApp.HOME.resolve(folder))) {
                list.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".solution.json")).sorted().forEach(f -> {
                    MenuItem item = new MenuItem(exampleLabel(f, folder.endsWith("puzzles")));
                    item.setId("example-" + f.getFileName().toString().replace(".json", ""));
                    item.setOnAction(e -> files.open(f));
                    examples.getItems().add(item);
                });
            } catch (IOException e) {
                // no examples folder next to this installation: the menu stays empty
            }
        }
        return examples;
    }

    /**
     * "Unit 2 · Polynomial basis functions" or "Puzzle 6 · Forty micrographs, 480 patches": the course unit (the
     * file's number) and the title a student recognises, not the file name; the file name when the title is missing.
     */
    static String exampleLabel(java.nio.file.Path f, boolean puzzle) {
        String name = f.getFileName().toString().replace(".json", "");
        String title = "";
        try {
            var tree = org.anneal.graph.Json.MAPPER.readTree(f.toFile());
            title = puzzle ? tree.path("puzzle").path("title").asText("") : "";
            title = title.isBlank() ? tree.path("meta").path("title").asText("") : title;
        } catch (IOException | RuntimeException e) {
            title = ""; // unreadable: the file name still opens it, and the open says what is wrong
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)-").matcher(name);
        String unit = m.find() ? Integer.toString(Integer.parseInt(m.group(1))) : "";
        return (puzzle ? "Puzzle " : "Unit ") + unit + (unit.isEmpty() ? "" : " · ") + (title.isBlank() ? name : title);
    }

    /** Instructor mode toggle: shows the puzzle authoring pane and lifts the locks while it is on. */
    private static ToggleButton authorPuzzle(WorkflowViewModel vm) {
        ToggleButton b = new ToggleButton("Author puzzle");
        b.setId("authorPuzzleButton");
        b.setTooltip(new Tooltip("Instructors: lock nodes and wires, write the story, hints and goal, save as a puzzle"));
        b.selectedProperty().bindBidirectional(vm.authoringProperty());
        return b;
    }
}
