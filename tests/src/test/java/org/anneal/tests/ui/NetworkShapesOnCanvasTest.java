package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.text.Text;
import org.anneal.editor.EditorApp;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.graph.PortRef;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every network block shows its output shape and parameter count on the canvas before anything runs, and
 * model.network the network's total; a block wired in shows its own line at once and the total follows.
 */
class NetworkShapesOnCanvasTest extends EditorTestBase {

    private String shape(String node) {
        return lookup("#shape-" + node).queryAs(Text.class).getText();
    }

    @Test
    void layerBlocksShowShapesAndParametersAndTheNetworkItsTotal() throws Exception {
        EditorApp editor = start("workflows/18-mlp-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        assertEquals("→ 8", shape("input"));
        assertEquals("→ 32 · 288 params", shape("hidden1"));
        assertEquals("→ 16 · 528 params", shape("hidden2"));
        assertEquals("2 layers · 816 params", shape("mlp"));
        assertTrue(lookup("#shape-fit").tryQuery().isEmpty(), "a block that handles no network has no shape line");

        // wire a third dense layer between hidden2 and the network: 16 × 64 + 64 parameters, and the total grows
        String extra = WaitForAsyncUtils.asyncFx(() -> {
            String id = vm.addNode("nn.dense", 1400, -420);
            vm.connect(new PortRef("hidden2", "out"), new PortRef(id, "in"));
            vm.connect(new PortRef(id, "out"), new PortRef("mlp", "network"));
            return id;
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("→ 64 · 1,088 params", shape(extra));
        assertEquals("3 layers · 1,904 params", shape("mlp"));

        // a setting that changes the shape shows at once; one configure cannot accept leaves the line empty (the badge says why)
        WaitForAsyncUtils.asyncFx(() -> vm.setParam(extra, "units", "10")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("→ 10 · 170 params", shape(extra));
        WaitForAsyncUtils.asyncFx(() -> vm.setParam(extra, "units", "0")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", shape(extra));
        assertTrue(vm.problems().stream().anyMatch(p -> extra.equals(p.nodeId()) && "units".equals(p.param())), vm.problems().toString());
    }
}
