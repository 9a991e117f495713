package org.anneal.lineage;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
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
    private final List<Future<?>> started = new java.util.concurrent.CopyOnWriteArrayList<>(); // a worker may cancel them all

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
        return await(f, this::cancelAll);
    }

    /**
     * A started check's result, waiting for it; when the wait is interrupted or the check failed, {@code onFailure} runs
     * first (it stops the other checks), then {@link ExecContext.Cancelled} or the check's own exception is thrown.
     */
    static <T> T await(Future<T> f, Runnable onFailure) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            onFailure.run();
            Thread.currentThread().interrupt();
            throw new ExecContext.Cancelled();
        } catch (java.util.concurrent.CancellationException e) {
            onFailure.run();
            throw new ExecContext.Cancelled();
        } catch (ExecutionException e) {
            onFailure.run();
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Work in {@code pieces} independent pieces, shared: a worker of the pool starts on them now, and the caller takes the
     * ones left when it calls {@link Shared#join} (having done other checks meanwhile), so the two cores split one long
     * check however the rest of the checks fall. Each thread gets its own {@code perThread} worker (its own buffers) and
     * calls it with the numbers of the pieces it takes; a piece must write only its own results, so that what the pieces
     * give does not depend on which thread did which.
     */
    Shared share(int pieces, Supplier<IntConsumer> perThread) {
        Shared s = new Shared(pieces, perThread);
        start(() -> {
            s.work();
            return null;
        });
        return s;
    }

    /** Pieces of work being shared by {@link #share}. */
    final class Shared {
        private final int pieces;
        private final Supplier<IntConsumer> perThread;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch left;
        private final AtomicReference<Throwable> failed = new AtomicReference<>();

        private Shared(int pieces, Supplier<IntConsumer> perThread) {
            this.pieces = pieces;
            this.perThread = perThread;
            this.left = new CountDownLatch(pieces);
        }

        /** Takes pieces until none is left; a failed piece stops this thread and is kept for {@link #join}. */
        private void work() {
            IntConsumer worker = null;
            for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
                try {
                    if (failed.get() == null) {
                        worker = worker == null ? perThread.get() : worker;
                        worker.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    failed.compareAndSet(null, e);
                } finally {
                    left.countDown();
                }
            }
        }

        /** Leaves the pieces no one has taken yet undone, for a result no longer needed; never {@link #join} after. */
        void stop() {
            next.getAndSet(pieces);
        }

        /** Does the pieces no one has taken yet, waits for the others, and throws a piece's exception as it was thrown. */
        void join() {
            work();
            try {
                left.await();
            } catch (InterruptedException e) {
                cancelAll();
                Thread.currentThread().interrupt();
                throw new ExecContext.Cancelled();
            }
            Throwable t = failed.get();
            if (t != null) {
                cancelAll();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) t;
            }
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
