package org.anneal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.anneal.device.Device;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.NodeResult;
import org.anneal.exec.NodeStatus;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.ml.Metrics;
import org.anneal.provenance.RunReport;
import org.anneal.session.Checked;
import org.anneal.session.SessionOptions;
import org.anneal.session.SessionResult;
import org.anneal.session.SessionRun;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Validates and runs a workflow headless, prints each node's status and the evaluation "
        + "results, and writes a results JSON (metrics, timings, problems, provenance). Exit code 1 when a node fails or a "
        + "leakage finding at the --fail-on level is raised, before or during the run.")
final class RunCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Option(names = {"-o", "--out"}, description = "Results file (default: results/<workflow>.results.json)")
    Path out;

    @Option(names = "--device", description = "Override the workflow's device: auto, cpu or gpu")
    String device;

    @Option(names = "--plots", paramLabel = "DIR", description = "Also write every plot output as DIR/<node>-<port>.png")
    Path plots;

    @Option(names = "--plot-size", paramLabel = "WxH", defaultValue = "800x600", description = "Size of the PNG files in pixels (default: ${DEFAULT-VALUE})")
    String plotSize;

    @Option(names = "--threshold", paramLabel = "NAME=VALUE",
            description = "Change a threshold of the run-time leakage checks, e.g. nearDistance=0.02 (repeatable; names as in the docs)")
    java.util.Map<String, String> thresholds = new java.util.LinkedHashMap<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = FailOn.Converter.class,
            completionCandidates = FailOn.Choices.class, description = FailOn.DOC + " (static findings and those of the run)")
    FailOn failOn = FailOn.ERROR;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = out();
        PrintWriter err = err();
        org.anneal.util.Phases.mark("command line parsed (picocli)");
        LoadedWorkflow lw = Workflows.load(workflow, err);
        org.anneal.util.Phases.mark("workflow file read");
        if (lw == null) {
            return ExitCode.PROBLEMS;
        }
        String requested = device != null ? device : lw.workflow().meta().device();
        if (!Set.of("auto", "cpu", "gpu").contains(requested)) {
            err().println("--device must be auto, cpu or gpu, not '" + requested + "'.");
            return ExitCode.USAGE;
        }
        org.anneal.lineage.DynamicChecks.Thresholds fromFile;
        try {
            fromFile = org.anneal.lineage.DynamicChecks.Thresholds.of(lw.workflow());
        } catch (IllegalArgumentException e) {
            fromFile = org.anneal.lineage.DynamicChecks.Thresholds.DEFAULT; // a located validation problem below stops the run
        }
        org.anneal.lineage.DynamicChecks.Thresholds checks;
        try {
            checks = fromFile.with(thresholds); // the command line overrides the workflow's leakage block
        } catch (IllegalArgumentException e) {
            err().println("--threshold: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Device dev = DeviceSelector.system().select(requested);
        o.println("Anneal " + org.anneal.provenance.AnnealVersion.get() + " | " + workflow + " | seed " + lw.workflow().meta().seed()
                + " | device " + dev.describe());
        Lesson.print(lw.workflow().meta(), o);
        WorkflowSession checking = WorkflowSession.checking(NodeRegistry.standard());
        org.anneal.util.Phases.mark("device chosen, node registry built");
        Checked checked = checking.check(lw);
        Validation v = checked.validation();
        if (!v.problems().isEmpty()) {
            Workflows.print(v.problems(), v.hasErrors() ? err : o);
        }
        if (v.hasErrors()) {
            err().println("Not run: " + v.errors().size() + " problem(s) must be fixed first.");
            return ExitCode.PROBLEMS;
        }
        checked.staticFindings().forEach(f -> (f.isError() ? err : o).println(f.describe()));
        SessionOptions options = SessionOptions.on(dev).withRunTimeChecks(checks).withListener(e -> print(o, v, e));
        SessionResult s;
        try (Executor ex = Executor.standard()) {
            SessionRun h = new WorkflowSession(checking.registry(), ex).start(checked, options);
            Thread hook = new Thread(h::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            s = h.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook already cancelled the run
            }
        }
        RunResult r = s.run();
        org.anneal.util.Phases.mark("run-time checks (after the nodes)");
        printMetrics(o, v, r);
        var ran = org.anneal.device.Nd4jRuntime.loadedRuntime(); // a network ran: what computed it, not the label asked for
        if (ran != null) {
            o.println("Networks ran on " + ran.describe());
            if (!ran.device().equals(dev.name())) {
                err.println("The device chosen was " + dev.name() + ", but ND4J loaded its " + ran.device() + " backend: it is fixed when the "
                        + "process starts (./anneal sets it from --device or ANNEAL_DEVICE).");
            }
        }
        if (plots != null) {
            PlotExport.writeAll(r, null, plots, plotSize, o, err);
        }
        s.dynamicFindings().forEach(f -> (f.isError() ? err : o).println(f.describe()));
        r.problems().forEach(p -> err().println(p.describe()));
        ObjectNode report = s.report();
        Path target = out != null ? out : Path.of("results", stem(workflow) + ".results.json");
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.writeString(target, RunReport.text(report), StandardCharsets.UTF_8);
        org.anneal.util.Phases.mark("results written (report, digest, JSON)");
        o.printf(Locale.ROOT, "Results written to %s (%.2f s)%n", target, r.totalNanos() / 1e9);
        if (r.cancelled()) {
            return ExitCode.CANCELLED;
        }
        java.util.List<org.anneal.lineage.Finding> findings = new java.util.ArrayList<>(checked.staticFindings());
        findings.addAll(s.dynamicFindings());
        if (failOn.failsOn(findings)) {
            err.println("Exit 1: " + findings.size() + " leakage finding(s) at --fail-on " + failOn.name().toLowerCase(Locale.ROOT) + " or above.");
            return ExitCode.PROBLEMS;
        }
        return r.succeeded() ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private final java.util.Set<String> checksShown = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void print(PrintWriter o, Validation v, NodeEvent e) {
        // the run-time leakage checks name each check as it starts; shown once they have taken half a second (a big table)
        if (e.live() != null && WorkflowSession.CHECKS.equals(e.live().name()) && e.elapsedNanos() > 500_000_000L
                && checksShown.add(e.nodeId() + e.live().value())) {
            synchronized (o) {
                o.printf(Locale.ROOT, "  %-9s %-16s %s (%.1f s)%n", "checking", e.nodeId(), e.live().value(), e.elapsedNanos() / 1e9);
                o.flush();
            }
        }
        if (!e.status().isFinal()) {
            return;
        }
        String type = v.descriptors().containsKey(e.nodeId()) ? v.descriptors().get(e.nodeId()).id() : "?";
        synchronized (o) {
            o.printf(Locale.ROOT, "  %-9s %-16s %-22s %8.3f s%s%n", e.status().name().toLowerCase(Locale.ROOT), e.nodeId(), type,
                    e.elapsedNanos() / 1e9, e.status() == NodeStatus.FAILED || e.status() == NodeStatus.SKIPPED ? "  " + e.message() : "");
            o.flush();
        }
    }

    private static void printMetrics(PrintWriter o, Validation v, RunResult r) {
        for (NodeResult nr : r.nodes().values()) {
            if (nr.outputs() == null) {
                continue;
            }
            for (Object value : nr.outputs().asMap().values()) {
                if (value instanceof Metrics m) {
                    o.println("Metrics of '" + nr.nodeId() + "' (" + v.descriptors().get(nr.nodeId()).title() + ", " + m.rows() + " rows):");
                    m.values().forEach((k, x) -> o.printf(Locale.ROOT, "    %-18s %.6g%n", k, x));
                }
            }
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
