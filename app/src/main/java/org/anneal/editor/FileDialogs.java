package org.anneal.editor;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The native open/save dialogs. Headless tests cannot click through a native dialog, so the system property
 * {@code anneal.dialog.answer} (a path) answers every dialog instead of opening it.
 */
final class FileDialogs {
    static final String ANSWER = "anneal.dialog.answer";

    private FileDialogs() {
    }

    static Path save(Window owner, String title, String suggestedName, String description, String pattern) {
        String answer = System.getProperty(ANSWER);
        if (answer != null) {
            return Path.of(answer);
        }
        FileChooser fc = chooser(title, description, pattern);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    static Path open(Window owner, String title, Path initialDir, String description, String pattern) {
        String answer = System.getProperty(ANSWER);
        if (answer != null) {
            return Path.of(answer);
        }
        FileChooser fc = chooser(title, description, pattern);
        if (initialDir != null && initialDir.toFile().isDirectory()) {
            fc.setInitialDirectory(initialDir.toFile());
        }
        File f = fc.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static FileChooser chooser(String title, String description, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
