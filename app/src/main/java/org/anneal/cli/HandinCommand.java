package org.anneal.cli;

import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.Executor;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.handin.Handins;
import org.anneal.lineage.Finding;
import org.anneal.session.Checked;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "handin", description = "Runs a workflow and writes a hand-in file: the workflow plus author, time, versions, "
        + "dataset SHA-256s, metrics, leakage findings and a digest binding them.")
final class HandinCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW.json")
    Path workflow;

    @Option(names = "--author", required = true)
    String author;

    @Option(names = {"-o", "--out"}, description = "Hand-in file (default: WORKFLOW.handin.json beside the workflow)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Workflows.Ready ready = Workflows.loadChecked(workflow, err(), null);
        if (ready == null) {
            return ExitCode.PROBLEMS;
        }
        Checked checked = ready.checked();
        Workflow stamped;
        try (Executor ex = Executor.standard()) {
            stamped = Handins.runAndStamp(new WorkflowSession(NodeRegistry.standard(), ex), checked, author).join();
        } catch (java.util.concurrent.CompletionException e) {
            err().println("Not handed in: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return ExitCode.PROBLEMS;
        }
        List<Finding> findings = checked.staticFindings();
        Path target = out != null ? out : Path.of(workflow.toString().replaceAll("\\.json$", "") + ".handin.json");
        new WorkflowCodec().save(stamped, target);
        findings.forEach(f -> err().println(f.describe()));
        out().println("Handed in as " + target + (findings.isEmpty() ? "" : " (with " + findings.size() + " leakage finding(s))"));
        return ExitCode.OK;
    }
}
