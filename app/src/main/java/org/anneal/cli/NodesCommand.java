package org.anneal.cli;

import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine.Command;

@Command(name = "nodes", description = "Lists every node type: id, title, phase, ports.")
final class NodesCommand extends CliCommand {
    @Override
    public Integer call() {
        String phase = "";
        for (NodeDescriptor d : NodeRegistry.standard().all()) {
            if (!d.phase().title().equals(phase)) {
                phase = d.phase().title();
                out().println(phase);
            }
            String ins = String.join(", ", d.inputs().stream().map(p -> p.name() + ":" + p.kind().name().toLowerCase()).toList());
            String outs = String.join(", ", d.outputs().stream().map(p -> p.name() + ":" + p.kind().name().toLowerCase()).toList());
            out().printf("  %-22s %-24s (%s) -> (%s)%n", d.id(), d.title(), ins, outs);
        }
        return ExitCode.OK;
    }
}
