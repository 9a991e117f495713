package org.anneal.exec;

/** Receives run events; the editor turns them into badges, the command line into lines of text. */
@FunctionalInterface
public interface ExecutionListener {
    ExecutionListener NONE = e -> { };

    void onEvent(NodeEvent event);

    /**
     * A node reached its final status, with its outputs when it has them: called once per node, after its final event
     * and before its consumers start, on executor threads (the run-time leakage checks start on a split's tables here).
     */
    default void onResult(NodeResult result) {
    }
}
