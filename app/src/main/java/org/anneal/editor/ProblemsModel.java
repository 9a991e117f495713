package org.anneal.editor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.anneal.exec.Validation;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Problem;
import org.anneal.lineage.Finding;
import org.anneal.lineage.QuickFix;
import org.anneal.lineage.QuickFixes;
import org.anneal.session.Checked;
import org.anneal.session.SessionResult;
import org.anneal.session.WorkflowSession;

/**
 * What the problems pane lists: validation problems and leakage findings of the workflow as it is, then the
 * run-time findings of the last run, and which nodes and wires the canvas highlights for the one selected.
 * Remembers the finding behind each problem, because the finding knows its wires and its quick fix.
 */
public final class ProblemsModel {
    private final WorkflowSession session;
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    /** Findings behind the problems they became (identity: two findings may read the same). */
    private final Map<Problem, Finding> findingOf = new IdentityHashMap<>();
    private final ObjectProperty<WorkflowViewModel.Highlight> highlight = new SimpleObjectProperty<>(WorkflowViewModel.Highlight.NONE);
    private Checked lastChecked;
    private Validation lastStatic;

    ProblemsModel(WorkflowSession session) {
        this.session = session;
    }

    Validation revalidate(LoadedWorkflow lw) {
        Checked c = session.check(lw);
        lastChecked = c;
        Validation v = c.validation();
        lastStatic = v;
        findingOf.clear();
        List<Problem> all = new ArrayList<>(v.problems());
        // leakage findings sit beside validation problems: same list, same highlighting
        c.staticFindings().forEach(f -> all.add(remember(f)));
        problems.setAll(all);
        return v;
    }

    /** The last check (validation and static findings), which a run starts from; null before any. */
    Checked checked() {
        return lastChecked;
    }

    /** After a run: its problems, and the dynamic leakage findings, which needed the data. */
    void addRunFindings(SessionResult s) {
        problems.addAll(s.run().problems());
        s.dynamicFindings().forEach(f -> problems.add(remember(f)));
    }

    private Problem remember(Finding f) {
        Problem p = f.toProblem();
        findingOf.put(p, f);
        return p;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    /** The validation of the workflow as it is now (specs of every configured node), or null before any. */
    public Validation validation() {
        return lastStatic;
    }

    /** The leakage finding a problem came from, or null for a plain validation problem. */
    public Finding findingOf(Problem p) {
        return findingOf.get(p);
    }

    /** Nodes and wires the canvas should highlight; the canvas reads this, the problems pane writes it. */
    public ObjectProperty<WorkflowViewModel.Highlight> highlightProperty() {
        return highlight;
    }

    /** Highlights what a problem involves: a finding's nodes and wires, else the problem's own node. */
    public WorkflowViewModel.Highlight highlight(Problem p) {
        Finding f = p == null ? null : findingOf.get(p);
        WorkflowViewModel.Highlight h = p == null ? WorkflowViewModel.Highlight.NONE
                : f != null ? new WorkflowViewModel.Highlight(new LinkedHashSet<>(f.nodes()), new LinkedHashSet<>(f.wires()))
                : p.nodeId() != null ? new WorkflowViewModel.Highlight(Set.of(p.nodeId()), Set.of()) : WorkflowViewModel.Highlight.NONE;
        highlight.set(h);
        return h;
    }

    /** The one-click fix for a problem, when its finding has one (static findings only: they match the graph). */
    public Optional<QuickFix> quickFix(Problem p) {
        Finding f = findingOf.get(p);
        if (f == null || lastStatic == null || lastStatic.hasErrors() || !problems.contains(p)) {
            return Optional.empty();
        }
        return QuickFixes.forFinding(f, lastStatic);
    }
}
