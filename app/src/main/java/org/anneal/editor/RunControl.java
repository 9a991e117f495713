package org.anneal.editor;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.anneal.device.Device;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.PortRef;
import org.anneal.lineage.DynamicChecks;
import org.anneal.ml.Metrics;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.SessionRun;
import org.anneal.session.WorkflowSession;

/**
 * The run side of a window: starts and cancels runs on the executor and keeps what the window shows of them,
 * node states, the metrics, values nodes publish while they run, the last result. Events come back through
 * {@code ui}, and only those of the run in progress count: a node that reports once more after Cancel must
 * not turn its badge back to "running".
 */
final class RunControl {
    private final WorkflowViewModel vm;
    private final WorkflowSession session;
    private final Consumer<Runnable> ui;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObservableMap<String, WorkflowViewModel.NodeState> states = FXCollections.observableHashMap();
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final ObservableMap<String, NodeEvent.Live> live = FXCollections.observableHashMap();
    private SessionRun current;
    private int runNumber;
    private RunResult lastResult;

    RunControl(WorkflowViewModel vm, WorkflowSession session, Consumer<Runnable> ui) {
        this.vm = vm;
        this.session = session;
        this.ui = ui;
    }

    /** A different workflow: nothing of the last one's run is shown. */
    void clear() {
        states.clear();
        metrics.clear();
        live.clear();
    }

    void run() {
        run(Set.of());
    }

    /**
     * Runs the nodes the targets need (all when empty): a student checks the table coming out of a cleaning step
     * without waiting for the forest downstream. Earlier results stay in the cache, so the full run later is cheap.
     */
    void run(Set<String> targets) {
        LoadedWorkflow lw = vm.workflowProperty().get();
        if (running.get() || lw == null) {
            return;
        }
        Validation v = vm.revalidate();
        if (v.hasErrors()) {
            vm.statusProperty().set("Not run: fix the " + v.errors().size() + " problem(s) below first.");
            return;
        }
        Device d = DeviceSelector.system().select(lw.workflow().meta().device());
        vm.deviceProperty().set(d.describe());
        metrics.clear();
        live.clear();
        running.set(true);
        vm.statusProperty().set(targets.isEmpty() ? "Running..." : "Running up to " + String.join(", ", new java.util.TreeSet<>(targets)) + "...");
        int number = ++runNumber;
        states.clear(); // nodes outside a partial run show no stale status from an earlier one
        // run-time checks with the thresholds the workflow's leakage block sets, if any
        SessionOptions options = SessionOptions.on(d).withTargets(targets)
                .withRunTimeChecks(DynamicChecks.Thresholds.of(lw.workflow()))
                .withListener(e -> ui.accept(() -> {
                    if (number == runNumber && running.get()) {
                        onEvent(e);
                    }
                }));
        current = session.start(vm.findings().checked(), options);
        current.result().whenComplete((s, err) -> ui.accept(() -> onFinished(s)));
    }

    void cancel() {
        if (current != null && running.get()) {
            vm.statusProperty().set("Cancelling...");
            current.cancel();
        }
    }

    private void onEvent(NodeEvent e) {
        if (e.live() != null) {
            live.put(e.nodeId(), e.live());
            return;
        }
        states.put(e.nodeId(), new WorkflowViewModel.NodeState(e.status(), e.progress(), e.message()));
    }

    Object outputValue(PortRef port) {
        var nr = lastResult == null ? null : lastResult.node(port.node());
        return nr == null || nr.outputs() == null ? null : nr.outputs().get(port.port());
    }

    private void onFinished(SessionResult s) {
        RunResult r = s == null ? null : s.run();
        lastResult = r;
        try {
            live.clear(); // the outputs take over from the values published on the way
            if (r == null) {
                vm.statusProperty().set("The run stopped unexpectedly.");
                return;
            }
            var ran = org.anneal.device.Nd4jRuntime.loadedRuntime(); // a network ran: say on what, not what was asked
            if (ran != null) {
                vm.deviceProperty().set(ran.describe());
            }
            r.nodes().forEach((id, nr) -> {
                states.put(id, new WorkflowViewModel.NodeState(nr.status(), 1, nr.problem() == null ? "" : nr.problem().message()));
                if (nr.outputs() != null) {
                    nr.outputs().asMap().values().stream().filter(Metrics.class::isInstance).map(Metrics.class::cast)
                            .forEach(m -> m.values().forEach((k, x) -> metrics.add(new MetricRow(id, k, x))));
                }
            });
            vm.findings().addRunFindings(s);
            long executed = r.executed().size();
            vm.statusProperty().set(r.cancelled() ? "Cancelled." : (r.succeeded() ? "Done" : "Finished with problems")
                    + String.format(java.util.Locale.ROOT, " in %.2f s (%d node(s) ran, %d from cache).", r.totalNanos() / 1e9,
                    executed, r.nodes().size() - executed));
        } finally {
            running.set(false); // last: whoever waits for the end of the run sees complete results
        }
    }

    /** Runs, then writes WORKFLOW.handin.json beside the file (see {@link WorkflowViewModel#handIn}). */
    CompletableFuture<java.nio.file.Path> handIn(String author) {
        LoadedWorkflow lw = vm.workflowProperty().get();
        Validation v = vm.revalidate();
        if (v.hasErrors()) {
            return CompletableFuture.failedFuture(new IllegalStateException("fix the problems first"));
        }
        Checked checked = vm.findings().checked();
        java.nio.file.Path target = java.nio.file.Path.of(lw.file().toString().replaceAll("\\.json$", "") + ".handin.json");
        return org.anneal.handin.Handins.runAndStamp(session, checked, author).thenApply(stamped -> {
            try {
                vm.codec().save(stamped, target);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return target;
        });
    }

    BooleanProperty running() {
        return running;
    }

    ObservableMap<String, WorkflowViewModel.NodeState> states() {
        return states;
    }

    ObservableList<MetricRow> metrics() {
        return metrics;
    }

    ObservableMap<String, NodeEvent.Live> live() {
        return live;
    }
}
