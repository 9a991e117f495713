package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.anneal.editor.EditorApp;
import org.anneal.editor.MetricRow;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.exec.NodeStatus;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first lesson end to end, by hand: workflows/01-linear-regression.json rebuilt on an empty canvas by dragging
 * blocks from the palette and wiring them, parameters set in the inspector, run, R² read in the Data tab, saved,
 * reopened, and the file compared with the bundled one.
 */
class BuildFirstExampleTest extends EditorTestBase {
    private static final String[] TYPES = {"data.csv", "prepare.drop-missing", "split.holdout", "prepare.standardize", "prepare.apply",
        "model.ridge", "train.fit", "evaluate.regression"};

    @TempDir
    Path tmp;

    @AfterEach
    void noMoreAnswers() {
        System.clearProperty("anneal.dialog.answer");
    }

    @Test
    void buildTheFirstExampleFromAnEmptyCanvasRunSaveAndReopen() throws Exception {
        EditorApp editor = start("workflows/01-linear-regression.json");
        WorkflowViewModel vm = editor.viewModel();
        clickOn("#newButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), vm.current().nodes());

        // drag every block from the palette onto its own spot of the canvas, three to a row
        Bounds canvas = lookup("#canvas").query().localToScreen(lookup("#canvas").query().getBoundsInLocal());
        for (int i = 0; i < TYPES.length; i++) {
            String type = TYPES[i];
            TextField search = lookup("#paletteSearch").queryAs(TextField.class);
            interact(search::clear);
            clickOn(search).write(type);
            WaitForAsyncUtils.waitForFxEvents();
            drag("#palette-" + type.replace('.', '_')).dropTo(new Point2D(canvas.getMinX() + 20 + (i % 3) * 240,
                    canvas.getMinY() + 20 + (i / 3) * 150));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(i + 1, vm.current().nodes().size(), "dropped " + type);
        }
        Map<String, String> id = new HashMap<>(); // type -> the id the editor gave the node
        vm.current().nodes().forEach(n -> id.put(n.type(), n.id()));
        assertEquals(List.of(TYPES), vm.current().nodes().stream().map(NodeInstance::type).toList());

        // wires, dragged from output port to input port, as in the bundled file
        Workflow reference = new WorkflowCodec().read(Path.of("workflows/01-linear-regression.json")).workflow();
        Map<String, String> refType = reference.nodes().stream().collect(Collectors.toMap(NodeInstance::id, NodeInstance::type));
        for (Link l : reference.links()) {
            drag("#out-" + id.get(refType.get(l.from().node())) + "-" + l.from().port())
                    .dropTo("#in-" + id.get(refType.get(l.to().node())) + "-" + l.to().port());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(reference.links().size(), vm.current().links().size(), vm.statusProperty().get());

        // parameters in the inspector: a file through the browse button, columns from pickers, numbers typed
        clickOn("#node-" + id.get("data.csv"));
        System.setProperty("anneal.dialog.answer", Path.of("datasets/elements.csv").toAbsolutePath().toString());
        clickOn("#browse-path");
        WaitForAsyncUtils.waitForFxEvents();
        System.clearProperty("anneal.dialog.answer");
        ComboBox<String> target = lookup("#param-target").queryComboBox();
        WaitForAsyncUtils.asyncFx(() -> target.setValue("density_g_cm3")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        CheckComboBox<String> ignore = lookup("#param-ignore").query();
        WaitForAsyncUtils.asyncFx(() -> List.of("symbol", "name", "group", "block", "density_note", "crystal_structure", "lattice_a_angstrom")
                .forEach(c -> ignore.getCheckModel().check(c))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#node-" + id.get("prepare.drop-missing"));
        CheckComboBox<String> columns = lookup("#param-columns").query();
        WaitForAsyncUtils.asyncFx(() -> columns.getCheckModel().check("covalent_radius_angstrom")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        type(id.get("split.holdout"), "test", "0.25");
        type(id.get("model.ridge"), "lambda", "0.1");
        assertEquals(List.of(), vm.problems(), "a complete, honest workflow");

        // run, and read R² where a student reads it: the metrics of the score node in the Data tab
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.states().containsKey(id.get("evaluate.regression"))
                && vm.states().get(id.get("evaluate.regression")).status().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NodeStatus.DONE, vm.states().get(id.get("evaluate.regression")).status(), vm.statusProperty().get());
        clickOn("#out-" + id.get("evaluate.regression") + "-metrics");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Map.Entry<String, Double>> shown = lookup("#metricsViewer").queryTableView();
        double r2 = shown.getItems().stream().filter(e -> e.getKey().equals("r2")).findFirst().orElseThrow().getValue();
        assertTrue(r2 > 0.2 && r2 < 1, "R² in the Data tab: " + r2);

        // save (a new workflow asks for a name), reopen, and compare with the bundled file
        Path mine = tmp.resolve("mine.json");
        System.setProperty("anneal.dialog.answer", mine.toString());
        clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(mine), vm.statusProperty().get());
        assertFalse(Files.exists(Path.of("untitled.json")), "not written to the working folder");
        assertFalse(vm.dirtyProperty().get());
        clickOn("#newButton");
        clickOn("#openButton");
        WaitForAsyncUtils.waitForFxEvents();
        System.clearProperty("anneal.dialog.answer");
        assertEquals(mine.toAbsolutePath(), vm.workflowProperty().get().file());
        Workflow reopened = vm.current();
        assertEquals(List.of(TYPES), reopened.nodes().stream().map(NodeInstance::type).toList());
        Map<String, String> type = reopened.nodes().stream().collect(Collectors.toMap(NodeInstance::id, NodeInstance::type));
        assertEquals(links(reference, refType), links(reopened, type), "the same wires between the same kinds of block");
        for (NodeInstance ref : reference.nodes()) {
            NodeInstance n = reopened.node(id.get(ref.type())).orElseThrow();
            var params = n.params().deepCopy();
            var expected = ref.params().deepCopy();
            if (ref.type().equals("data.csv")) { // relative to each file's folder: the same file on disk
                assertEquals(Path.of("workflows").resolve(expected.remove("path").asText()).toAbsolutePath().normalize(),
                        tmp.resolve(params.remove("path").asText()).toAbsolutePath().normalize());
            }
            assertEquals(expected, params, "the params of " + ref.type());
        }
        // the reopened file runs to the same number
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.states().containsKey(id.get("evaluate.regression"))
                && vm.states().get(id.get("evaluate.regression")).status().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(r2, vm.metrics().stream().filter(m -> m.metric().equals("r2")).findFirst().map(MetricRow::value).orElseThrow());
    }

    private void type(String node, String param, String value) {
        clickOn("#node-" + node);
        TextField field = lookup("#param-" + param).queryAs(TextField.class);
        doubleClickOn(field).eraseText(field.getText().length()).write(value);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Wires by the types of the blocks at their ends, for comparing workflows whose node ids differ. */
    private static Set<String> links(Workflow w, Map<String, String> typeOf) {
        return w.links().stream().map(l -> typeOf.get(l.from().node()) + ":" + l.from().port() + "->" + typeOf.get(l.to().node()) + ":" + l.to().port())
                .collect(Collectors.toSet());
    }
}
