package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The menu bar every desktop program has (File, Edit, Run, View, Help), so a student finds Save, Quit and the node
 * reference where they look first. File shortcuts are menu accelerators; undo, redo, F5 and the canvas keys stay
 * with {@link EditorKeys} and {@link CanvasKeys} (which know when a text field has the keyboard), and the menu
 * names them.
 */
final class EditorMenus {
    private EditorMenus() {
    }

    static MenuBar build(WorkflowViewModel vm, FileActions files, CanvasView canvas, Runnable quit, Runnable presentation) {
        Menu file = new Menu("_File");
        file.setId("fileMenu");
        file.getItems().addAll(
                item("_New", "menuNew", files::startNew, KeyCode.N),
                item("_Open…", "menuOpen", files::chooseAndOpen, KeyCode.O),
                examples(files),
                item("_Save", "menuSave", files::save, KeyCode.S),
                item("Save _as…", "menuSaveAs", files::saveAs, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                new SeparatorMenuItem(),
                item("_Hand in…", "menuHandIn", files::handIn, (KeyCombination) null),
                new SeparatorMenuItem(),
                item("_Quit", "menuQuit", quit, KeyCode.Q));
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("_Undo  (" + CanvasKeys.label(KeyCode.Z) + ")", "menuUndo", vm::undo, (KeyCombination) null),
                item("_Redo  (" + CanvasKeys.label(KeyCode.Y) + ")", "menuRedo", vm::redo, (KeyCombination) null),
                new SeparatorMenuItem(),
                item("Select _all  (" + CanvasKeys.label(KeyCode.A) + ")", "menuSelectAll", canvas::selectAll, (KeyCombination) null),
                item("_Delete selection  (Delete)", "menuDelete", canvas::deleteSelection, (KeyCombination) null));
        edit.getItems().get(0).disableProperty().bind(vm.canUndoProperty().not());
        edit.getItems().get(1).disableProperty().bind(vm.canRedoProperty().not());
        Menu run = new Menu("_Run");
        MenuItem runAll = item("_Run all  (F5)", "menuRun", vm::run, (KeyCombination) null);
        runAll.disableProperty().bind(vm.runningProperty());
        MenuItem runTo = item("Run to _selected  (Shift+F5)", "menuRunTo", () -> vm.runUpTo(canvas.selection()), (KeyCombination) null);
        runTo.disableProperty().bind(vm.runningProperty());
        MenuItem cancel = item("_Cancel", "menuCancel", vm::cancel, (KeyCombination) null);
        cancel.disableProperty().bind(vm.runningProperty().not());
        run.getItems().addAll(runAll, runTo, cancel);
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("_Fit the workflow  (" + CanvasKeys.label(KeyCode.DIGIT0) + ")", "menuFit", canvas::fitToView, (KeyCombination) null),
                item("Zoom _in  (" + CanvasKeys.label(KeyCode.EQUALS) + ")", "menuZoomIn", () -> canvas.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 1.25),
                        (KeyCombination) null),
                item("Zoom _out  (" + CanvasKeys.label(KeyCode.MINUS) + ")", "menuZoomOut", () -> canvas.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 0.8),
                        (KeyCombination) null),
                new SeparatorMenuItem(),
                item("_Presentation mode  (" + CanvasKeys.modifier() + "+Shift+P)", "menuPresentation", presentation, (KeyCombination) null));
        Menu help = new Menu("_Help");
        help.getItems().addAll(
                item("_Node reference", "menuNodeReference", () -> showText("Anneal — node reference", nodeReference()), KeyCode.F1),
                item("_Canvas keys and mouse", "menuCanvasHelp", () -> showText("Anneal — canvas", CanvasOverlay.HELP), (KeyCombination) null));
        MenuBar bar = new MenuBar(file, edit, run, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true); // macOS: the menu at the top of the screen, as there
        return bar;
    }

    /** File > Open example: a submenu per course unit, the examples by title inside. */
    private static Menu examples(FileActions files) {
        Menu examples = new Menu("Open _example");
        examples.setId("menuExamples");
        org.anneal.lesson.Examples.byUnit(EditorApp.HOME).forEach((unit, list) -> {
            Menu u = new Menu(EditorToolbar.unitLabel(unit));
            u.setMnemonicParsing(false);
            list.forEach(e -> {
                MenuItem item = EditorToolbar.exampleItem(e, files);
                item.setId("menu-" + item.getId());
                u.getItems().add(item);
            });
            examples.getItems().add(u);
        });
        return examples;
    }

    private static MenuItem item(String text, String id, Runnable action, KeyCode shortcut) {
        return item(text, id, action, new KeyCodeCombination(shortcut, shortcut == KeyCode.F1 ? KeyCombination.SHIFT_ANY : KeyCombination.SHORTCUT_DOWN));
    }

    private static MenuItem item(String text, String id, Runnable action, KeyCombination accelerator) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        return m;
    }

    /** docs/nodes.md of this installation, generated from the node declarations; or how to make it. */
    static String nodeReference() {
        Path md = EditorApp.HOME.resolve("docs").resolve("nodes.md");
        try {
            return Files.readString(md);
        } catch (IOException e) {
            return "The node reference is not next to this installation (" + md + "). Write it with: anneal docs -o docs/nodes.md";
        }
    }

    /** A plain, resizable window with read-only text: works without a browser (a lab machine may have none). */
    static Stage showText(String title, String text) {
        TextArea area = new TextArea(text);
        area.setId("helpText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setStyle("-fx-font-family: monospace;");
        Stage s = new Stage();
        s.setTitle(title);
        s.setScene(new Scene(area, 820, 640));
        s.show();
        return s;
    }
}
