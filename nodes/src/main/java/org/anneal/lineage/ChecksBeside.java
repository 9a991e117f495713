package org.anneal.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anneal.spec.ExecContext;

/**
 * A small bounded pool for run-time checks that need nothing from one another, so that they run beside the checks the
 * calling thread does itself (issue 16, "Performance"): one worker fewer than the cores, at most two. Each check writes
 * its own list, which the caller appends in the fixed order of the checks, so the findings and their order do not
 * depend on which finished first; progress is reported only from the calling thread. A caller interrupted while it waits
 * interrupts the workers (the checks stop at their next {@link CheckBounds#checkInterrupted}) and gets
 * {@link ExecContext.Cancelled}; a check's own exception reaches the caller as it was thrown.
 */
final class ChecksBeside implements AutoCloseable {
    private final ExecutorService pool;
    private final List<Future<?>> started = new ArrayList<>();

    ChecksBeside() {
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "anneal-leakage-check");
            t.setDaemon(true); // a check left running never keeps the process alive
            return t;
        });
    }

    <T> Future<T> start(Callable<T> check) {
        Future<T> f = pool.submit(check);
        started.add(f);
        return f;
    }

    /** The check's result, waiting for it. */
    <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            cancelAll();
            Thread.currentThread().interrupt();
            throw new ExecContext.Cancelled();
        } catch (ExecutionException e) {
            cancelAll();
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void cancelAll() {
        started.forEach(f -> f.cancel(true));
    }

    @Override
    public void close() {
        cancelAll(); // nothing is left running once the caller has its findings, or has given up on them
        pool.shutdownNow();
    }
}
