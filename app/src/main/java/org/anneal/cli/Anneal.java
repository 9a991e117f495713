package org.anneal.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code anneal} command: runs, checks and documents workflows without ever starting JavaFX. */
// INHERIT: every subcommand (and puzzle's show/verify) takes --help and --version too
@Command(name = "anneal", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Anneal.Version.class,
        description = "Anneal - visual machine learning for materials science.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the workflow has a problem (unreadable, invalid, a node failed, or run/check met a leakage finding at --fail-on)",
                "2:wrong command line", "3:internal error (see the log file)", "130:interrupted"})
public final class Anneal implements java.util.concurrent.Callable<Integer> {
    /** The subcommands, in the order the usage lists them. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(RunCommand.class, ValidateCommand.class, CheckCommand.class,
            NodesCommand.class, DocsCommand.class, EditCommand.class, BenchCommand.class, FormatCommand.class, PuzzleCommand.class,
            HandinCommand.class, GradeCommand.class, PlotCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        org.anneal.util.Phases.mark("JVM start to main");
        WarmUp.startFor(args);
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        org.anneal.util.Phases.mark("command returned");
        org.anneal.util.Phases.print(System.err);
        System.exit(code);
    }

    /** Runs a command line in-process with the given streams; used by main and by the tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Logs.toFile();
        org.anneal.util.Phases.mark("logging set up (its first use opens every jar on the class path)");
        CommandLine cl = new CommandLine(new Anneal());
        commandsFor(args).forEach(cl::addSubcommand);
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

    /**
     * Only the subcommand that {@code args} name, when they start with one: picocli reads the annotations of every
     * option of every command it is given (its classes are Java 5 bytecode, which class data sharing cannot map in), so
     * handing it the twelve commands cost {@code anneal run} a tenth of a second or more before it read the workflow
     * (bench/leakage-bench.sh). Anything else (no command, a wrong one, {@code --help}) gets them all, so the usage and
     * the "did you mean" suggestions are the same as before.
     */
    static java.util.List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                Command named = c.getAnnotation(Command.class);
                if (named.name().equals(args[0]) || java.util.Arrays.asList(named.aliases()).contains(args[0])) {
                    return java.util.List.of(c);
                }
            }
        }
        return COMMANDS;
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
