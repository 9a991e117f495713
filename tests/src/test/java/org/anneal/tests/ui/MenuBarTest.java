package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The menu bar: File, Edit, Run, View, Help; "Save" in the unsaved-changes question; the node reference in Help. */
class MenuBarTest extends EditorTestBase {

    private MenuItem item(String id) {
        MenuBar bar = lookup("#menuBar").query();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void menusSaveFirstAndTheNodeReference(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("mine.json");
        Files.copy(Path.of("workflows/01-linear-regression.json"), copy);
        Files.copy(Path.of("datasets/elements.csv"), dir.resolve("elements.csv"));
        EditorApp editor = start(copy.toString());
        MenuBar bar = lookup("#menuBar").query();
        assertEquals(List.of("File", "Edit", "Run", "View", "Help"), bar.getMenus().stream().map(Menu::getText).map(t -> t.replace("_", "")).toList());
        assertTrue(item("menuSave").getAccelerator() != null && item("menuQuit").getAccelerator() != null, "Save and Quit have their shortcuts");

        WorkflowViewModel vm = editor.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.setParam("ridge", "lambda", "3")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> item("menuNew").fire());
        // the dialog's buttons appear a pulse or more after its text on a loaded machine: wait for the button itself
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saveButton().isPresent());
        clickOn(saveButton().orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.current().nodes().isEmpty());
        assertEquals(0, vm.current().nodes().size(), "a new workflow after saving");
        assertTrue(Files.readString(copy).contains("\"lambda\" : 3") || Files.readString(copy).contains("\"lambda\": 3"), "the change was saved first");

        // building the reference of every block takes seconds on a loaded machine: a generous wait, not a timing test
        WaitForAsyncUtils.asyncFx(() -> item("menuNodeReference").fire()).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Window help = Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#helpText") != null).findFirst().orElseThrow();
        String text = ((TextArea) help.getScene().lookup("#helpText")).getText();
        assertTrue(text.contains("split.holdout"), "the node reference");
        WaitForAsyncUtils.asyncFx(() -> ((javafx.stage.Stage) help).close()).get(5, TimeUnit.SECONDS);
        assertFalse(vm.dirtyProperty().get());
    }

    private java.util.Optional<javafx.scene.control.Button> saveButton() {
        return lookup("#unsavedDialog .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> "Save".equals(b.getText()) && b.isVisible()).findFirst();
    }
}
