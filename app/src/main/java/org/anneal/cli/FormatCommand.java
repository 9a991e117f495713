package org.anneal.cli;

import java.nio.file.Path;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "format", description = "Rewrites workflow files in Anneal's canonical form (as the editor saves them), "
        + "so hand-edited files diff cleanly. Migrates old format versions.")
final class FormatCommand extends CliCommand {
    @Parameters(paramLabel = "WORKFLOW.json", arity = "1..*")
    java.util.List<Path> files;

    @Override
    public Integer call() throws Exception {
        int code = ExitCode.OK;
        WorkflowCodec codec = new WorkflowCodec();
        for (Path f : files) {
            LoadedWorkflow lw = Workflows.load(f, err());
            if (lw == null) {
                code = ExitCode.PROBLEMS;
                continue;
            }
            if (codec.write(lw.workflow()).equals(java.nio.file.Files.readString(f))) {
                out().println("unchanged " + f + " (already in canonical form)"); // and not rewritten
                continue;
            }
            codec.save(lw.workflow(), f);
            out().println("formatted " + f);
        }
        return code;
    }
}
