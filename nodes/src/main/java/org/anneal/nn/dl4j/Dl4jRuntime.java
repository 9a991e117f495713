package org.anneal.nn.dl4j;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.anneal.spec.ExecContext;

/**
 * The one door to ND4J's native runtime for network training: fixes the native thread count before any array work,
 * lets one network train at a time (parallel branches would otherwise oversubscribe the cores and make results depend
 * on scheduling), and says what actually ran. Results are bit-identical for a seed and a thread count.
 */
public final class Dl4jRuntime {
    /** The DL4J/ND4J release on the class path (DEPENDENCIES.md pins it). */
    public static final String VERSION = "1.0.0-M2.1";

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);
    private static volatile boolean loaded;
    private static volatile String backend;

    private Dl4jRuntime() {
    }

    /**
     * Native threads for networks: the process-wide count of {@link org.anneal.device.NativeThreads} (the system property
     * {@code anneal.nativeThreads}, else {@code OMP_NUM_THREADS}, else 1; 2 threads were never faster than 1 on these 2-core
     * machines, see DEPENDENCIES.md), so the cache key, the provenance and the trainer agree on one number.
     */
    public static int threads() {
        return org.anneal.device.NativeThreads.count();
    }

    /** Whether this process has touched ND4J through this class; configure never does (a test checks it). */
    public static boolean loaded() {
        return loaded;
    }

    /** Runs {@code work} alone, after loading ND4J (once) and fixing its thread count; waits cancellably for its turn. */
    public static <T> T exclusive(ExecContext ctx, java.util.function.Supplier<T> work) {
        try {
            while (!ONE_AT_A_TIME.tryLock(100, TimeUnit.MILLISECONDS)) {
                ctx.checkCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecContext.Cancelled();
        }
        try {
            prepare();
            return work.get();
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private static void prepare() {
        backend = org.anneal.device.Nd4jRuntime.backend(); // loads once, fixes the threads, caches shape descriptors
        loaded = true;
    }

    /** What ran, for the model's description and provenance: {@code DL4J 1.0.0-M2.1 on CpuBackend, 1 native thread, float32}. */
    public static String describe() {
        int n = threads();
        return "DL4J " + VERSION + " on " + (backend == null ? "?" : backend) + ", " + n + " native thread" + (n == 1 ? "" : "s") + ", float32";
    }
}
