package org.anneal.exec;

/**
 * A change in a node's status during a run. Events for one node arrive in order; events of different
 * nodes may interleave. Listeners are called on executor threads and must hand UI work to their own.
 *
 * @param progress fraction done in [0, 1] while running, 1 when finished
 * @param message  failure or skip reason, empty otherwise
 */
public record NodeEvent(String nodeId, NodeStatus status, double progress, String message, long elapsedNanos) {
}
