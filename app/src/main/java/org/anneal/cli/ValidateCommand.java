package org.anneal.cli;

import java.nio.file.Path;
import org.anneal.exec.Validation;
import org.anneal.graph.LoadedWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = "Checks a workflow without running it: file format, node types, parameters, wires, "
        + "cycles, columns. Prints every problem with its location and a fix.")
final class ValidateCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Override
    public Integer call() {
        LoadedWorkflow lw = Workflows.load(workflow, err());
        if (lw == null) {
            return ExitCode.PROBLEMS;
        }
        Validation v = Workflows.validate(lw);
        if (v.problems().isEmpty()) {
            out().println(workflow + ": OK (" + lw.workflow().nodes().size() + " nodes, " + lw.workflow().links().size() + " wires)");
            return ExitCode.OK;
        }
        Workflows.print(v.problems(), v.hasErrors() ? err() : out());
        long errors = v.errors().size();
        out().println(workflow + ": " + errors + " error(s), " + (v.problems().size() - errors) + " warning(s)");
        return errors > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
    }
}
