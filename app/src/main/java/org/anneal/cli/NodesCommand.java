package org.anneal.cli;

import java.util.concurrent.Callable;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "nodes", description = "Lists every node type: id, title, phase, ports.")
final class NodesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        String phase = "";
        for (NodeDescriptor d : NodeRegistry.standard().all()) {
            if (!d.phase().title().equals(phase)) {
                phase = d.phase().title();
                out.println(phase);
            }
            String ins = String.join(", ", d.inputs().stream().map(p -> p.name() + ":" + p.kind().name().toLowerCase()).toList());
            String outs = String.join(", ", d.outputs().stream().map(p -> p.name() + ":" + p.kind().name().toLowerCase()).toList());
            out.printf("  %-22s %-24s (%s) -> (%s)%n", d.id(), d.title(), ins, outs);
        }
        return ExitCode.OK;
    }
}
