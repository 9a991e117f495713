package org.anneal.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.spec.NodeRegistry;

/**
 * The run-time leakage checks alone against the nodes' own time, in one process: runs WORKFLOW once, then the checks
 * REPS times on its outputs, timing each check from the progress they report (wall time, and the CPU time of all
 * threads). Prints one JSON object:
 * {@code LeakageChecksBench WORKFLOW.json [REPS]}.
 */
public final class LeakageChecksBench {
    private LeakageChecksBench() {
    }

    public static void main(String[] args) throws Exception {
        LoadedWorkflow lw = new WorkflowCodec().read(Path.of(args[0]));
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        RunResult r;
        try (Executor ex = Executor.standard()) {
            r = ex.run(v, new RunOptions(Set.of(), DeviceSelector.system().select("cpu"), FileAccess.unrestricted(lw.baseDir())), e -> { });
        }
        long nodeNanos = r.nodes().values().stream().mapToLong(NodeResult::nanos).sum();
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"nodeSeconds\": %.4f, \"runSeconds\": %.4f, \"reps\": [", nodeNanos / 1e9, r.totalNanos() / 1e9));
        for (int rep = 0; rep < reps; rep++) {
            Map<String, Long> spent = new LinkedHashMap<>();
            long[] mark = {System.nanoTime()};
            String[] stage = {"start"};
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            var found = new DynamicChecks(DynamicChecks.Thresholds.of(lw.workflow())).analyze(v, r, (node, what, fraction) -> {
                if (!what.equals(stage[0])) {
                    long now = System.nanoTime();
                    spent.merge(stage[0], now - mark[0], Long::sum);
                    mark[0] = now;
                    stage[0] = what;
                }
            });
            long end = System.nanoTime();
            long cpu = processCpuNanos() - cpu0;
            spent.merge(stage[0] + " (and the checks after the splits)", end - mark[0], Long::sum);
            json.append(rep == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"checksSeconds\": %.4f, \"checksCpuSeconds\": %.4f, \"findings\": \"%s\", \"perCheck\": {",
                    (end - t0) / 1e9, cpu / 1e9, String.join(" ", found.stream().map(Finding::rule).toList())));
            json.append(String.join(", ", spent.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "\"%s\": %.4f", e.getKey(), e.getValue() / 1e9)).toList()));
            json.append("}}");
        }
        System.out.println(json.append("]}"));
    }

    /**
     * CPU time of the whole process, every thread (the checks run on two): on a machine others load, the CPU the checks
     * take says more than their wall time.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
