package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.anneal.editor.EditorApp;
import org.anneal.graph.Frame;
import org.anneal.graph.Frames;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Frames that group a phase (create, move with their nodes, rename, resize, save, delete), the quick-add search, Escape. */
class CanvasFramesQuickAddTest extends EditorTestBase {
    @TempDir
    Path tmp;

    Bounds screen(String query) {
        Node n = lookup(query).query();
        return n.localToScreen(n.getBoundsInLocal());
    }

    @Test
    void frameTheScalersMoveRenameResizeSaveAndDelete() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        clickOn("#node-scale");
        press(KeyCode.SHIFT).clickOn("#node-scale_test").release(KeyCode.SHIFT);
        push(KeyCode.SHORTCUT, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        List<Frame> frames = editor.viewModel().groupEdits().frames();
        assertEquals(1, frames.size());
        Frame f = frames.get(0);
        assertEquals(editor.viewModel().registry().find("prepare.standardize").map(NodeDescriptor::phase).orElseThrow().title(), f.title(),
                "titled after the phase both nodes belong to");
        Workflow w = editor.viewModel().current();
        for (String id : List.of("scale", "scale_test")) {
            NodeInstance.Position p = w.node(id).orElseThrow().position();
            assertTrue(f.contains(p.x(), p.y(), 190, 60), id + " is inside the new frame");
        }

        // dragging the title moves the frame and the nodes inside it; one undo puts all back
        Bounds title = screen("#frameTitle-" + f.id());
        Point2D grab = new Point2D(title.getMinX() + 15, title.getCenterY());
        drag(grab, MouseButton.PRIMARY).moveTo(grab.add(80, 50)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Frame moved = editor.viewModel().groupEdits().frames().get(0);
        double dx = moved.x() - f.x();
        assertEquals(80 / editor.canvasZoom(), dx, 2.0);
        for (String id : List.of("scale", "scale_test")) {
            assertEquals(w.node(id).orElseThrow().position().x() + dx, editor.viewModel().current().node(id).orElseThrow().position().x(), 0.1);
            assertEquals(w.node(id).orElseThrow().position().y() + moved.y() - f.y(), editor.viewModel().current().node(id).orElseThrow().position().y(), 0.1,
                    "frames store positions to 0.1, like files");
        }
        assertEquals(w.node("ridge").orElseThrow().position(), editor.viewModel().current().node("ridge").orElseThrow().position(), "nodes outside stay");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(w, editor.viewModel().current(), "one undo: frame and nodes back");

        // drag the corner to resize
        Bounds corner = screen("#frameResize-" + f.id());
        Point2D c = new Point2D(corner.getCenterX(), corner.getCenterY());
        drag(c, MouseButton.PRIMARY).moveTo(c.add(50, 30)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(f.width() + 50 / editor.canvasZoom(), editor.viewModel().groupEdits().frames().get(0).width(), 2.0);

        // saved in the file and read back
        Path file = tmp.resolve("framed.json");
        WaitForAsyncUtils.asyncFx(() -> {
            editor.viewModel().saveAs(file);
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(editor.viewModel().groupEdits().frames(), Frames.of(new WorkflowCodec().read(file).workflow()));
        assertEquals(f.width() + 50 / editor.canvasZoom(), Frames.of(new WorkflowCodec().read(file).workflow()).get(0).width(), 2.0);

        // click the title to select the frame, Delete removes it and keeps its nodes
        clickOn(new Point2D(screen("#frameTitle-" + f.id()).getMinX() + 15, screen("#frameTitle-" + f.id()).getCenterY()));
        push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), editor.viewModel().groupEdits().frames());
        assertEquals(8, editor.viewModel().current().nodes().size());
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.viewModel().groupEdits().frames().size(), "undo brings the frame back");

        // double-click the title to rename it
        Bounds t2 = screen("#frameTitle-" + f.id());
        doubleClickOn(new Point2D(t2.getMinX() + 15, t2.getCenterY()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#frameRenameDialog").tryQuery().isPresent());
        clickOn(lookup("#frameRenameDialog .text-field").<Node>query(), MouseButton.PRIMARY);
        push(KeyCode.SHORTCUT, KeyCode.A);
        write("Scaling").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Scaling", editor.viewModel().groupEdits().frames().get(0).title());
    }

    @Test
    void quickAddAtTheCursorAndEscapeClosesItAndCancelsAWire() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        clickOn("#newButton");
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = lookup("#canvas").query();
        Bounds view = canvas.localToScreen(canvas.getBoundsInLocal());
        Point2D at = new Point2D(view.getMinX() + 80, view.getMinY() + 80);
        doubleClickOn(at);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#quickAddSearch").tryQuery().isPresent());
        write("model.ridge");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = lookup("#quickAddList").queryListView();
        assertEquals("model.ridge", ((NodeDescriptor) list.getSelectionModel().getSelectedItem()).id(), "the search filters by id");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("model.ridge"), editor.viewModel().current().nodes().stream().map(NodeInstance::type).toList());
        Bounds box = screen("#node-ridge");
        assertEquals(at.getX(), box.getMinX(), 2.0, "added where the user double-clicked");
        assertEquals(at.getY(), box.getMinY(), 2.0);
        assertTrue(lookup("#quickAddSearch").tryQuery().isEmpty(), "Enter closes the search");

        // a second node by words from its title, further right
        Point2D at2 = at.add(300, 0);
        doubleClickOn(at2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#quickAddSearch").tryQuery().isPresent());
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#quickAddSearch").tryQuery().isEmpty(), "Escape closes the search");
        assertEquals(1, editor.viewModel().current().nodes().size(), "and adds nothing");
        sleep(600);
        doubleClickOn(at2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#quickAddSearch").tryQuery().isPresent());
        write("train.fit").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.viewModel().current().node("fit").isPresent());

        // Escape while dragging a wire drops it
        moveTo("#out-ridge-learner").press(MouseButton.PRIMARY).moveTo("#in-fit-learner");
        push(KeyCode.ESCAPE);
        release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), editor.viewModel().current().links(), "no wire after Escape");
        drag("#out-ridge-learner").dropTo("#in-fit-learner");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.viewModel().current().links().size(), "the same drag without Escape wires");
    }
}
