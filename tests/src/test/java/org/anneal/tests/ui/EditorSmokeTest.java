package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.anneal.editor.EditorApp;
import org.anneal.editor.MetricRow;
import org.anneal.exec.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench opens the first example, runs it and shows R²; a corrupt file gives a clear dialog. */
class EditorSmokeTest extends EditorTestBase {

    @TempDir
    Path tmp;




    @Test
    void opensTheExampleRunsItAndShowsR2() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        for (String id : new String[] {"load", "clean", "split", "scale", "scale_test", "ridge", "fit", "score"}) {
            assertNotNull(lookup("#node-" + id).tryQuery().orElse(null), "node box " + id);
        }
        assertTrue(lookup(".root").queryAs(javafx.scene.Parent.class).getScene().getWindow() instanceof Stage);
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            var s = editor.viewModel().states().get("score");
            return s != null && s.status().isFinal();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NodeStatus.DONE, editor.viewModel().states().get("score").status());
        TableView<MetricRow> table = lookup("#metricsTable").queryTableView();
        MetricRow r2 = table.getItems().stream().filter(r -> r.metric().equals("r2")).findFirst().orElseThrow();
        assertTrue(Double.isFinite(r2.value()) && r2.value() > 0.2, "R² shown: " + r2.value());
        assertTrue(lookup("#statusBar").queryLabeled().getText().contains("Device: CPU"));
        clickOn("#out-split-test");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> data = lookup("#dataViewer").queryTableView();
        assertEquals(23, data.getItems().size(), "the test rows of the split, in the data viewer");
        assertTrue(data.getColumns().stream().anyMatch(c -> c.getText().startsWith("density_g_cm3\nnumber · target")));
        snapshot(Path.of("tests/target/editor.png"));

        // a second run is served from the cache
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#runButton").queryAs(Button.class).isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NodeStatus.CACHED, editor.viewModel().states().get("fit").status());
    }

    @Test
    void aCorruptFileOpensADialogThatSaysWhereItIsBroken() throws Exception {
        Path bad = tmp.resolve("corrupt.json");
        Files.writeString(bad, "{\n  \"format\": \"anneal-workflow\",\n  \"version\": 1,\n  \"nodes\": [ {\"id\": \"a\" \n}");
        start(bad.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#errorDetails").tryQuery().isPresent());
        String text = lookup("#errorDetails").queryAs(TextArea.class).getText();
        assertTrue(text.contains("not valid JSON") && text.contains("corrupt.json:"), text);
        assertTrue(!text.contains("Exception"), text);
    }

    private void snapshot(Path file) throws Exception {
        Window w = lookup("#canvas").query().getScene().getWindow();
        var image = WaitForAsyncUtils.asyncFx(() -> w.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
