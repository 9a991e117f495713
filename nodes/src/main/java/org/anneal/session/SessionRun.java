package org.anneal.session;

import java.util.concurrent.CompletableFuture;

/** A session's run in progress: cancel it, or wait for its {@link SessionResult}. */
public interface SessionRun {
    /** Stops the run as {@link org.anneal.exec.RunHandle#cancel()} does; the result still arrives, cancelled. */
    void cancel();

    /** Completes once the run finished (or was cancelled) and its run-time findings are known. */
    CompletableFuture<SessionResult> result();

    default SessionResult await() {
        return result().join();
    }
}
