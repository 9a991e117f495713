package org.anneal.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Canvas shortcuts with the platform's modifier (Ctrl, or Cmd on macOS): A select all, C copy, X cut,
 * V paste, D duplicate, G frame the selection, 0 fit to view, + and - zoom; Escape cancels a wire being
 * dragged or clears the selection. Undo, redo and Delete are wired by the window. Text fields, lists and
 * tables keep their own shortcuts.
 */
final class CanvasKeys {
    private CanvasKeys() {
    }

    static void install(Scene scene, CanvasView canvas) {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(shortcut(KeyCode.A), canvas::selectAll);
        keys.put(shortcut(KeyCode.C), () -> CanvasClipboard.copy(canvas));
        keys.put(shortcut(KeyCode.X), () -> CanvasClipboard.cut(canvas));
        keys.put(shortcut(KeyCode.V), () -> CanvasClipboard.paste(canvas));
        keys.put(shortcut(KeyCode.D), () -> CanvasClipboard.duplicate(canvas));
        keys.put(shortcut(KeyCode.G), canvas.frames::wrapSelection);
        keys.put(shortcut(KeyCode.DIGIT0), canvas::fitToView);
        keys.put(shortcut(KeyCode.NUMPAD0), canvas::fitToView);
        Runnable in = () -> canvas.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 1.25);
        Runnable out = () -> canvas.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, 0.8);
        keys.put(shortcut(KeyCode.EQUALS), in);
        keys.put(shortcut(KeyCode.PLUS), in);
        keys.put(shortcut(KeyCode.ADD), in);
        keys.put(shortcut(KeyCode.MINUS), out);
        keys.put(shortcut(KeyCode.SUBTRACT), out);
        keys.put(new KeyCodeCombination(KeyCode.ESCAPE), canvas::escape);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            var focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl
                    || (focus instanceof javafx.scene.control.ListView<?> || focus instanceof javafx.scene.control.TableView<?>) && e.getCode() != KeyCode.ESCAPE) {
                return; // text fields, lists and tables keep their own select-all and copy
            }
            for (var k : keys.entrySet()) {
                if (k.getKey().match(e)) {
                    k.getValue().run();
                    e.consume();
                    return;
                }
            }
        });
    }

    /** How the platform writes Shortcut+key (Ctrl+C here, ⌘C on a Mac), for menus and tooltips. */
    static String label(KeyCode key) {
        return shortcut(key).getDisplayText();
    }

    /** The platform's shortcut modifier as written in menus: Ctrl, or ⌘ on a Mac. */
    static String modifier() {
        return label(KeyCode.A).replace("A", "").replace("+", "");
    }

    private static KeyCodeCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
