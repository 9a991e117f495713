package org.anneal.editor;

import javafx.application.Application;

/**
 * Starts the workbench. Kept apart from {@link EditorApp}: a main class that extends Application fails on
 * a plain class path ("JavaFX runtime components are missing").
 */
public final class EditorLauncher {
    private EditorLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(EditorApp.class, args);
    }
}
