package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes a script or CI can trust: {@code anneal run} and {@code anneal check} exit 1 when a leakage finding at
 * the {@code --fail-on} level is raised — a run-time one too, which before was only printed (exit 0) — and
 * {@code --fail-on never} / {@code warning} move the bar. Before, {@code run} exited 0 on every leak, and
 * {@code check} had no way to fail on a warning.
 */
class FailOnExitCodesTest {
    /** Clean before it runs (no static finding), but the random split puts copies of 25 mixes on both sides (D1, an error). */
    static final String RUN_TIME_LEAK = "workflows/puzzles/14-concrete-duplicates.json";
    /** A static error (L7: heats split at random). */
    static final String STATIC_LEAK = "workflows/puzzles/04-heats-split-at-random.json";
    /** Only a warning (L2: a scaler fitted before the split). */
    static final String WARNING_ONLY = "workflows/puzzles/01-scaler-before-split.json";

    @TempDir
    Path tmp;

    @Test
    void aLeakFoundOnlyAtRunTimeFailsTheRun() {
        assertEquals(0, Cli.run("check", RUN_TIME_LEAK).exit(), "nothing to see before it runs");
        Cli r = Cli.run("run", RUN_TIME_LEAK, "--out", tmp.resolve("r.json").toString());
        assertTrue(r.all().contains("D1"), r.all());
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("--fail-on error"), "says why it failed: " + r.err());
        Cli never = Cli.run("run", RUN_TIME_LEAK, "--fail-on", "never", "--out", tmp.resolve("n.json").toString());
        assertEquals(0, never.exit(), never.all());
        assertTrue(never.all().contains("D1"), "still reported: " + never.all());
    }

    @Test
    void aStaticErrorFailsTheRunAndTheCheck() {
        assertEquals(1, Cli.run("run", STATIC_LEAK, "--out", tmp.resolve("s.json").toString()).exit());
        assertEquals(1, Cli.run("check", STATIC_LEAK).exit());
        assertEquals(0, Cli.run("check", STATIC_LEAK, "--fail-on", "never").exit());
    }

    @Test
    void warningsFailOnlyWhenAsked() {
        assertEquals(0, Cli.run("check", WARNING_ONLY).exit());
        assertEquals(1, Cli.run("check", WARNING_ONLY, "--fail-on", "warning").exit());
        assertEquals(1, Cli.run("run", WARNING_ONLY, "--fail-on", "WARNING", "--out", tmp.resolve("w.json").toString()).exit());
        assertEquals(0, Cli.run("run", "workflows/01-linear-regression.json", "--fail-on", "warning", "--out", tmp.resolve("c.json").toString()).exit(),
                "a correct example passes even the strictest bar");
    }

    @Test
    void aWrongLevelIsAUsageErrorThatListsTheChoices() {
        Cli r = Cli.run("check", WARNING_ONLY, "--fail-on", "sometimes");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("warning, error, never"), r.err());
        Cli help = Cli.run("run", "--help");
        assertTrue(help.out().contains("--fail-on") && help.out().contains("never"), help.out());
    }
}
