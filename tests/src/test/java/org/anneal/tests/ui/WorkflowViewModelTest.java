package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.anneal.editor.WorkflowViewModel;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.NodeStatus;
import org.anneal.graph.Link;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.PortRef;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's view model, headless with a synchronous UI hand-off: every edit, undo and redo, and a run. */
class WorkflowViewModelTest {
    @TempDir
    Path dir;

    final Executor executor = new Executor(MemoryCache.standard(), 2);
    final WorkflowViewModel vm = new WorkflowViewModel(NodeRegistry.standard(), executor, Runnable::run);

    @org.junit.jupiter.api.BeforeEach
    void isolateAutosave() {
        vm.useAutosaveDir(dir.resolve("autosave"));
    }

    /** A crash after editing loses nothing: reopening the file offers the autosaved version, which can be taken back. */
    @Test
    void autosaveOffersTheUnsavedVersionAfterACrash() throws Exception {
        Path file = dir.resolve("work.json");
        java.nio.file.Files.copy(Path.of("workflows/02-polynomial-basis.json"), file);
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        vm.open(file);
        vm.setParam("poly", "degree", "5");
        Thread.sleep(20); // file times have millisecond resolution
        // the process dies here; a new editor opens the same file
        WorkflowViewModel after = new WorkflowViewModel(NodeRegistry.standard(), executor, Runnable::run);
        after.useAutosaveDir(dir.resolve("autosave"));
        after.open(file);
        assertNotNull(after.recoveredProperty().get(), "the edit is offered back");
        after.acceptRecovery();
        assertEquals(5, after.current().node("poly").orElseThrow().params().get("degree").asInt());
        after.save();
        WorkflowViewModel third = new WorkflowViewModel(NodeRegistry.standard(), executor, Runnable::run);
        third.useAutosaveDir(dir.resolve("autosave"));
        third.open(file);
        assertEquals(null, third.recoveredProperty().get(), "after a save there is nothing to recover");
    }

    @AfterEach
    void close() {
        executor.close();
    }

    static PortRef p(String s) {
        return PortRef.parse(s);
    }

    /** Builds workflows/01-linear-regression.json from an empty workflow, as a student would, and checks it is the same graph. */
    @Test
    void buildsTheFirstExampleFromScratchAndItRunsLikeTheFile() throws Exception {
        vm.newWorkflow(Path.of("workflows").toAbsolutePath());
        for (String[] n : new String[][] {{"data.csv", "csv"}, {"prepare.drop-missing", "drop_missing"}, {"split.holdout", "holdout"},
                {"prepare.standardize", "standardize"}, {"prepare.apply", "apply"}, {"model.ridge", "ridge"}, {"train.fit", "fit"},
                {"evaluate.regression", "regression"}}) {
            assertEquals(n[1], vm.addNode(n[0], 0, 0));
        }
        assertTrue(vm.setParam("csv", "path", "\"../datasets/elements.csv\"") == null);
        vm.setParam("csv", "target", "\"density_g_cm3\"");
        vm.setParam("csv", "ignore", "[\"symbol\", \"name\", \"group\", \"block\", \"density_note\", \"crystal_structure\", \"lattice_a_angstrom\"]");
        vm.setParam("drop_missing", "columns", "[\"covalent_radius_angstrom\"]");
        vm.setParam("holdout", "test", "0.25");
        vm.setParam("ridge", "lambda", "0.1");
        String[][] wires = {{"csv:table", "drop_missing:table"}, {"drop_missing:out", "holdout:table"}, {"holdout:train", "standardize:fit"},
            {"holdout:train", "standardize:data"}, {"standardize:state", "apply:state"}, {"holdout:test", "apply:data"},
            {"ridge:learner", "fit:learner"}, {"standardize:out", "fit:train"}, {"fit:model", "regression:model"}, {"apply:out", "regression:data"}};
        for (String[] w : wires) {
            assertTrue(vm.connect(p(w[0]), p(w[1])), vm.statusProperty().get());
        }
        assertEquals(List.of(), vm.problems(), "a complete, honest workflow");
        Path saved = dir.resolve("mine.json");
        vm.saveAs(saved);
        Workflow mine = new WorkflowCodec().read(saved).workflow();
        Workflow reference = new WorkflowCodec().read(Path.of("workflows/01-linear-regression.json")).workflow();
        assertEquals(reference.nodes().stream().map(NodeInstance::type).toList(), mine.nodes().stream().map(NodeInstance::type).toList());
        assertEquals(reference.links().size(), mine.links().size());

        var done = new java.util.concurrent.CountDownLatch(1);
        vm.runningProperty().addListener((o, a, running) -> {
            if (!running) {
                done.countDown();
            }
        });
        vm.run();
        assertTrue(done.await(60, TimeUnit.SECONDS), vm.statusProperty().get());
        assertEquals(NodeStatus.DONE, vm.states().get("regression").status(), vm.statusProperty().get() + " " + vm.states());
        double r2 = vm.metrics().stream().filter(m -> m.metric().equals("r2")).findFirst().orElseThrow().value();
        // node ids seed the split, so the student's file (ids 'holdout', ...) splits differently from the bundled one;
        // what must hold is that the saved file reproduces the editor's number exactly
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.anneal.cli.Anneal.execute(new String[] {"run", saved.toString(), "--out", dir.resolve("r.json").toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, code, out.toString());
        double fromFile = org.anneal.graph.Json.MAPPER.readTree(dir.resolve("r.json").toFile()).at("/metrics/regression/r2").asDouble();
        assertEquals(r2, fromFile, 0, "the saved file reproduces the editor's R²");

    }

    @Test
    void everyKindOfEditUndoesAndRedoes() {
        vm.newWorkflow(dir);
        Workflow empty = vm.current();
        vm.addNode("model.ridge", 10, 10);
        vm.addNode("train.fit", 200, 10);
        Workflow twoNodes = vm.current();
        vm.connect(p("ridge:learner"), p("fit:learner"));
        Workflow wired = vm.current();
        vm.setParam("ridge", "lambda", "3");
        Workflow param = vm.current();
        vm.moveNode("fit", 400, 50);
        Workflow moved = vm.current();
        vm.disconnect(Link.of("ridge:learner", "fit:learner"));
        Workflow unwired = vm.current();
        vm.deleteNode("ridge");
        Workflow deleted = vm.current();

        List<Workflow> history = List.of(deleted, unwired, moved, param, wired, twoNodes);
        for (int i = 1; i < history.size(); i++) {
            vm.undo();
            assertEquals(history.get(i), vm.current(), "undo step " + i);
        }
        vm.undo();
        vm.undo();
        assertEquals(empty, vm.current());
        assertFalse(vm.canUndoProperty().get());
        for (int i = 0; i < 7; i++) {
            vm.redo();
        }
        assertEquals(deleted, vm.current());
        assertFalse(vm.canRedoProperty().get());
    }

    @Test
    void anIncompatibleWireIsRefusedWithTheReasonAndAWireIntoATakenInputReplacesIt() {
        vm.newWorkflow(dir);
        vm.addNode("model.ridge", 0, 0);
        vm.addNode("split.holdout", 0, 0);
        vm.addNode("data.generate", 0, 0);
        vm.addNode("data.generate", 0, 0);
        assertFalse(vm.connect(p("ridge:learner"), p("holdout:table")));
        assertTrue(vm.statusProperty().get().contains("takes a Table, but 'ridge:learner' gives a Learner"), vm.statusProperty().get());
        assertTrue(vm.connect(p("generate:table"), p("holdout:table")));
        assertTrue(vm.connect(p("generate2:table"), p("holdout:table")));
        assertEquals(Set.of(Link.of("generate2:table", "holdout:table")), Set.copyOf(vm.current().links()));
        assertNotNull(vm.whyNot(p("holdout:train"), p("holdout:table")));
    }

    @Test
    void aParameterOutOfRangeIsReportedAtOnce() {
        vm.newWorkflow(dir);
        vm.addNode("split.holdout", 0, 0);
        String problem = vm.setParam("holdout", "test", "1.5");
        assertEquals("'test' is 1.5 but must be between 0.01 and 0.99.", problem);
    }

    @Test
    void handInFromTheEditorWritesAVerifiableHandIn() throws Exception {
        Path file = dir.resolve("mine.json");
        java.nio.file.Files.copy(Path.of("workflows/02-polynomial-basis.json"), file);
        vm.open(file);
        Path handin = vm.handIn("Ada").get(60, TimeUnit.SECONDS);
        var w = new WorkflowCodec().read(handin).workflow();
        assertEquals("Ada", w.block("handin").orElseThrow().get("author").asText());
        assertTrue(org.anneal.handin.Handins.intact(w));
    }
}
