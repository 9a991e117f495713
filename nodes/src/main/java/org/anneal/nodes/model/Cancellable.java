package org.anneal.nodes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.anneal.spec.ExecContext;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;

/**
 * Cancellation for work Anneal does not write itself (issue 14). The executor interrupts a node's thread when a run is
 * cancelled or a grading deadline passes; code without an {@link ExecContext} (a model's predict) checks the interrupt
 * flag between chunks, and a library call that never checks anything (LIBSVM's solver, XGBoost's native boosting loop)
 * runs on a thread of its own that is abandoned on cancellation, so the executor's pool thread is free at once instead of
 * being held until the library finishes.
 */
final class Cancellable {
    /** Rows predicted between two checks: small enough to stop within a moment, big enough that checking costs nothing. */
    static final int CHUNK = 2048;

    private Cancellable() {
    }

    /** Throws {@link ExecContext.Cancelled} when this thread was interrupted (the run was cancelled). */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExecContext.Cancelled();
        }
    }

    /** A Tribuo model's predictions, in chunks with a cancellation check between them; the same predictions as one call. */
    static <T extends Output<T>> List<Prediction<T>> predict(Model<T> model, List<Example<T>> examples) {
        List<Prediction<T>> out = new ArrayList<>(examples.size());
        for (int from = 0; from < examples.size(); from += CHUNK) {
            checkInterrupted();
            out.addAll(model.predict(examples.subList(from, Math.min(examples.size(), from + CHUNK))));
        }
        return out;
    }

    /**
     * Runs {@code work} on a daemon thread of its own and waits for it, checking for cancellation; on cancellation the
     * thread is left to finish on its own (nothing can stop the library) and the caller returns at once.
     */
    static <T> T abandonable(ExecContext ctx, String what, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) { // rethrown on the caller's thread, OutOfMemoryError and LinkageError included
                result.completeExceptionally(e);
            }
        }, "anneal-" + what);
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        t.start();
        while (true) {
            try {
                ctx.checkCancelled();
                return result.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still working: check for cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecContext.Cancelled();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ExecContext.Cancelled e) {
                t.setName("anneal-" + what + "-abandoned");
                throw e;
            }
        }
    }
}
