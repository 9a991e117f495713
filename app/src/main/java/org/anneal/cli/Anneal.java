package org.anneal.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code anneal} command: runs, checks and documents workflows without ever starting JavaFX. */
// INHERIT: every subcommand (and puzzle's show/verify) takes --help and --version too
@Command(name = "anneal", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Anneal.Version.class,
        description = "Anneal - visual machine learning for materials science.",
        subcommands = {RunCommand.class, ValidateCommand.class, CheckCommand.class, NodesCommand.class, DocsCommand.class, EditCommand.class, BenchCommand.class, FormatCommand.class, PuzzleCommand.class, HandinCommand.class, GradeCommand.class, PlotCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the workflow has a problem (unreadable, invalid, a node failed, or run/check met a leakage finding at --fail-on)",
                "2:wrong command line", "3:internal error (see the log file)", "130:interrupted"})
public final class Anneal implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        org.anneal.util.Phases.mark("JVM start to main");
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        org.anneal.util.Phases.mark("command returned");
        org.anneal.util.Phases.print(System.err);
        System.exit(code);
    }

    /** Runs a command line in-process with the given streams; used by main and by the tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Logs.toFile();
        CommandLine cl = new CommandLine(new Anneal());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            Logs.internal("internal error", ex);
            err.println("Internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            err.println("This is a bug in Anneal. Details: " + Logs.toFile());
            return ExitCode.INTERNAL;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** {@code anneal} without a command: the usage, on the error stream, and exit 2 (a wrong command line), as documented. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Anneal " + org.anneal.provenance.AnnealVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
