package org.anneal.editor;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;

/** The workbench's small modal questions and error messages. */
final class EditorDialogs {
    private EditorDialogs() {
    }

    /** Offers the autosaved copy the last open found, if it found one. */
    static void offerRecovery(WorkflowViewModel vm) {
        if (vm.recoveredProperty().get() != null) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                    "Anneal kept a newer, unsaved version of this workflow (the editor was closed without saving, or crashed). "
                            + "Open the recovered version?", ButtonType.NO, ButtonType.YES);
            a.setHeaderText("Recovered changes");
            a.getDialogPane().setId("recoveryDialog");
            a.showAndWait().filter(b -> b == ButtonType.YES).ifPresent(b -> vm.acceptRecovery());
        }
    }

    /** What to do with unsaved changes before they would be lost. */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    static final ButtonType SAVE = new ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't save", javafx.scene.control.ButtonBar.ButtonData.NO);

    /** Save, don't save, or cancel: the usual three choices (saving first is what most people want). */
    static Unsaved askUnsaved() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The workflow has unsaved changes. Save them first?", SAVE, DISCARD, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        a.getDialogPane().setId("unsavedDialog");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == SAVE ? Unsaved.SAVE : b == DISCARD ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    /** Shown without waiting for it to close; the details go in a read-only text area (id errorDetails). */
    static void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setId("errorDetails");
        area.setEditable(false);
        area.setWrapText(true);
        a.getDialogPane().setContent(area);
        a.show();
    }
}
