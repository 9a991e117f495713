package org.anneal.nodes.spectra;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.anneal.spec.ExecContext;

/**
 * Work on every row of a spectrum table (or every file of a folder) spread over a bounded pool: rows are handed out in
 * small chunks in order, each thread keeps its own worker (with its own work arrays) for all the chunks it takes, and
 * every row writes only its own slot of the output, so the result is the same for any number of threads. The calling
 * thread works too, checks for cancellation and reports progress between chunks. When rows fail, the failure of the
 * lowest row is the one thrown, as a single thread going row by row would have met it first.
 */
final class SpectrumRows {
    /**
     * Rows per chunk: small enough to balance a few threads, large enough that handing out costs nothing. Even, so that
     * rows 2k and 2k + 1 always go to the same thread (spectrum steps process them as a pair).
     */
    static final int CHUNK = 16;

    /** Helpers shared by all spectrum nodes, one per core beyond the caller's; daemon threads, created on first use. */
    private static final class Pool {
        static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
        static final ExecutorService EXEC = HELPERS == 0 ? null : Executors.newFixedThreadPool(HELPERS, r -> {
            Thread t = new Thread(r, "anneal-spectra");
            t.setDaemon(true);
            return t;
        });
    }

    /** A thread count set for the calling thread only (tests prove results do not depend on it). */
    private static final ThreadLocal<Integer> THREADS = new ThreadLocal<>();

    private SpectrumRows() {
    }

    /** Runs {@code body} with at most {@code threads} threads per row loop started on this thread. */
    static <T> T withThreads(int threads, java.util.concurrent.Callable<T> body) throws Exception {
        Integer before = THREADS.get();
        THREADS.set(Math.max(1, threads));
        try {
            return body.call();
        } finally {
            THREADS.set(before);
        }
    }

    /** Threads a row loop on this thread uses: the cores, unless {@link #withThreads} says otherwise. */
    static int threads() {
        Integer t = THREADS.get();
        return t != null ? t : Pool.HELPERS + 1;
    }

    /**
     * Calls a worker's {@code accept(row)} for every row in [0, rows). {@code workers} makes one worker per thread; a
     * worker is used by one thread at a time and may keep state (work arrays) between rows. {@code ctx} may be null
     * (configure has none): then nothing is checked or reported.
     */
    static void forEach(int rows, Supplier<? extends IntConsumer> workers, ExecContext ctx) {
        Run run = new Run(rows, workers, ctx);
        int helpers = Math.min(Math.min(threads() - 1, Pool.HELPERS), (rows + CHUNK - 1) / CHUNK - 1);
        for (int h = 0; h < helpers; h++) {
            Pool.EXEC.execute(run::help);
        }
        try {
            // the caller checks before any row and once more after the last: a fast helper may take every chunk, and a
            // cancel must still be seen (and progress start at 0 and end at 1) however the chunks fell
            run.report();
            run.work(true);
            run.closeAndAwait();
            run.report();
        } finally {
            run.stopped = true; // on cancellation: helpers finish their chunk and take no more
        }
        run.rethrow();
    }

    /** The shared state of one row loop. */
    private static final class Run {
        final int rows;
        final Supplier<? extends IntConsumer> workers;
        final ExecContext ctx;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile boolean stopped;
        /** Lowest failed row so far (rows above it need not run) and its failure. */
        int failedRow = Integer.MAX_VALUE;
        RuntimeException failure;
        Error error;
        /** Helpers at work; once closed, a helper that starts late (the pool was busy) leaves at once. */
        int active;
        boolean closed;

        Run(int rows, Supplier<? extends IntConsumer> workers, ExecContext ctx) {
            this.rows = rows;
            this.workers = workers;
            this.ctx = ctx;
        }

        /** Takes chunks until none are left; the caller's thread checks and reports between chunks. */
        void work(boolean caller) {
            IntConsumer worker = null;
            while (!stopped) {
                int from = next.getAndAdd(CHUNK);
                if (from >= rows || from > lowestFailure()) {
                    return;
                }
                if (caller) {
                    report();
                }
                if (worker == null) {
                    worker = workers.get();
                }
                int to = Math.min(rows, from + CHUNK);
                for (int r = from; r < to; r++) {
                    try {
                        worker.accept(r);
                    } catch (ExecContext.Cancelled e) {
                        throw e;
                    } catch (RuntimeException e) {
                        fail(r, e);
                        break;
                    }
                }
                done.addAndGet(to - from);
            }
        }

        /** A pool thread's share: none when it starts after the caller has done all rows. */
        void help() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                active++;
            }
            try {
                work(false);
            } catch (Error e) {
                synchronized (this) {
                    error = e;
                }
            } finally {
                synchronized (this) {
                    active--;
                    notifyAll();
                }
            }
        }

        /** Waits for the helpers that joined, checking for cancellation and reporting progress while it waits. */
        void closeAndAwait() {
            synchronized (this) {
                closed = true;
            }
            while (true) {
                synchronized (this) {
                    if (active == 0) {
                        return;
                    }
                    try {
                        wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ExecContext.Cancelled();
                    }
                }
                report();
            }
        }

        private void report() {
            if (ctx != null) {
                ctx.checkCancelled();
                ctx.progress(done.get() / (double) rows);
            }
        }

        synchronized int lowestFailure() {
            return failedRow;
        }

        synchronized void fail(int row, RuntimeException e) {
            if (row < failedRow) {
                failedRow = row;
                failure = e;
            }
        }

        synchronized void rethrow() {
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
