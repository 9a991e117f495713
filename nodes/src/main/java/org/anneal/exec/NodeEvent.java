package org.anneal.exec;

/**
 * A change in a node's status during a run, or a value it published while running. Events for one node
 * arrive in order; events of different nodes may interleave. Listeners are called on executor threads and
 * must hand UI work to their own.
 *
 * @param progress fraction done in [0, 1] while running, 1 when finished
 * @param message  failure or skip reason, empty otherwise
 * @param live     a value the running node published (see {@link org.anneal.spec.ExecContext#publish}), else null
 */
public record NodeEvent(String nodeId, NodeStatus status, double progress, String message, long elapsedNanos, Live live) {

    /** An intermediate value: {@code name} says what it is (such as "loss"), {@code value} is immutable. */
    public record Live(String name, Object value) {
    }

    public NodeEvent(String nodeId, NodeStatus status, double progress, String message, long elapsedNanos) {
        this(nodeId, status, progress, message, elapsedNanos, null);
    }
}
