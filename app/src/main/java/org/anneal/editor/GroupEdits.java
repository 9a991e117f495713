package org.anneal.editor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.anneal.graph.Frame;
import org.anneal.graph.Frames;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowEdits;
import org.anneal.graph.WorkflowFileException;

/**
 * Edits of several nodes at once, as the canvas makes them: a dragged or deleted selection, copy and paste (also
 * between windows, as workflow JSON), frames. Each call is one undo step of the window's view model; a delete
 * that touches a locked part of a puzzle is refused as a whole.
 */
public final class GroupEdits {
    private final WorkflowViewModel vm;
    private final WorkflowEdits edits;
    private final PuzzleSession puzzle;
    private final WorkflowCodec codec;

    GroupEdits(WorkflowViewModel vm, WorkflowEdits edits, PuzzleSession puzzle, WorkflowCodec codec) {
        this.vm = vm;
        this.edits = edits;
        this.puzzle = puzzle;
        this.codec = codec;
    }

    /** Moves several nodes at once (a dragged selection): one undo step, whatever the number of nodes. */
    public void moveNodes(Map<String, NodeInstance.Position> positions) {
        if (!positions.isEmpty()) {
            vm.commit(edits.moveNodes(vm.current(), positions));
        }
    }

    /** Deletes the nodes and their wires as one step; refused as a whole when any of them is locked in a puzzle. */
    public void deleteNodes(Collection<String> ids) {
        for (String id : ids) {
            if (puzzle.pins(vm.current(), id)) {
                vm.statusProperty().set("'" + id + "' is part of the puzzle and locked; nothing was deleted.");
                return;
            }
        }
        if (!ids.isEmpty()) {
            vm.commit(edits.deleteNodes(vm.current(), ids));
        }
    }

    /** The nodes and the wires among them as workflow JSON, the text Copy puts on the clipboard. */
    public String copyText(Collection<String> ids) {
        return codec.write(edits.fragment(vm.current(), ids));
    }

    /**
     * Pastes workflow JSON (from Copy, here or in another window) with its top-left corner at (x, y);
     * returns the new node ids, or an empty list when the text is not a workflow.
     */
    public List<String> paste(String text, double x, double y) {
        Workflow fragment;
        try {
            fragment = codec.parse(text, null, "clipboard").workflow();
        } catch (WorkflowFileException e) {
            vm.statusProperty().set("Nothing pasted: the clipboard holds no Anneal nodes.");
            return List.of();
        }
        if (fragment.nodes().isEmpty()) {
            return List.of();
        }
        var pasted = edits.paste(vm.current(), fragment, x, y);
        vm.commit(pasted.workflow());
        vm.statusProperty().set("Pasted " + pasted.ids().size() + " node(s).");
        return pasted.ids();
    }

    public List<Frame> frames() {
        return Frames.of(vm.current());
    }

    /** Replaces the frames and moves nodes with them (a dragged frame carries its nodes), as one step. */
    public void editFrames(List<Frame> frames, Map<String, NodeInstance.Position> moved) {
        vm.commit(Frames.with(edits.moveNodes(vm.current(), moved), frames));
    }
}
