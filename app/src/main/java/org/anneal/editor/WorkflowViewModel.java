package org.anneal.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.anneal.device.Device;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.NodeStatus;
import org.anneal.exec.RunHandle;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Problem;
import org.anneal.graph.WorkflowCodec;
import org.anneal.graph.WorkflowFileException;
import org.anneal.ml.Metrics;
import org.anneal.spec.NodeRegistry;

/**
 * The state behind one editor window: the workflow, whether it has unsaved changes, validation problems,
 * live node statuses and the metrics of the last run. Holds no controls; heavy work runs on the executor
 * and comes back through {@code ui} (Platform::runLater in the app, a direct call in tests).
 */
public final class WorkflowViewModel {
    /** What a node badge shows: status and, while running, a percentage. */
    public record NodeState(NodeStatus status, double progress, String message) {
        public String badge() {
            return switch (status) {
                case RUNNING -> "running " + Math.round(progress * 100) + " %";
                default -> status.name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    private final NodeRegistry registry;
    private final Consumer<Runnable> ui;
    private final WorkflowCodec codec = new WorkflowCodec();

    private final ObjectProperty<LoadedWorkflow> workflow = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty device = new SimpleStringProperty("");
    private final ProblemsModel problems;
    private final RunControl runs;
    private final org.anneal.graph.WorkflowEdits edits;
    private final EditHistory history = new EditHistory();
    private final PuzzleSession puzzle;
    private Autosave autosave = Autosave.standard();
    private final ObjectProperty<org.anneal.graph.Workflow> recovered = new SimpleObjectProperty<>();

    public WorkflowViewModel(NodeRegistry registry, Executor executor, Consumer<Runnable> ui) {
        this.registry = registry;
        this.problems = new ProblemsModel(registry);
        this.runs = new RunControl(this, executor, ui);
        this.ui = ui;
        this.edits = new org.anneal.graph.WorkflowEdits(registry);
        this.puzzle = new PuzzleSession(registry, ui);
    }

    /** Opens a file; returns the problems that stopped it (empty on success). */
    public List<Problem> open(Path file) {
        try {
            LoadedWorkflow lw = codec.read(file);
            puzzle.open(lw); // before the canvas redraws, so locked nodes are drawn as locked
            workflow.set(lw);
            recovered.set(autosave.recover(lw).orElse(null));
            dirty.set(false);
            history.clear();
            runs.clear();
            Device d = DeviceSelector.system().select(lw.workflow().meta().device());
            device.set(d.describe());
            revalidate();
            status.set("Opened " + file.getFileName());
            return List.of();
        } catch (WorkflowFileException e) {
            return e.problems();
        }
    }

    public Validation revalidate() {
        return problems.revalidate(workflow.get());
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
    public boolean connect(org.anneal.graph.PortRef from, org.anneal.graph.PortRef to) {
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

    public String whyNot(org.anneal.graph.PortRef from, org.anneal.graph.PortRef to) {
        return edits.whyNot(current(), from, to);
    }

    public void deleteNode(String id) {
        if (isLocked(id) || current().links().stream().anyMatch(l -> (l.from().node().equals(id) || l.to().node().equals(id)) && isLocked(l))) {
            status.set("'" + id + "' is part of the puzzle and locked; it cannot be deleted.");
            return;
        }
        commit(edits.deleteNode(current(), id));
    }

    public void disconnect(org.anneal.graph.Link l) {
        if (isLocked(l)) {
            status.set("The wire " + l + " is part of the puzzle and locked.");
            return;
        }
        commit(edits.disconnect(current(), l));
    }

    public boolean isLocked(String nodeId) {
        return puzzle.isLocked(nodeId);
    }

    public boolean isLocked(org.anneal.graph.Link l) {
        return puzzle.isLocked(l);
    }

    /** "Check my fix": the same verdict as `anneal puzzle verify`. */
    public void checkFix() {
        puzzle.check(workflow.get());
    }

    /** An autosaved version newer than the opened file, offered after a crash; null when there is none. */
    public ObjectProperty<org.anneal.graph.Workflow> recoveredProperty() {
        return recovered;
    }

    /** Replaces the opened workflow with the recovered one (unsaved, undoable). */
    public void acceptRecovery() {
        if (recovered.get() != null) {
            commit(recovered.get());
            recovered.set(null);
            status.set("Recovered the autosaved version; save to keep it.");
        }
    }

    public void useAutosaveDir(java.nio.file.Path dir) {
        this.autosave = new Autosave(dir);
    }

    public ObjectProperty<org.anneal.puzzle.Puzzle> puzzleProperty() {
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
        com.fasterxml.jackson.databind.JsonNode value = null;
        if (!text.isBlank()) {
            try {
                value = org.anneal.graph.Json.MAPPER.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                value = com.fasterxml.jackson.databind.node.TextNode.valueOf(text); // plain words are text
            }
        }
        commit(edits.setParam(current(), id, param, value));
        return problems().stream().filter(p -> id.equals(p.nodeId()) && param.equals(p.param())).map(Problem::message).findFirst().orElse(null);
    }

    public void undo() {
        org.anneal.graph.Workflow w = history.undo(current());
        if (w != null) {
            set(w);
        }
    }

    public void redo() {
        org.anneal.graph.Workflow w = history.redo(current());
        if (w != null) {
            set(w);
        }
    }

    public void newWorkflow(java.nio.file.Path baseDir) {
        puzzle.open(null);
        workflow.set(LoadedWorkflow.unsaved(org.anneal.graph.Workflow.empty(), baseDir));
        history.clear();
        dirty.set(false);
        runs.clear();
        revalidate();
    }

    /** Saves under a new name; relative file paths are rewritten so they still point at the same files. */
    public void saveAs(java.nio.file.Path file) throws java.io.IOException {
        LoadedWorkflow lw = workflow.get();
        org.anneal.graph.Workflow w = edits.relocate(lw.workflow(), lw.baseDir(), file.toAbsolutePath().getParent());
        codec.save(w, file);
        if (lw.file() != null) {
            autosave.discard(lw.file());
        }
        workflow.set(new LoadedWorkflow(w, file.toAbsolutePath(), lw.locations(), lw.notes()));
        dirty.set(false);
        status.set("Saved " + file.getFileName());
    }

    public org.anneal.graph.Workflow current() {
        return workflow.get().workflow();
    }

    private void commit(org.anneal.graph.Workflow next) {
        history.record(current());
        set(next);
    }

    private void set(org.anneal.graph.Workflow w) {
        LoadedWorkflow lw = workflow.get();
        workflow.set(new LoadedWorkflow(w, lw.file(), lw.locations(), lw.notes()));
        dirty.set(true);
        autosave.save(workflow.get());
        revalidate();
    }

    public BooleanProperty canUndoProperty() {
        return history.canUndo();
    }

    public BooleanProperty canRedoProperty() {
        return history.canRedo();
    }

    public void save() throws java.io.IOException {
        LoadedWorkflow lw = workflow.get();
        codec.save(lw.workflow(), lw.file());
        autosave.discard(lw.file());
        dirty.set(false);
        status.set("Saved " + lw.file().getFileName());
    }

    /** Validates and starts a run in the background; events update the node states as they arrive. */
    public void run() {
        runs.run();
    }

    public void cancel() {
        runs.cancel();
    }

    /** The value on an output port after the last run, or null. */
    public Object outputValue(org.anneal.graph.PortRef port) {
        return runs.outputValue(port);
    }

    /**
     * Values nodes published while the run goes on (the loss curve so far of a training node), by node id;
     * emptied when the run ends, when the outputs take over.
     */
    public ObservableMap<String, org.anneal.exec.NodeEvent.Live> liveValues() {
        return runs.live();
    }

    /**
     * Hands the workflow in: runs it, then writes WORKFLOW.handin.json beside it with provenance and a digest
     * (the same file `anneal handin` writes). Completes with the hand-in's path, or fails with the reason.
     */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> handIn(String author) {
        return runs.handIn(author);
    }

    /** True when {@code to} is {@code from} or takes an input from it directly. */
    public boolean feeds(String from, String to) {
        return from.equals(to) || current().links().stream().anyMatch(l -> l.from().node().equals(from) && l.to().node().equals(to));
    }

    WorkflowCodec codec() {
        return codec;
    }

    ProblemsModel problemsModel() {
        return problems;
    }

    public ObjectProperty<LoadedWorkflow> workflowProperty() {
        return workflow;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
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

    // ---- canvas edits: multi-selection, clipboard, frames. Each call is one undo step. ----

    /** Moves several nodes at once (a dragged selection): one undo step, whatever the number of nodes. */
    public void moveNodes(java.util.Map<String, NodeInstance.Position> positions) {
        if (!positions.isEmpty()) {
            commit(edits.moveNodes(current(), positions));
        }
    }

    /** Deletes the nodes and their wires as one step; refused as a whole when any of them is locked in a puzzle. */
    public void deleteNodes(java.util.Collection<String> ids) {
        for (String id : ids) {
            if (isLocked(id) || current().links().stream().anyMatch(l -> (l.from().node().equals(id) || l.to().node().equals(id)) && isLocked(l))) {
                status.set("'" + id + "' is part of the puzzle and locked; nothing was deleted.");
                return;
            }
        }
        if (!ids.isEmpty()) {
            commit(edits.deleteNodes(current(), ids));
        }
    }

    /** The nodes and the wires among them as workflow JSON, the text Copy puts on the clipboard. */
    public String copyText(java.util.Collection<String> ids) {
        return codec.write(edits.fragment(current(), ids));
    }

    /**
     * Pastes workflow JSON (from Copy, here or in another window) with its top-left corner at (x, y);
     * returns the new node ids, or an empty list when the text is not a workflow.
     */
    public List<String> paste(String text, double x, double y) {
        org.anneal.graph.Workflow fragment;
        try {
            fragment = codec.parse(text, null, "clipboard").workflow();
        } catch (WorkflowFileException e) {
            status.set("Nothing pasted: the clipboard holds no Anneal nodes.");
            return List.of();
        }
        if (fragment.nodes().isEmpty()) {
            return List.of();
        }
        var pasted = edits.paste(current(), fragment, x, y);
        commit(pasted.workflow());
        status.set("Pasted " + pasted.ids().size() + " node(s).");
        return pasted.ids();
    }

    public List<org.anneal.graph.Frame> frames() {
        return org.anneal.graph.Frames.of(current());
    }

    /** Replaces the frames and moves nodes with them (a dragged frame carries its nodes), as one step. */
    public void editFrames(List<org.anneal.graph.Frame> frames, java.util.Map<String, NodeInstance.Position> moved) {
        commit(org.anneal.graph.Frames.with(edits.moveNodes(current(), moved), frames));
    }

    // ---- side panels: problems pane, inspector, puzzle authoring (appended; see ProblemsView, InspectorView) ----

    /** What the problems pane asks the canvas to highlight: nodes and wires involved in the selected problem. */
    public record Highlight(java.util.Set<String> nodes, java.util.Set<org.anneal.graph.Link> wires) {
        public static final Highlight NONE = new Highlight(java.util.Set.of(), java.util.Set.of());
    }

    /** The validation of the workflow as it is now (specs of every configured node), or null before any. */
    public Validation validation() {
        return problems.validation();
    }

    /** The leakage finding a problem came from, or null for a plain validation problem. */
    public org.anneal.lineage.Finding findingOf(Problem p) {
        return problems.findingOf(p);
    }

    /** Nodes and wires the canvas should highlight; the canvas reads this, the problems pane writes it. */
    public ObjectProperty<Highlight> highlightProperty() {
        return problems.highlightProperty();
    }

    /** Highlights what a problem involves: a finding's nodes and wires, else the problem's own node. */
    public Highlight highlight(Problem p) {
        return problems.highlight(p);
    }

    /** The one-click fix for a problem, when its finding has one (static findings only: they match the graph). */
    public java.util.Optional<org.anneal.lineage.QuickFix> quickFix(Problem p) {
        return problems.quickFix(p);
    }

    /** Applies a problem's quick fix as one undoable edit; false when there is none or it touches a locked part. */
    public boolean applyFix(Problem p) {
        var fix = quickFix(p);
        if (fix.isEmpty()) {
            return false;
        }
        org.anneal.graph.Workflow next = fix.get().apply(current());
        boolean touchesLocked = current().nodes().stream().anyMatch(n -> isLocked(n.id()) && !next.nodes().contains(n))
                || current().links().stream().anyMatch(l -> isLocked(l) && !next.links().contains(l));
        if (touchesLocked) {
            status.set("Not fixed automatically: the fix would change a locked part of the puzzle.");
            return false;
        }
        commit(next);
        problems.highlightProperty().set(Highlight.NONE);
        status.set("Fixed: " + fix.get().description() + " (Undo to take it back.)");
        return true;
    }

    // ---- puzzle authoring (appended) ----

    {
        // while authoring, the puzzle on show follows the block, also through undo and redo
        workflow.addListener((o, a, lw) -> followPuzzleBlock(lw));
    }

    private void followPuzzleBlock(LoadedWorkflow lw) {
        if (puzzle != null && puzzle.authoring().get()) {
            puzzle.author(lw);
        }
    }

    /** Instructor mode: locks are edited instead of enforced, and the puzzle block can be written. */
    public BooleanProperty authoringProperty() {
        return puzzle.authoring();
    }

    /** The workflow's puzzle block, or null. */
    public com.fasterxml.jackson.databind.JsonNode puzzleBlock() {
        return current().block("puzzle").orElse(null);
    }

    /** One authoring step on the puzzle block (title, story, a lock, a rule, a range): one undoable edit. */
    public void editPuzzle(java.util.function.UnaryOperator<com.fasterxml.jackson.databind.JsonNode> edit) {
        com.fasterxml.jackson.databind.JsonNode before = puzzleBlock();
        com.fasterxml.jackson.databind.JsonNode after = edit.apply(before);
        if (!java.util.Objects.equals(before, after)) {
            commit(current().withBlock("puzzle", after));
            puzzle.author(workflow.get());
        }
    }
}
