package org.anneal.lineage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.anneal.exec.ExecutionListener;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.NodeResult;
import org.anneal.exec.Validation;
import org.anneal.spec.Outputs;

/**
 * The run-time checks of each split started as soon as the split has produced its tables, beside the nodes that follow
 * it, instead of after the whole run (issue 16, "Performance": in a cold {@code anneal run} of a million rows the checks
 * after the nodes were a quarter of the process). One thread takes the splits in the order they finish, each checked
 * exactly as {@link DynamicChecks#analyze} would; {@link DynamicChecks#analyze(Validation, org.anneal.exec.RunResult,
 * CheckProgress, ChecksAhead)} then takes each split's findings in the run's node order, so which finished first changes
 * neither the findings nor their order. Closing it (a cancelled or failed run, or the findings taken) stops what is left.
 */
public final class ChecksAhead implements AutoCloseable {
    private final DynamicChecks checks;
    private final Validation v;
    private final Supplier<CheckProgress> progress;
    private final Map<String, Started> started = new ConcurrentHashMap<>();
    private ExecutorService thread; // made with the first split, so a run without one starts no thread
    private boolean closed;

    /** The checks of one split, started on these outputs. */
    private record Started(Outputs outputs, Future<List<Finding>> findings) {
    }

    /** @param progress where each split's checks report, asked for when they start (so its clock starts with them) */
    public ChecksAhead(DynamicChecks checks, Validation v, Supplier<CheckProgress> progress) {
        this.checks = checks;
        this.v = v;
        this.progress = progress;
    }

    /** {@code listener} as it was, which also starts the checks of every split as soon as it has finished. */
    public ExecutionListener listening(ExecutionListener listener) {
        return new ExecutionListener() {
            @Override
            public void onEvent(NodeEvent event) {
                listener.onEvent(event);
            }

            @Override
            public void onResult(NodeResult result) {
                listener.onResult(result);
                offer(result);
            }
        };
    }

    /** Starts the checks of this node's result when it is a split with its tables (and nothing was closed). */
    public synchronized void offer(NodeResult nr) {
        if (closed || started.containsKey(nr.nodeId()) || !DynamicChecks.checkedSplit(v, nr)) {
            return;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "leakage checks ahead");
                t.setDaemon(true); // checks left running never keep the process alive
                return t;
            });
        }
        started.put(nr.nodeId(), new Started(nr.outputs(), thread.submit(() -> {
            try (ChecksBeside beside = new ChecksBeside()) {
                return checks.splitFindings(v, nr, beside, progress.get());
            }
        })));
    }

    /**
     * The findings of this split when its checks were started on these very outputs, waiting for them; null when they
     * were not (the caller checks it then).
     *
     * @throws org.anneal.spec.ExecContext.Cancelled when the waiting thread is interrupted (the checks are stopped) or the
     *                                               checks were
     */
    List<Finding> take(NodeResult nr) {
        Started s = started.get(nr.nodeId());
        if (s == null || s.outputs() != nr.outputs()) {
            return null;
        }
        return ChecksBeside.await(s.findings(), this::close);
    }

    /** Stops the checks still running and starts no more. */
    @Override
    public synchronized void close() {
        closed = true;
        started.values().forEach(s -> s.findings().cancel(true));
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
