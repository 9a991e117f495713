package org.anneal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.spec.DataKind;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plot", description = "Runs just what the plot nodes of a workflow need and writes their plots as PNG files "
        + "(DIR/<node>-<port>.png). Name nodes to draw only those.")
final class PlotCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Parameters(index = "1..*", paramLabel = "NODE", description = "Nodes whose plots to write (default: every node with a plot output)")
    List<String> nodes = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "plots", description = "Folder for the PNG files (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "800x600", description = "Image size in pixels (default: ${DEFAULT-VALUE})")
    String size;

    @Override
    public Integer call() throws Exception {
        Validation v = Workflows.loadValid(workflow, err());
        if (v == null) {
            return ExitCode.PROBLEMS;
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String id : v.order()) {
            NodeDescriptor d = v.descriptors().get(id);
            boolean plots = d != null && d.outputs().stream().map(OutPort::kind).anyMatch(k -> k == DataKind.PLOT);
            if (plots && (nodes.isEmpty() || nodes.contains(id))) {
                targets.add(id);
            }
        }
        for (String id : nodes) {
            if (!targets.contains(id)) {
                err().println("'" + id + "' is not a node with a plot output in " + workflow + ".");
                return ExitCode.USAGE;
            }
        }
        if (targets.isEmpty()) {
            err().println(workflow + " has no node with a plot output. Add a plot node (plot.parity, plot.roc, ...) first.");
            return ExitCode.PROBLEMS;
        }
        RunResult r;
        try (Executor ex = Executor.standard()) {
            r = ex.start(v, new RunOptions(targets, DeviceSelector.system().select(v.source().workflow().meta().device()),
                    FileAccess.unrestricted(v.source().baseDir())), e -> { }).await();
        }
        r.problems().forEach(p -> err().println(p.describe()));
        // only the requested nodes' plots: upstream nodes (a metrics node's confusion plot) ran but were not asked for
        PlotExport.writeAll(r, targets, dir, size, out(), err());
        return r.succeeded() ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
