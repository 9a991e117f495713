package org.anneal.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Upgrades a file's JSON tree from the format version it was saved with to {@link Workflow#FORMAT_VERSION},
 * one step at a time, so every old file keeps loading. Version 1 is the first published format, so the
 * standard chain is empty today; the next format change adds its step here (and an old file to the tests).
 */
public final class WorkflowMigrations {
    private final Map<Integer, UnaryOperator<ObjectNode>> steps;
    private final int current;

    public WorkflowMigrations(int current, Map<Integer, UnaryOperator<ObjectNode>> steps) {
        this.current = current;
        this.steps = new TreeMap<>(steps);
    }

    public static WorkflowMigrations standard() {
        return new WorkflowMigrations(Workflow.FORMAT_VERSION, Map.of());
    }

    public int current() {
        return current;
    }

    /** True when every step from {@code from} to the current version exists. */
    public boolean canMigrate(int from) {
        for (int v = from; v < current; v++) {
            if (!steps.containsKey(v)) {
                return false;
            }
        }
        return true;
    }

    /** Applies the steps {@code from → from+1 → … → current}; the tree's {@code version} is updated. */
    public ObjectNode migrate(ObjectNode root, int from) {
        ObjectNode tree = root;
        for (int v = from; v < current; v++) {
            tree = steps.get(v).apply(tree);
            tree.put("version", v + 1);
        }
        return tree;
    }
}
