package org.anneal.exec;

import java.util.Collection;
import java.util.concurrent.Semaphore;
import org.anneal.ml.NativeWork;
import org.anneal.spec.NodeDescriptor;

/**
 * One lane for native work: nodes that use the device (or are handed a {@link NativeWork} value) run one at a time,
 * while ordinary nodes on parallel branches keep running beside them. Native libraries size their thread pools for
 * the whole machine, so two at once would only fight over the cores; the lane is per process, not per executor,
 * because the editor, a grading run and a benchmark in one process share those cores too.
 */
final class NativeLane {
    private static final Semaphore LANE = new Semaphore(1, true);

    private NativeLane() {
    }

    static boolean needed(NodeDescriptor d, Collection<Object> inputs) {
        return d.usesDevice() || inputs.stream().anyMatch(NativeWork.class::isInstance);
    }

    /** Waits for the lane; a cancelled run interrupts the wait. */
    static void enter() throws InterruptedException {
        LANE.acquire();
    }

    static void leave() {
        LANE.release();
    }
}
