package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import org.anneal.editor.EditorApp;
import org.anneal.graph.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big workflow pans and zooms as one picture of the view; a selection made meanwhile must show at once, not when
 * the picture is dropped a quarter second after the last move.
 */
class PanPictureTest extends EditorTestBase {
    @TempDir
    Path tmp;

    @Test
    void selectingANodeWhileABigWorkflowZoomsDropsThePictureAtOnce() throws Exception {
        Path file = tmp.resolve("big.json");
        Files.writeString(file, grid(120));
        EditorApp editor = start(file.toString());
        Node canvas = lookup("#canvas").query();
        Node picture = lookup("#panPicture").query();
        boolean[] seen = new boolean[2];
        // one FX-thread step, so the quarter-second timer cannot end the picture in between
        WaitForAsyncUtils.asyncFx(() -> {
            Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, 300, 200, 300, 200, false, false, false, false, false, false,
                    0, 40, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                    new PickResult(canvas, 300, 200)));
            seen[0] = picture.isVisible();
            editor.showNode("n7");
            seen[1] = picture.isVisible();
        }).get(10, TimeUnit.SECONDS);
        assertTrue(seen[0], "120 nodes zoom as a picture");
        assertFalse(seen[1], "the selection is drawn on the real nodes at once");
        assertTrue(editor.selectedNodes().contains("n7"));
    }

    /** n ridge blocks on a grid: sources with no inputs, so the file validates without wires. */
    private static String grid(int n) throws Exception {
        var root = Json.MAPPER.createObjectNode();
        root.put("format", "anneal-workflow").put("version", 1);
        root.putObject("meta").put("title", "grid").put("description", "").put("seed", 1).put("device", "auto");
        var nodes = root.putArray("nodes");
        for (int i = 0; i < n; i++) {
            var node = nodes.addObject().put("id", "n" + i).put("type", "model.ridge");
            node.putObject("ui").put("x", (i % 12) * 220).put("y", (i / 12) * 140);
        }
        root.putArray("links");
        return Json.MAPPER.writeValueAsString(root);
    }
}
