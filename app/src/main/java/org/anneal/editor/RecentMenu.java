package org.anneal.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * "Recent": the workflows opened or saved lately. Follows the view model, so every way a workflow gets a
 * file (open, examples, save as) is remembered without each of them having to say so.
 */
final class RecentMenu extends MenuButton {
    private final RecentFiles recent;
    private final WorkflowViewModel vm;
    private final Consumer<Path> open;
    private Path last;

    RecentMenu(WorkflowViewModel vm, RecentFiles recent, Consumer<Path> open) {
        super("Recent");
        this.vm = vm;
        this.recent = recent;
        this.open = open;
        setId("recentMenu");
        vm.workflowProperty().addListener((o, a, lw) -> {
            Path f = lw == null ? null : lw.file();
            if (f != null && !f.equals(last) && Files.isRegularFile(f)) { // an unsaved "untitled.json" is not a file yet
                last = f;
                fill(recent.add(f));
            }
        });
        fill(recent.list());
    }

    private void fill(List<Path> files) {
        getItems().clear();
        for (Path f : files) {
            MenuItem item = new MenuItem(f.getFileName() + "  —  " + (f.getParent() == null ? "" : f.getParent()));
            item.getStyleClass().add("recent-file");
            item.setUserData(f);
            item.setOnAction(e -> choose(f));
            getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent workflows");
            none.setDisable(true);
            getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear the list");
            clear.setOnAction(e -> {
                files.forEach(recent::remove);
                fill(recent.list());
            });
            getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void choose(Path f) {
        if (!Files.isRegularFile(f)) {
            vm.statusProperty().set("'" + f + "' is no longer there (moved or deleted); removed it from the recent list.");
            fill(recent.remove(f));
            return;
        }
        open.accept(f);
    }
}
