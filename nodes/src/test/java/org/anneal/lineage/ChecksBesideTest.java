package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
        Throwable seen = interruptedOnceRunning(running, beside -> beside.join(beside.start(() -> {
            running.countDown();
            try {
                while (true) {
                    CheckBounds.checkInterrupted(); // as every check's loops do
                }
            } finally {
                stopped.countDown();
            }
        })));
        assertTrue(seen instanceof ExecContext.Cancelled, "the caller is told the checks were cancelled: " + seen);
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the worker stopped at its next check of the interrupt");
    }

    /** What the caller running {@code checks} met when it was interrupted once {@code running} opened. */
    private static Throwable interruptedOnceRunning(CountDownLatch running, Consumer<ChecksBeside> checks) throws InterruptedException {
        Throwable[] seen = new Throwable[1];
        Thread caller = new Thread(() -> {
            try (ChecksBeside beside = new ChecksBeside()) {
                checks.accept(beside);
            } catch (Throwable t) {
                seen[0] = t;
            }
        });
        caller.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);
        assertTrue(!caller.isAlive(), "the caller stopped");
        return seen[0];
    }

    @Test
    void sharedPiecesAreEachDoneOnceWhoeverTakesThem() {
        try (ChecksBeside beside = new ChecksBeside()) {
            int[] done = new int[500];
            long[] squares = new long[500];
            var shared = beside.share(done.length, () -> p -> {
                done[p]++; // each piece writes only its own slot
                squares[p] = (long) p * p;
            });
            shared.join();
            assertTrue(Arrays.stream(done).allMatch(n -> n == 1), "every piece exactly once");
            for (int p = 0; p < squares.length; p++) {
                assertEquals((long) p * p, squares[p]);
            }
            var none = beside.share(0, () -> p -> {
                throw new AssertionError("no piece to do");
            });
            none.join();
        }
    }

    @Test
    void aPiecesExceptionReachesTheCaller() {
        try (ChecksBeside beside = new ChecksBeside()) {
            var shared = beside.share(40, () -> p -> {
                if (p == 17) {
                    throw new IllegalStateException("piece 17");
                }
            });
            assertEquals("piece 17", assertThrows(IllegalStateException.class, shared::join).getMessage());
        }
    }

    @Test
    void anInterruptedCallerStopsSharedWork() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Throwable seen = interruptedOnceRunning(running, beside -> beside.share(4, () -> p -> {
            running.countDown();
            while (true) {
                CheckBounds.checkInterrupted();
            }
        }).join());
        assertTrue(seen instanceof ExecContext.Cancelled, "the caller is told the checks were cancelled: " + seen);
    }
}
