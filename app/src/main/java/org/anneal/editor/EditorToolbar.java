package org.anneal.editor;

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
        ToolBar bar = new ToolBar(neu, open, examples(files), new RecentMenu(vm, RecentFiles.standard(), files::open), save, saveAs, new Separator(), undo, redo,
                new Separator(), run, runTo, cancel, new Separator(), handIn, authorPuzzle(vm));
        // whole labels or the overflow menu (>>), never "Ope..." when presentation mode enlarges the font
        bar.getItems().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        return bar;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * The bundled workflows and puzzles next to this installation (solutions left out), by course unit: a header per
     * unit ("Unit 2 · Honest evaluation ...") and the titles under it, not file names.
     */
    private static MenuButton examples(FileActions files) {
        MenuButton examples = new MenuButton("Examples");
        examples.setId("examplesMenu");
        org.anneal.lesson.Examples.byUnit(EditorApp.HOME).forEach((unit, list) -> {
            if (!examples.getItems().isEmpty()) {
                examples.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            MenuItem header = new MenuItem(unitLabel(unit));
            header.setDisable(true); // a heading, not a choice
            header.getStyleClass().add("example-unit");
            examples.getItems().add(header);
            list.forEach(e -> examples.getItems().add(exampleItem(e, files)));
        });
        return examples;
    }

    /** "Unit 2 · Honest evaluation" for a unit, as written for "Other examples". */
    static String unitLabel(String unit) {
        return unit.equals(org.anneal.lesson.Examples.NO_UNIT) ? unit : "Unit " + unit;
    }

    static MenuItem exampleItem(org.anneal.lesson.Examples.Example e, FileActions files) {
        MenuItem item = new MenuItem((e.puzzle() ? "Puzzle: " : "") + e.title());
        item.setId("example-" + e.file().getFileName().toString().replace(".json", ""));
        item.setMnemonicParsing(false);
        item.setOnAction(a -> files.open(e.file()));
        return item;
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
