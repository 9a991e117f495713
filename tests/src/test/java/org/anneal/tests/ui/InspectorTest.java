package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector: typed editors generated from the declaration, checked as you type, undoable, with column and file pickers. */
class InspectorTest extends EditorTestBase {

    @AfterEach
    void forgetDialogAnswer() {
        System.clearProperty("anneal.dialog.answer");
    }

    private String param(WorkflowViewModel vm, String node, String name) {
        var v = vm.current().node(node).orElseThrow().params().get(name);
        return v == null ? null : v.toString();
    }

    @Test
    void aNumberIsCheckedAsYouTypeAndCommittedOnlyWhenValid() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#node-ridge");
        TextField lambda = lookup("#param-lambda").queryAs(TextField.class);
        assertEquals("0.1", lambda.getText(), "the value in the file");
        String docs = lookup("#inspectorDocs").queryAs(javafx.scene.text.TextFlow.class).getChildren().stream()
                .map(t -> ((javafx.scene.text.Text) t).getText()).collect(java.util.stream.Collectors.joining());
        assertTrue(docs.contains("(model.ridge)") && docs.contains("Outputs") && docs.contains("learner"), "docs and ports below the sheet: " + docs);

        doubleClickOn(lambda).eraseText(3).write("-1");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = lookup("#error-lambda").queryAs(Label.class);
        assertTrue(error.getText().contains("at least 0"), error.getText());
        assertTrue(lambda.getStyle().contains("#d93025"), "red border while invalid");
        type(KeyCode.ENTER);
        assertEquals("0.1", param(vm, "ridge", "lambda"), "an invalid value is not committed");

        eraseText(2).write("0.5");
        assertEquals("", error.getText(), "valid again: the message goes");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.5", param(vm, "ridge", "lambda"));
        assertTrue(vm.dirtyProperty().get());

        clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.1", param(vm, "ridge", "lambda"), "undo restores the old value");
        assertEquals("0.1", lookup("#param-lambda").queryAs(TextField.class).getText(), "and the inspector shows it");
    }

    @Test
    void checkBoxesAndColumnPickersOfferWhatTheUpstreamTableHas() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        // independently: the CSV header minus the columns the workflow ignores, in file order
        List<String> header = new ArrayList<>(Arrays.asList(Files.readAllLines(Path.of("datasets/elements.csv")).get(0).split(",")));
        header.removeAll(List.of("symbol", "name", "group", "block", "density_note", "crystal_structure", "lattice_a_angstrom"));

        clickOn("#node-scale");
        CheckComboBox<String> columns = lookup("#param-columns").query();
        assertEquals(header, columns.getItems());
        WaitForAsyncUtils.asyncFx(() -> columns.getCheckModel().check("atomic_mass_u")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("[\"atomic_mass_u\"]", param(vm, "scale", "columns"));

        CheckBox withMean = lookup("#param-withMean").queryAs(CheckBox.class);
        assertTrue(withMean.isSelected(), "the default, true");
        clickOn(withMean);
        assertEquals("false", param(vm, "scale", "withMean"));

        // the check box's context menu (Monocle's robot raises no context-menu request, so the item is fired directly)
        var reset = lookup("#param-withMean").queryAs(CheckBox.class).getContextMenu().getItems().get(0);
        assertEquals("Reset to default (true)", reset.getText());
        WaitForAsyncUtils.asyncFx(reset::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, param(vm, "scale", "withMean"), "back to the declared default: the file no longer sets it");
        assertTrue(lookup("#param-withMean").queryAs(CheckBox.class).isSelected(), "and the box shows it");

        clickOn("#node-load");
        ComboBox<String> target = lookup("#param-target").queryComboBox();
        assertEquals("density_g_cm3", target.getValue());
        assertTrue(target.getItems().containsAll(header) && target.getItems().contains(""), "every column, and none");
    }

    @Test
    void choicesAreComboBoxesAndPathsStayRelativeToTheWorkflow() throws Exception {
        EditorApp editor = start("workflows/08-gaussian-process-uncertainty.json");
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#node-gp");
        ComboBox<String> kernel = lookup("#param-kernel").queryComboBox();
        assertEquals(List.of("rbf", "matern52", "rbf-ard", "matern52-ard"), kernel.getItems());
        WaitForAsyncUtils.asyncFx(() -> kernel.setValue("matern52")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\"matern52\"", param(vm, "gp", "kernel"));

        editor = null;
        stop();
        editor = start("workflows/01-linear-regression.json");
        vm = editor.viewModel();
        clickOn("#node-load");
        assertEquals("../datasets/elements.csv", lookup("#param-path").queryAs(TextField.class).getText());
        System.setProperty("anneal.dialog.answer", Path.of("datasets/elements_extended.csv").toAbsolutePath().toString());
        clickOn("#browse-path");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\"../datasets/elements_extended.csv\"", param(vm, "load", "path"), "stored relative to workflows/");
        assertFalse(vm.problems().stream().anyMatch(p -> "load".equals(p.nodeId()) && "path".equals(p.param())), "and it resolves");
    }

    @Test
    void aProblemValidationAlreadyKnowsShowsWhenTheNodeIsSelected() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.setParam("clean", "columns", "[\"no_such_column\"]")).get();
        clickOn("#node-clean");
        Label error = lookup("#error-columns").queryAs(Label.class);
        assertTrue(error.getText().contains("no_such_column"), "the configure error, before any typing: " + error.getText());
        assertTrue(lookup("#param-columns").query().getStyle().contains("#d93025"));
    }

    @Test
    void aValueTypedBeforeSelectingAnotherNodeLandsOnTheNodeItWasTypedFor() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#node-ridge");
        doubleClickOn("#param-lambda").eraseText(3).write("0.7"); // no Enter
        clickOn("#node-split");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.7", param(vm, "ridge", "lambda"));
        assertEquals(null, param(vm, "split", "lambda"), "never on the newly selected node");
        assertEquals("0.25", lookup("#param-test").queryAs(TextField.class).getText(), "the inspector shows the split now");
    }

    @Test
    void aHalfTypedValueNeverLandsInTheNextWorkflowOpened() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#node-split");
        doubleClickOn("#param-test").eraseText(4).write("0.5"); // no Enter
        // 03 has a node called 'split' too; opening it while the field still has focus must not edit it
        WaitForAsyncUtils.asyncFx(() -> vm.open(Path.of("workflows/03-group-split-steel-heats.json"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#paletteSearch"); // takes the focus away from wherever it was
        WaitForAsyncUtils.waitForFxEvents();
        var split = vm.current().node("split");
        assertTrue(split.isEmpty() || !"0.5".equals(String.valueOf(split.get().params().get("test"))), "03 is untouched");
        assertFalse(vm.dirtyProperty().get() && vm.canUndoProperty().get(), "no edit was recorded on the new workflow");
    }
}
