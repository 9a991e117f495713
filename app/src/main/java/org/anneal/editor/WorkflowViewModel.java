package org.anneal.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.anneal.device.Device;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.NodeStatus;
import org.anneal.exec.Validation;
import org.anneal.graph.Json;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowEdits;
import org.anneal.graph.WorkflowFileException;
import org.anneal.puzzle.Puzzle;
import org.anneal.session.WorkflowSession;
import org.anneal.spec.NodeRegistry;

/**
 * The state behind one editor window: the workflow and its edits, each one undo step, with puzzle locks
 * enforced. Holds no controls. Its parts: {@link WorkflowFile} (the file, unsaved changes, autosave),
 * {@link GroupEdits} (edits of several nodes at once: selection, clipboard, frames),
 * {@link ProblemsModel} (problems, findings, quick fixes), {@link RunControl} (runs on the executor, node
 * states, metrics, live values; events come back through {@code ui}: Platform::runLater in the app, a
 * direct call in tests) and {@link PuzzleSession}.
 */
public final class WorkflowViewModel {
    /** What a node badge shows: status and, while running, a percentage. */
    public record NodeState(NodeStatus status, double progress, String message) {
        public String badge() {
            return switch (status) {
                case RUNNING -> "running " + Math.round(progress * 100) + " %";
                default -> status.name().toLowerCase(Locale.ROOT);
            };
        }
    }

    private final NodeRegistry registry;
    private final Consumer<Runnable> ui;

    private final ObjectProperty<LoadedWorkflow> workflow = new SimpleObjectProperty<>();
    private final ObjectProperty<Validation> validation = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty device = new SimpleStringProperty("");
    private final ProblemsModel problems;
    private final RunControl runs;
    private final WorkflowEdits edits;
    private final GroupEdits group;
    private final EditHistory history = new EditHistory();
    private final PuzzleSession puzzle;
    private final WorkflowFile file = new WorkflowFile();
    /** Counts the workflows opened or created: panels that show one node or value reset when it changes. */
    private final javafx.beans.property.IntegerProperty opened = new javafx.beans.property.SimpleIntegerProperty();

    public WorkflowViewModel(NodeRegistry registry, Executor executor, Consumer<Runnable> ui) {
        this.registry = registry;
        WorkflowSession session = new WorkflowSession(registry, executor);
        this.problems = new ProblemsModel(session);
        this.runs = new RunControl(this, session, ui);
        this.ui = ui;
        this.edits = new WorkflowEdits(registry);
        this.puzzle = new PuzzleSession(registry, ui);
        this.group = new GroupEdits(this, edits, puzzle, file.codec());
        workflow.addListener((o, was, lw) -> puzzle.follow(lw)); // while authoring, also through undo and redo
    }

    /** Opens a file; returns the problems that stopped it (empty on success). */
    public List<Problem> open(Path file) {
        try {
            LoadedWorkflow lw = this.file.read(file);
            puzzle.open(lw); // before the canvas redraws, so locked nodes are drawn as locked
            workflow.set(lw);
            history.clear();
            runs.clear();
            Device d = DeviceSelector.system().select(lw.workflow().meta().device());
            device.set(d.describe());
            revalidate();
            opened.set(opened.get() + 1);
            status.set("Opened " + file.getFileName());
            return List.of();
        } catch (WorkflowFileException e) {
            return e.problems();
        }
    }

    public Validation revalidate() {
        Validation v = problems.revalidate(workflow.get());
        validation.set(v);
        return v;
    }

    /** The validation of the workflow as it is now (every configured node's specs), renewed on every edit; null before any. */
    public javafx.beans.property.ReadOnlyObjectProperty<Validation> validationProperty() {
        return validation;
    }

    /** Moves a node on the canvas; the workflow becomes dirty. */
    public void moveNode(String id, double x, double y) {
        NodeInstance n = current().node(id).orElseThrow();
        commit(current().withNode(n.withPosition(new NodeInstance.Position(x, y))));
    }

    /** Adds a node from the palette; returns its id. */
    public String addNode(String type, double x, double y) {
        var o = edits.addNode(current(), type, x, y);
        if (!o.ok()) {
            status.set(o.refusal());
            return null;
        }
        String id = o.workflow().nodes().get(o.workflow().nodes().size() - 1).id();
        commit(o.workflow());
        return id;
    }

    /** Wires an output to an input; an incompatible wire is refused and the reason shown. */
    public boolean connect(PortRef from, PortRef to) {
        var replaced = current().links().stream().filter(l -> l.to().equals(to)).findFirst();
        if (replaced.isPresent() && isLocked(replaced.get())) {
            status.set("Not connected: the wire " + replaced.get() + " is part of the puzzle and locked.");
            return false;
        }
        var o = edits.connect(current(), from, to);
        if (!o.ok()) {
            status.set("Not connected: " + o.refusal());
            return false;
        }
        commit(o.workflow());
        return true;
    }

    public String whyNot(PortRef from, PortRef to) {
        return edits.whyNot(current(), from, to);
    }

    public void deleteNode(String id) {
        if (puzzle.pins(current(), id)) {
            status.set("'" + id + "' is part of the puzzle and locked; it cannot be deleted.");
            return;
        }
        commit(edits.deleteNode(current(), id));
    }

    public void disconnect(Link l) {
        if (isLocked(l)) {
            status.set("The wire " + l + " is part of the puzzle and locked.");
            return;
        }
        commit(edits.disconnect(current(), l));
    }

    public boolean isLocked(String nodeId) {
        return puzzle.isLocked(nodeId);
    }

    public boolean isLocked(Link l) {
        return puzzle.isLocked(l);
    }

    /** "Check my fix": the same verdict as `anneal puzzle verify`. */
    public void checkFix() {
        puzzle.check(workflow.get());
    }

    /** An autosaved version newer than the opened file, offered after a crash; null when there is none. */
    public ObjectProperty<Workflow> recoveredProperty() {
        return file.recovered();
    }

    /** Replaces the opened workflow with the recovered one (unsaved, undoable). */
    public void acceptRecovery() {
        if (file.recovered().get() != null) {
            commit(file.recovered().get());
            file.recovered().set(null);
            status.set("Recovered the autosaved version; save to keep it.");
        }
    }

    public void useAutosaveDir(Path dir) {
        file.useAutosaveDir(dir);
    }

    public ObjectProperty<Puzzle> puzzleProperty() {
        return puzzle.puzzle();
    }

    public StringProperty verdictProperty() {
        return puzzle.verdict();
    }

    /** Sets a parameter from the text typed in the inspector (JSON: 0.1, true, "text", ["a"]); empty restores the default. */
    public String setParam(String id, String param, String text) {
        if (isLocked(id)) {
            status.set("'" + id + "' is part of the puzzle and locked.");
            return "locked";
        }
        JsonNode value = null;
        if (!text.isBlank()) {
            try {
                value = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                value = TextNode.valueOf(text); // plain words are text
            }
        }
        commit(edits.setParam(current(), id, param, value));
        return problems().stream().filter(p -> id.equals(p.nodeId()) && param.equals(p.param())).map(Problem::message).findFirst().orElse(null);
    }

    public void undo() {
        Workflow w = history.undo(current());
        if (w != null) {
            set(w);
        }
    }

    public void redo() {
        Workflow w = history.redo(current());
        if (w != null) {
            set(w);
        }
    }

    public void newWorkflow(Path baseDir) {
        puzzle.open(null);
        workflow.set(LoadedWorkflow.unsaved(Workflow.empty(), baseDir));
        history.clear();
        file.started();
        runs.clear();
        revalidate();
        opened.set(opened.get() + 1);
    }

    /** Changes each time another workflow is opened or a new one is created (not on edits, undo or save). */
    public javafx.beans.property.ReadOnlyIntegerProperty openedProperty() {
        return opened;
    }

    /** Saves under a new name; relative file paths are rewritten so they still point at the same files. */
    public void saveAs(Path target) throws IOException {
        LoadedWorkflow lw = workflow.get();
        workflow.set(file.saveAs(lw, edits.relocate(lw.workflow(), lw.baseDir(), target.toAbsolutePath().getParent()), target));
        status.set("Saved " + target.getFileName());
    }

    public Workflow current() {
        return workflow.get().workflow();
    }

    /** Records the workflow as it was for undo, then shows {@code next}: every edit goes through here. */
    void commit(Workflow next) {
        history.record(current());
        set(next);
    }

    private void set(Workflow w) {
        LoadedWorkflow lw = workflow.get();
        workflow.set(new LoadedWorkflow(w, lw.file(), lw.locations(), lw.notes()));
        file.changed(workflow.get());
        revalidate();
    }

    public BooleanProperty canUndoProperty() {
        return history.canUndo();
    }

    public BooleanProperty canRedoProperty() {
        return history.canRedo();
    }

    public void save() throws IOException {
        LoadedWorkflow lw = workflow.get();
        file.save(lw);
        status.set("Saved " + lw.file().getFileName());
    }

    /** Validates and starts a run in the background; events update the node states as they arrive. */
    public void run() {
        runs.run();
    }

    /** Runs only what the given nodes need, and them (run up to the selection). */
    public void runUpTo(java.util.Set<String> nodeIds) {
        if (!nodeIds.isEmpty()) {
            runs.run(java.util.Set.copyOf(nodeIds));
        }
    }

    public void cancel() {
        runs.cancel();
    }

    /** The value on an output port after the last run, or null. */
    public Object outputValue(PortRef port) {
        return runs.outputValue(port);
    }

    /**
     * Values nodes published while the run goes on (the loss curve so far of a training node), by node id;
     * emptied when the run ends, when the outputs take over.
     */
    public ObservableMap<String, NodeEvent.Live> liveValues() {
        return runs.live();
    }

    /**
     * Hands the workflow in: runs it, then writes WORKFLOW.handin.json beside it with provenance and a digest
     * (the same file `anneal handin` writes). Completes with the hand-in's path, or fails with the reason.
     */
    public CompletableFuture<Path> handIn(String author) {
        return runs.handIn(author);
    }

    /** True when {@code to} is {@code from} or takes an input from it directly. */
    public boolean feeds(String from, String to) {
        return from.equals(to) || current().links().stream().anyMatch(l -> l.from().node().equals(from) && l.to().node().equals(to));
    }

    WorkflowCodec codec() {
        return file.codec();
    }

    /** Problems and findings, what they highlight and their quick fixes. */
    public ProblemsModel findings() {
        return problems;
    }

    public ObjectProperty<LoadedWorkflow> workflowProperty() {
        return workflow;
    }

    /** A new workflow that was never saved: Save must ask for a name. */
    public boolean untitled() {
        return !file.named();
    }

    public BooleanProperty dirtyProperty() {
        return file.dirty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runs.running();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public ObservableList<Problem> problems() {
        return problems.problems();
    }

    public ObservableMap<String, NodeState> states() {
        return runs.states();
    }

    public ObservableList<MetricRow> metrics() {
        return runs.metrics();
    }

    public NodeRegistry registry() {
        return registry;
    }

    /** Edits of several nodes at once: a moved or deleted selection, copy and paste, frames. */
    public GroupEdits groupEdits() {
        return group;
    }

    // ---- side panels: problems pane, inspector, puzzle authoring (appended; see ProblemsView, InspectorView) ----

    /** What the problems pane asks the canvas to highlight: nodes and wires involved in the selected problem. */
    public record Highlight(java.util.Set<String> nodes, java.util.Set<Link> wires) {
        public static final Highlight NONE = new Highlight(java.util.Set.of(), java.util.Set.of());
    }

    /** Applies a problem's quick fix as one undoable edit; false when there is none or it touches a locked part. */
    /** The one-click fix for a problem; none while a student works on a puzzle, unless its author allowed them. */
    public java.util.Optional<org.anneal.lineage.QuickFix> quickFix(Problem p) {
        return puzzle.quickFixesAllowed() ? problems.quickFix(p) : java.util.Optional.empty();
    }

    public boolean applyFix(Problem p) {
        var fix = quickFix(p);
        if (fix.isEmpty()) {
            return false;
        }
        Workflow next = org.anneal.puzzle.QuickFixPolicy.recordUse(fix.get().apply(current()), List.of(fix.get().description()));
        if (puzzle.changesLocked(current(), next)) {
            status.set("Not fixed automatically: the fix would change a locked part of the puzzle.");
            return false;
        }
        commit(next);
        problems.highlightProperty().set(Highlight.NONE);
        status.set("Fixed: " + fix.get().description() + " (Undo to take it back.)");
        return true;
    }

    // ---- puzzle authoring (appended) ----

    /** Instructor mode: locks are edited instead of enforced, and the puzzle block can be written. */
    public BooleanProperty authoringProperty() {
        return puzzle.authoring();
    }

    /** The workflow's puzzle block, or null. */
    public JsonNode puzzleBlock() {
        return current().block("puzzle").orElse(null);
    }

    /** One authoring step on the puzzle block (title, story, a lock, a rule, a range): one undoable edit. */
    public void editPuzzle(UnaryOperator<JsonNode> edit) {
        JsonNode before = puzzleBlock();
        JsonNode after = edit.apply(before);
        if (!Objects.equals(before, after)) {
            commit(current().withBlock("puzzle", after));
            puzzle.author(workflow.get());
        }
    }
}
