package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.exec.NodeStatus;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Run up to the selection: only what the selected node needs runs; the full run afterwards reuses it from the cache. */
class RunUpToTest extends EditorTestBase {

    @Test
    void runningUpToTheSplitRunsItsAncestorsOnlyAndTheFullRunReusesThem() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        assertTrue(lookup("#runToButton").queryAs(Button.class).isDisabled(), "nothing selected, nothing to run up to");

        clickOn("#node-split");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#runToButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && state(vm, "split") == NodeStatus.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"load", "clean", "split"}) {
            assertEquals(NodeStatus.DONE, state(vm, id), id + " is needed by the split");
        }
        for (String id : new String[] {"scale", "ridge", "fit", "score"}) {
            assertNull(vm.states().get(id), id + " lies downstream or beside: it does not run");
        }
        assertTrue(vm.metrics().isEmpty(), "no evaluation ran");

        // F5 runs everything; what ran already comes from the cache
        clickOn("#node-split");
        press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && state(vm, "score") == NodeStatus.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NodeStatus.CACHED, state(vm, "split"));
        assertEquals(NodeStatus.DONE, state(vm, "fit"));
    }

    private static NodeStatus state(WorkflowViewModel vm, String id) {
        var s = vm.states().get(id);
        return s == null ? null : s.status();
    }
}
