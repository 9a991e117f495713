package org.anneal.exec;

/** Receives run events; the editor turns them into badges, the command line into lines of text. */
@FunctionalInterface
public interface ExecutionListener {
    ExecutionListener NONE = e -> { };

    void onEvent(NodeEvent event);
}
