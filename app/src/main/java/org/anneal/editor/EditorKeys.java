package org.anneal.editor;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window-wide keys, following platform habits: Shortcut+Z undo, Shortcut+Shift+Z or Shortcut+Y redo,
 * F5 runs (Shift+F5 up to the selection), Delete removes the selection. Keys that act on the canvas alone are in
 * {@link CanvasKeys}.
 */
final class EditorKeys {
    private EditorKeys() {
    }

    static void install(Scene scene, WorkflowViewModel vm, CanvasView canvas) {
        var undo = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
        var redo = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        var redoY = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return; // typing in a field: its own undo and delete apply
            }
            if (redo.match(e) || redoY.match(e)) {
                vm.redo();
                e.consume();
            } else if (undo.match(e)) {
                vm.undo();
                e.consume();
            } else if (e.getCode() == KeyCode.F5 && !vm.runningProperty().get()) {
                if (e.isShiftDown()) {
                    vm.runUpTo(canvas.selection());
                } else {
                    vm.run();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                canvas.deleteSelection(); // every selected node as one step, else the selected wire or frame
                e.consume();
            }
        });
    }
}
