package org.anneal.editor;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.puzzle.Puzzle;
import org.anneal.puzzle.PuzzleVerifier;
import org.anneal.spec.NodeRegistry;

/** The puzzle a workflow was opened as: its pristine original, what is locked, and the verdict on the fix. */
final class PuzzleSession {
    private final NodeRegistry registry;
    private final Consumer<Runnable> ui;
    private final ObjectProperty<Puzzle> puzzle = new SimpleObjectProperty<>();
    private final StringProperty verdict = new SimpleStringProperty("");
    private LoadedWorkflow origin;
    /** While an instructor authors the puzzle, locks are drawn up, not enforced. */
    private final javafx.beans.property.BooleanProperty authoring = new javafx.beans.property.SimpleBooleanProperty();

    PuzzleSession(NodeRegistry registry, Consumer<Runnable> ui) {
        this.registry = registry;
        this.ui = ui;
    }

    /** Starts a session when {@code lw} is a puzzle, ends any previous one otherwise. */
    void open(LoadedWorkflow lw) {
        Puzzle p = lw == null ? null : Puzzle.of(lw.workflow());
        origin = p == null ? null : lw;
        puzzle.set(p);
        verdict.set("");
    }

    boolean isLocked(String nodeId) {
        return !authoring.get() && puzzle.get() != null && puzzle.get().lockedNodes().contains(nodeId);
    }

    boolean isLocked(Link l) {
        return !authoring.get() && puzzle.get() != null && puzzle.get().lockedLinks().contains(l);
    }

    /** True when the node, or any wire into or out of it, is locked: deleting it would break the puzzle. */
    boolean pins(org.anneal.graph.Workflow w, String nodeId) {
        return isLocked(nodeId) || w.links().stream().anyMatch(l -> (l.from().node().equals(nodeId) || l.to().node().equals(nodeId)) && isLocked(l));
    }

    /** True when going from {@code before} to {@code after} removes or changes a locked node or wire. */
    boolean changesLocked(org.anneal.graph.Workflow before, org.anneal.graph.Workflow after) {
        return before.nodes().stream().anyMatch(n -> isLocked(n.id()) && !after.nodes().contains(n))
                || before.links().stream().anyMatch(l -> isLocked(l) && !after.links().contains(l));
    }

    /** While authoring, the puzzle on show follows the workflow's puzzle block. */
    void follow(LoadedWorkflow lw) {
        if (authoring.get()) {
            author(lw);
        }
    }

    /** The same verdict as `anneal puzzle verify`, computed off the UI thread. */
    void check(LoadedWorkflow mine) {
        if (origin == null) {
            return;
        }
        LoadedWorkflow original = origin;
        verdict.set("Checking…");
        CompletableFuture.supplyAsync(() -> new PuzzleVerifier(registry).verify(original, mine))
                .whenComplete((v, err) -> ui.accept(() -> verdict.set(err != null ? "The check failed: " + err.getMessage() : v.describe())));
    }

    /** Quick fixes are hidden while a student works on a puzzle, unless its author allowed them. */
    boolean quickFixesAllowed() {
        return origin == null || authoring.get() || org.anneal.puzzle.QuickFixPolicy.allowed(origin.workflow());
    }

    ObjectProperty<Puzzle> puzzle() {
        return puzzle;
    }

    StringProperty verdict() {
        return verdict;
    }

    javafx.beans.property.BooleanProperty authoring() {
        return authoring;
    }

    /** The workflow being authored is its own puzzle: the block as it now stands, "Check my fix" against it. */
    void author(LoadedWorkflow lw) {
        Puzzle p = lw == null ? null : Puzzle.of(lw.workflow());
        origin = p == null ? null : lw;
        puzzle.set(p);
    }
}
