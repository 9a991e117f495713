package org.anneal.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.anneal.graph.Workflow;

/** Undo and redo over immutable workflow snapshots: every edit is one step, whatever kind it is. */
final class EditHistory {
    private final Deque<Workflow> undo = new ArrayDeque<>();
    private final Deque<Workflow> redo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();

    /** Records the state before an edit; a new edit forgets what could be redone. */
    void record(Workflow before) {
        undo.push(before);
        redo.clear();
        update();
    }

    /** The state to go back to, or null; {@code current} becomes redoable. */
    Workflow undo(Workflow current) {
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(current);
        Workflow w = undo.pop();
        update();
        return w;
    }

    Workflow redo(Workflow current) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(current);
        Workflow w = redo.pop();
        update();
        return w;
    }

    void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    BooleanProperty canUndo() {
        return canUndo;
    }

    BooleanProperty canRedo() {
        return canRedo;
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
