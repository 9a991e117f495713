package org.anneal.nodes.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ExecContext;
import org.junit.jupiter.api.Test;

/** Issue 14: prediction and library calls that never check for cancellation no longer hold a thread after a cancel. */
class CancellableTest {
    @Test
    void anUninterruptibleLibraryCallIsAbandonedOnCancellationAndTheCallerReturnsAtOnce() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean libraryStillRunning = new AtomicBoolean();
        ExecContext ctx = new CancelledWhen(cancelled);
        CompletableFuture<Object> caller = CompletableFuture.supplyAsync(() -> Cancellable.abandonable(ctx, "test-library", () -> {
            while (!stop.get()) { // ignores interruption, like LIBSVM's solver
                libraryStillRunning.set(true);
                Thread.onSpinWait();
            }
            return "finished";
        }));
        Thread.sleep(200);
        cancelled.set(true);
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> caller.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ExecContext.Cancelled, e.toString());
        assertTrue(libraryStillRunning.get(), "the library call was running and could not be stopped");
        stop.set(true);
    }

    @Test
    void aFinishedCallReturnsItsValueAndItsErrorsReachTheCaller() {
        ExecContext ctx = new CancelledWhen(new AtomicBoolean());
        assertEquals("done", Cancellable.abandonable(ctx, "t", () -> "done"));
        var thrown = assertThrows(IllegalArgumentException.class, () -> Cancellable.abandonable(ctx, "t", () -> {
            throw new IllegalArgumentException("bad");
        }));
        assertEquals("bad", thrown.getMessage());
        assertThrows(OutOfMemoryError.class, () -> Cancellable.abandonable(ctx, "t", () -> {
            throw new OutOfMemoryError("test");
        }));
    }

    @Test
    void knnPredictionStopsWhenItsThreadIsInterrupted() throws Exception {
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 * i;
        }
        Table train = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        TrainedModel m = new KnnLearner(Task.REGRESSION, 3, KnnLearner.Distance.EUCLIDEAN, KnnLearner.Weighting.UNIFORM).fit(train, List.of("x"), "y", new CancelledWhen(new AtomicBoolean()));
        Table query = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x))); // 20,000 searches over 20,000 rows: seconds
        AtomicBoolean cancelledSeen = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                m.predict(query);
            } catch (ExecContext.Cancelled e) {
                cancelledSeen.set(true);
            }
        });
        t.start();
        Thread.sleep(200);
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive(), "prediction still running 10 s after the interrupt");
        assertTrue(cancelledSeen.get());
        // uninterrupted, the same model still predicts
        assertArrayEquals(new double[] {20}, m.predict(new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {10})))), 1e-9);
    }

    /** A context that reports cancellation once the flag is set. */
    static final class CancelledWhen implements ExecContext {
        private final AtomicBoolean cancelled;

        CancelledWhen(AtomicBoolean cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void checkCancelled() {
            if (cancelled.get()) {
                throw new Cancelled();
            }
        }

        @Override
        public void progress(double fraction) {
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public String nodeId() {
            return "fit";
        }

        @Override
        public Path resolve(String path, String param) {
            return Path.of(path);
        }
    }
}
