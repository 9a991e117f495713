package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Files: recent workflows remembered across starts, confirmation before unsaved changes are dropped. */
class FilesMenuTest extends EditorTestBase {
    @TempDir
    Path tmp;

    private List<String> recentNames() {
        MenuButton recent = lookup("#recentMenu").query();
        return recent.getItems().stream().filter(i -> i.getStyleClass().contains("recent-file"))
                .map(i -> ((Path) i.getUserData()).getFileName().toString()).toList();
    }

    private void openFromMenu(String menu, String text) {
        MenuButton m = lookup(menu).query();
        // examples are listed by unit and title; their ids keep the file name
        MenuItem item = m.getItems().stream().filter(i -> i.getText() != null && i.getText().startsWith(text) || ("example-" + text).equals(i.getId()))
                .findFirst().orElseThrow();
        clickOn(m);
        clickOn(item.getText());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void recentFilesAreRememberedNewestFirstAndSurviveARestart() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        assertEquals(List.of("01-linear-regression.json"), recentNames());
        MenuButton examples = lookup("#examplesMenu").query();
        assertTrue(examples.getItems().stream().anyMatch(i -> i.getText().equals("Regression as loss minimisation over a polynomial basis")),
                "examples by course unit and title, not file name");
        openFromMenu("#examplesMenu", "02-polynomial-basis");
        assertEquals(List.of("02-polynomial-basis.json", "01-linear-regression.json"), recentNames());

        // a copy saved elsewhere joins the list too
        System.setProperty("anneal.dialog.answer", tmp.resolve("mine.json").toString());
        try {
            clickOn("#saveAsButton");
        } finally {
            System.clearProperty("anneal.dialog.answer");
        }
        assertTrue(Files.exists(tmp.resolve("mine.json")), "Save as… wrote the file");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("mine.json", "02-polynomial-basis.json", "01-linear-regression.json"), recentNames());

        stop();
        EditorApp again = start("workflows/01-linear-regression.json");
        assertEquals(List.of("01-linear-regression.json", "mine.json", "02-polynomial-basis.json"), recentNames(), "kept across starts");
        openFromMenu("#recentMenu", "mine.json");
        assertEquals(tmp.resolve("mine.json").toAbsolutePath(), again.viewModel().workflowProperty().get().file().toAbsolutePath());

        // Open… reads the file the dialog answers
        System.setProperty("anneal.dialog.answer", Path.of("workflows/03-group-split-steel-heats.json").toAbsolutePath().toString());
        try {
            clickOn("#openButton");
        } finally {
            System.clearProperty("anneal.dialog.answer");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("03-group-split-steel-heats.json", again.viewModel().workflowProperty().get().file().getFileName().toString());
        assertEquals("03-group-split-steel-heats.json", recentNames().get(0));

        Files.delete(tmp.resolve("mine.json"));
        openFromMenu("#recentMenu", "02-polynomial-basis.json");
        openFromMenu("#recentMenu", "mine.json");
        assertTrue(again.viewModel().statusProperty().get().contains("no longer there"), again.viewModel().statusProperty().get());
        assertEquals(List.of("02-polynomial-basis.json", "03-group-split-steel-heats.json", "01-linear-regression.json"), recentNames(),
                "a vanished file leaves the list");
    }

    @Test
    void unsavedChangesAreOnlyDroppedAfterConfirmation() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.setParam("ridge", "lambda", "2")).get(5, TimeUnit.SECONDS);
        assertTrue(vm.dirtyProperty().get());
        clickOn("#newButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("Cancel").tryQuery().isPresent());
        assertTrue(lookup(".dialog-pane .content").queryLabeled().getText().contains("unsaved changes"));
        clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, vm.current().nodes().size(), "cancel keeps the work");
        assertEquals("2", vm.current().node("ridge").orElseThrow().params().get("lambda").toString());

        clickOn("#newButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("Don't save").tryQuery().isPresent());
        assertTrue(lookup("Save").tryQuery().isPresent(), "saving first is offered too");
        clickOn("Don't save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.current().nodes().size(), "Don't save discards it");
    }

    @Test
    void aStructurallyBrokenFileNamesTheFieldAndItsLine() throws Exception {
        Path bad = tmp.resolve("no-type.json");
        Files.writeString(bad, "{\n  \"format\": \"anneal-workflow\",\n  \"version\": 1,\n  \"nodes\": [\n    {\"id\": \"a\", \"params\": {}}\n  ],\n  \"links\": []\n}\n");
        EditorApp editor = start(bad.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#errorDetails").tryQuery().isPresent());
        String text = lookup("#errorDetails").queryAs(javafx.scene.control.TextArea.class).getText();
        // line 5, column 5 is where the node object starts; the message says which field is missing and how to fix it
        assertTrue(text.contains("no-type.json:5:5") && text.contains("\"type\"") && text.contains("Fix:"), text);
        assertEquals(0, editor.viewModel().current().nodes().size(), "the editor stays usable with an empty workflow");
        assertTrue(recentNames().isEmpty(), "a file that did not open is not remembered");
    }
}
