package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Copy, cut, paste and duplicate of the selected nodes with the wires among them. The clipboard holds the
 * nodes as workflow JSON in plain text, so nodes copied in one editor window paste into another (or into a
 * text editor, and back).
 */
final class CanvasClipboard {
    /** Duplicates land this far right and down of their originals. */
    static final double DUPLICATE_OFFSET = 40;

    private CanvasClipboard() {
    }

    static boolean copy(CanvasView canvas) {
        if (canvas.selection().isEmpty()) {
            canvas.vm.statusProperty().set("Select nodes to copy first.");
            return false;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(canvas.vm.groupEdits().copyText(new ArrayList<>(canvas.selection())));
        Clipboard.getSystemClipboard().setContent(c);
        canvas.vm.statusProperty().set("Copied " + canvas.selection().size() + " node(s).");
        return true;
    }

    static void cut(CanvasView canvas) {
        if (copy(canvas)) {
            canvas.deleteSelection();
        }
    }

    /** Pastes at the mouse (or the middle of the view) and selects what was pasted. */
    static void paste(CanvasView canvas) {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (!cb.hasString()) {
            canvas.vm.statusProperty().set("Nothing to paste.");
            return;
        }
        pasteAt(canvas, cb.getString(), canvas.pasteTarget());
    }

    static void pasteAt(CanvasView canvas, String text, Point2D at) {
        List<String> ids = canvas.vm.groupEdits().paste(text, at.getX(), at.getY());
        if (!ids.isEmpty()) {
            canvas.selectNodes(ids);
        }
    }

    /** Shortcut+D: a copy of the selection beside it, without touching the clipboard. */
    static void duplicate(CanvasView canvas) {
        if (canvas.selection().isEmpty()) {
            canvas.vm.statusProperty().set("Select nodes to duplicate first.");
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (String id : canvas.selection()) {
            NodeBox b = canvas.box(id);
            minX = Math.min(minX, b.getLayoutX());
            minY = Math.min(minY, b.getLayoutY());
        }
        pasteAt(canvas, canvas.vm.groupEdits().copyText(new ArrayList<>(canvas.selection())),
                new Point2D(minX + DUPLICATE_OFFSET, minY + DUPLICATE_OFFSET));
    }
}
