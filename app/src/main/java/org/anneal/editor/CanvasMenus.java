package org.anneal.editor;

import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.anneal.spec.Phase;

/** Right-click menus of the canvas, a node selection and a frame; each item names its shortcut. */
final class CanvasMenus {
    private CanvasMenus() {
    }

    static ContextMenu forCanvas(CanvasView canvas, Point2D view) {
        Point2D world = canvas.viewToWorld(view.getX(), view.getY());
        MenuItem add = item("Add node here…  (double-click)", "menuAddNode", () ->
                QuickAddPopup.show(canvas, view, canvas.localToScreen(view).getX(), canvas.localToScreen(view).getY()));
        MenuItem frame = item("New frame here", "menuNewFrame", () -> canvas.frames.addAt(world));
        MenuItem paste = item("Paste  (" + CanvasKeys.label(javafx.scene.input.KeyCode.V) + ")", "menuPaste", () -> CanvasClipboard.pasteAt(canvas,
                javafx.scene.input.Clipboard.getSystemClipboard().getString(), world));
        paste.setDisable(!javafx.scene.input.Clipboard.getSystemClipboard().hasString());
        MenuItem all = item("Select all  (" + CanvasKeys.label(javafx.scene.input.KeyCode.A) + ")", "menuSelectAll", canvas::selectAll);
        MenuItem fit = item("Fit to view  (" + CanvasKeys.label(javafx.scene.input.KeyCode.DIGIT0) + ")", "menuFit", canvas::fitToView);
        return new ContextMenu(add, frame, paste, new SeparatorMenuItem(), all, fit);
    }

    static ContextMenu forNodes(CanvasView canvas) {
        return new ContextMenu(
                item("Copy  (" + CanvasKeys.label(javafx.scene.input.KeyCode.C) + ")", "menuCopy", () -> CanvasClipboard.copy(canvas)),
                item("Cut  (" + CanvasKeys.label(javafx.scene.input.KeyCode.X) + ")", "menuCut", () -> CanvasClipboard.cut(canvas)),
                item("Duplicate  (" + CanvasKeys.label(javafx.scene.input.KeyCode.D) + ")", "menuDuplicate", () -> CanvasClipboard.duplicate(canvas)),
                item("Frame the selection  (" + CanvasKeys.label(javafx.scene.input.KeyCode.G) + ")", "menuFrameSelection", canvas.frames::wrapSelection),
                new SeparatorMenuItem(),
                item("Run up to here  (Shift+F5)", "menuRunUpTo", () -> canvas.vm.runUpTo(canvas.selection())),
                new SeparatorMenuItem(),
                item("Delete  (Del)", "menuDelete", canvas::deleteSelection));
    }

    static ContextMenu forFrame(FrameLayer frames, String id) {
        Menu colour = new Menu("Colour");
        for (Phase p : Phase.values()) {
            colour.getItems().add(item(p.title(), "menuColour-" + p.name(), () -> frames.recolour(id, p.colour())));
        }
        colour.getItems().add(item("Grey", "menuColour-grey", () -> frames.recolour(id, "#9aa0a6")));
        return new ContextMenu(item("Rename…  (double-click the title)", "menuRenameFrame", () -> frames.rename(id)), colour,
                new SeparatorMenuItem(), item("Delete frame (keeps its nodes)", "menuDeleteFrame", () -> frames.delete(id)));
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
