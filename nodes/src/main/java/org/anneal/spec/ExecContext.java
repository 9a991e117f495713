package org.anneal.spec;

/** What execute may ask of the executor. */
public interface ExecContext extends ConfigContext {
    /** This node's seed, derived from the workflow seed and the node id: stable across runs. */
    long seed();

    /** Throws {@link Cancelled} if the user cancelled the run. Call it in every long loop. */
    void checkCancelled();

    /** Reports progress in [0, 1]; cheap to call often. */
    void progress(double fraction);

    /**
     * Shows an intermediate value while the node runs, such as the training loss so far, so the editor can draw it
     * live. The value must be immutable; callers throttle (a few a second) and the executor drops any excess.
     * Outside the editor nothing listens, so by default it does nothing.
     */
    default void publish(String name, Object value) {
    }

    /** The compute device the run resolved to ("cpu" or "gpu"). */
    String device();

    /** Thrown by {@link #checkCancelled()}; the executor treats it as a cancellation, not a failure. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
