package org.anneal.exec;

import java.util.concurrent.CompletableFuture;

/** A run in progress. */
public interface RunHandle {
    /** Stops the run: running nodes are interrupted, queued ones never start; the result says cancelled. */
    void cancel();

    /** Completes when every node in the run reached a final status, or right after {@link #cancel()}. */
    CompletableFuture<RunResult> result();

    default RunResult await() {
        return result().join();
    }
}
