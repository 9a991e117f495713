package org.anneal.cli;

/** Exit codes of the {@code anneal} command, documented in the README. */
public final class ExitCode {
    /** Everything worked (for {@code check}/{@code validate}: no errors). */
    public static final int OK = 0;
    /** The workflow has a problem: unreadable file, validation errors, or a node failed. */
    public static final int PROBLEMS = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** A bug in Anneal; details are in the log file named on screen. */
    public static final int INTERNAL = 3;
    /** The run was interrupted (Ctrl-C). */
    public static final int CANCELLED = 130;

    private ExitCode() {
    }
}
