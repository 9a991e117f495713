package org.anneal.cli;

import java.nio.file.Path;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.puzzle.Puzzle;
import org.anneal.puzzle.PuzzleVerifier;
import org.anneal.puzzle.Verdict;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "puzzle", description = "Broken-pipeline puzzles: show the story, check a fix.",
        subcommands = {PuzzleCommand.Show.class, PuzzleCommand.Verify.class})
final class PuzzleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", description = "Prints a puzzle's title, story and hints.")
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "PUZZLE.json")
        Path file;

        @Override
        public Integer call() {
            LoadedWorkflow lw = Workflows.load(file, err());
            if (lw == null) {
                return ExitCode.PROBLEMS;
            }
            Puzzle p = Puzzle.of(lw.workflow());
            if (p == null) {
                err().println(file + " is not a puzzle (it has no \"puzzle\" block).");
                return ExitCode.PROBLEMS;
            }
            out().println(p.title());
            out().println();
            out().println(p.story());
            for (int i = 0; i < p.hints().size(); i++) {
                out().println("Hint " + (i + 1) + ": " + p.hints().get(i));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", description = "Checks a student's fix: locked parts unchanged, the flaw gone, no new flaw, "
            + "the workflow runs, metrics in range. Exit code 0 when solved.")
    static final class Verify extends CliCommand {
        @Parameters(index = "0", paramLabel = "STUDENT.json")
        Path student;

        @Option(names = "--puzzle", required = true, paramLabel = "PUZZLE.json")
        Path puzzle;

        @Override
        public Integer call() {
            LoadedWorkflow p = Workflows.load(puzzle, err());
            LoadedWorkflow s = Workflows.load(student, err());
            if (p == null || s == null) {
                return ExitCode.PROBLEMS;
            }
            Verdict v = new PuzzleVerifier(NodeRegistry.standard()).verify(p, s);
            out().print(v.describe());
            return v.solved() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }
}
