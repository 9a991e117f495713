package org.anneal.session;

import java.time.Duration;
import java.util.Set;
import org.anneal.device.Device;
import org.anneal.exec.ExecutionListener;
import org.anneal.lineage.DynamicChecks;

/**
 * How {@link WorkflowSession} runs a checked workflow. Build with {@link #on(Device)} and the {@code with…} steps.
 *
 * @param targets    nodes to bring up to date with what they need; empty = the whole workflow
 * @param device     the device chosen for the run
 * @param thresholds thresholds of the run-time leakage checks; null = run no run-time checks (a hand-in records only
 *                   the static findings)
 * @param listener   node events as they happen, on pool threads
 * @param timeLimit  wall-clock limit after which the run is cancelled and the result says {@code timedOut}; null = none.
 *                   This is the one place the run's limits enter: a memory or isolation limit belongs beside it
 */
public record SessionOptions(Set<String> targets, Device device, DynamicChecks.Thresholds thresholds, ExecutionListener listener,
                             Duration timeLimit) {
    public SessionOptions {
        targets = Set.copyOf(targets);
        listener = listener == null ? e -> { } : listener;
    }

    /** The whole workflow on a device, no run-time checks, no listener, no limit. */
    public static SessionOptions on(Device device) {
        return new SessionOptions(Set.of(), device, null, null, null);
    }

    public SessionOptions withTargets(Set<String> nodes) {
        return new SessionOptions(nodes, device, thresholds, listener, timeLimit);
    }

    public SessionOptions withRunTimeChecks(DynamicChecks.Thresholds t) {
        return new SessionOptions(targets, device, t, listener, timeLimit);
    }

    public SessionOptions withListener(ExecutionListener l) {
        return new SessionOptions(targets, device, thresholds, l, timeLimit);
    }

    public SessionOptions withTimeLimit(Duration limit) {
        return new SessionOptions(targets, device, thresholds, listener, limit);
    }
}
