package org.anneal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import org.anneal.graph.Json;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.lineage.Finding;
import org.anneal.session.Checked;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Looks for data leakage without running: evaluations on training rows, preprocessing "
        + "fitted before the split, test rows used for fitting, groups split at random. Exit code 1 when a finding at the --fail-on level exists (default: an error).")
final class CheckCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Option(names = "--json", description = "Print the findings as JSON")
    boolean json;

    @Option(names = "--fix", description = "Apply the quick fixes and save the workflow (to --out, or in place); refused for a puzzle unless its author allows quick fixes")
    boolean fix;

    @Option(names = {"-o", "--out"}, description = "With --fix: where to save the fixed workflow (relative dataset paths are rebased to its folder)")
    Path fixedOut;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = FailOn.Converter.class,
            completionCandidates = FailOn.Choices.class, description = FailOn.DOC)
    FailOn failOn = FailOn.ERROR;

    @Override
    public Integer call() throws Exception {
        Workflows.Ready ready = Workflows.loadChecked(workflow, err(), "Fix these problems first; leakage is checked on a valid workflow.");
        if (ready == null) {
            return ExitCode.PROBLEMS;
        }
        LoadedWorkflow lw = ready.loaded();
        Checked checked = ready.checked();
        List<Finding> findings = checked.staticFindings();
        if (fix) {
            findings = CheckFix.apply(lw, fixedOut != null ? fixedOut : workflow, out(), err());
            if (findings == null) {
                return ExitCode.USAGE; // a puzzle without quick fixes
            }
        }
        if (json) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            findings.forEach(f -> a.add(f.toJson()));
            out().print(Json.PRETTY.writeValueAsString(a) + "\n");
        } else if (findings.isEmpty()) {
            out().println(workflow + ": no leakage found");
        } else {
            findings.forEach(f -> out().println(f.describe()));
        }
        return failOn.failsOn(findings) ? ExitCode.PROBLEMS : ExitCode.OK;
    }
}
