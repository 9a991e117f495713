package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.anneal.editor.EditorApp;
import org.anneal.graph.Link;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A student's first minutes: new workflow, blocks from the palette, wires by dragging, a refused wire, undo. */
class EditorEditingTest extends EditorTestBase {



    @Test
    void addWireRefuseAndUndo() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        clickOn("#newButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), editor.viewModel().current().nodes());

        clickOn("#paletteSearch").write("ridge");
        doubleClickOn("#palette-model_ridge");
        clickOn("#paletteSearch").eraseText(5).write("fit model");
        doubleClickOn("#palette-train_fit");
        clickOn("#paletteSearch").eraseText(9).write("split");
        doubleClickOn("#palette-split_holdout");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("ridge", "fit", "holdout"), editor.viewModel().current().nodes().stream().map(n -> n.id()).toList());

        drag("#out-ridge-learner").dropTo("#in-fit-learner");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(Link.of("ridge:learner", "fit:learner")), editor.viewModel().current().links());

        drag("#out-ridge-learner").dropTo("#in-holdout-table");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.viewModel().current().links().size(), "the incompatible wire is refused");
        assertTrue(lookup("#statusBar").queryLabeled().getText().contains("Not connected: 'holdout:table' takes a Table"),
                lookup("#statusBar").queryLabeled().getText());

        clickOn("#canvas");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), editor.viewModel().current().links(), "undo removes the wire");
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor.viewModel().current().links().size() == 1);

        clickOn("#node-holdout");
        push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("ridge", "fit"), editor.viewModel().current().nodes().stream().map(n -> n.id()).toList());
        assertTrue(editor.viewModel().dirtyProperty().get());
    }
}
