package org.anneal.cli;

import java.util.Set;

/**
 * Start-up work that a command reading a workflow needs anyway, begun on a second thread as soon as {@code main} runs:
 * the node registry (a class path scan for the node types and their declarations) and Jackson's configuration. Meanwhile
 * the main thread sets up logging and parses the command line, which keep one core busy, so on two cores the workflow
 * is read and validated a little sooner (bench/startup-ab-2026-12-03-startup11.txt). Only the results are shared: both
 * are made once and thread-safely, whichever thread comes first, and a failure here is left for the main thread to meet
 * and report as it always did (only a broken build can make either fail).
 */
final class WarmUp {
    private static final Set<String> READERS = Set.of("run", "validate", "check");

    private WarmUp() {
    }

    static void startFor(String[] args) {
        if (args.length == 0 || !READERS.contains(args[0])) {
            return;
        }
        Thread t = new Thread(WarmUp::warm, "anneal-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        try {
            org.anneal.spec.NodeRegistry.standard();
            java.util.Objects.requireNonNull(org.anneal.graph.Json.MAPPER);
        } catch (Throwable e) {
            // the main thread builds them again and reports the same failure where it always did
        }
    }
}
