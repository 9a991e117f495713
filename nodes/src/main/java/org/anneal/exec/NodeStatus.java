package org.anneal.exec;

/** Where a node is in a run; the editor draws one badge per status. */
public enum NodeStatus {
    QUEUED, RUNNING, DONE, CACHED, FAILED, CANCELLED, SKIPPED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    /** Finished with outputs available downstream. */
    public boolean hasOutputs() {
        return this == DONE || this == CACHED;
    }
}
