package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anneal.spec.ExecContext;
import org.junit.jupiter.api.Test;

/** The pool the run-time checks run beside one another in: results as returned, errors as thrown, cancel reaches the workers. */
class ChecksBesideTest {
    @Test
    void returnsResultsAndPassesOnAChecksException() {
        try (ChecksBeside beside = new ChecksBeside()) {
            var a = beside.start(() -> 6 * 7);
            var b = beside.start(() -> {
                throw new IllegalArgumentException("bad column");
            });
            assertEquals(42, beside.join(a));
            assertEquals("bad column", assertThrows(IllegalArgumentException.class, () -> beside.join(b)).getMessage());
        }
    }

    @Test
    void anInterruptedCallerStopsTheWorkers() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Throwable[] seen = new Throwable[1];
        Thread caller = new Thread(() -> {
            try (ChecksBeside beside = new ChecksBeside()) {
                var endless = beside.start(() -> {
                    running.countDown();
                    try {
                        while (true) {
                            CheckBounds.checkInterrupted(); // as every check's loops do
                        }
                    } finally {
                        stopped.countDown();
                    }
                });
                beside.join(endless);
            } catch (Throwable t) {
                seen[0] = t;
            }
        });
        caller.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);
        assertTrue(seen[0] instanceof ExecContext.Cancelled, "the caller is told the checks were cancelled: " + seen[0]);
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the worker stopped at its next check of the interrupt");
    }
}
