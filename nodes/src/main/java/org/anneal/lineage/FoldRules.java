package org.anneal.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;
import org.anneal.spec.TableSpec;

/**
 * Issue 16, family 1: leakage inside cross-validation. The rows a cross-validation (or a tune node's inner folds) divides
 * must not have been shaped, before the division, by anything that saw the held-out folds: supervised preprocessing
 * fitted on those rows (L3), rows multiplied before the folds (L4), or label-free preprocessing (L2, a warning). Every
 * finding names the node that does it and proposes its {@code pipeline.*} form, which refits inside each fold.
 */
final class FoldRules {
    private FoldRules() {
    }

    /**
     * @param cv         the node that forms folds
     * @param tablePort  its input holding the rows it divides
     * @param evaluation true for a cross-validation that reports a score (label-free preprocessing is then a warning too);
     *                   false for a tune node's inner folds, where only the errors are raised
     */
    static void check(Validation v, String cv, String tablePort, boolean evaluation, List<Finding> out, Set<String> reported) {
        if (!(v.inSpecs().get(cv).get(tablePort) instanceof TableSpec t)) {
            return;
        }
        PortRef from = v.wiring().getOrDefault(cv, java.util.Map.of()).get(tablePort);
        if (from == null) {
            return;
        }
        Set<String> upstream = new LinkedHashSet<>(List.of(from.node()));
        upstream.addAll(LeakageAnalyzer.upstreamOf(v, from.node()));
        Partition rows = t.lineage().partition();
        boolean named = false;
        for (String u : v.order()) {
            NodeDescriptor d = v.descriptors().get(u);
            if (!upstream.contains(u) || d == null || !v.inSpecs().containsKey(u)) {
                continue;
            }
            if (d.expandsRows() && !behindASplit(v, u, upstream) && reported.add("L4:" + u)) {
                out.add(new Finding("L4", evaluation ? Severity.ERROR : Severity.WARNING, "Rows multiplied before the cross-validation.",
                        "'" + u + "' adds copies (or near copies) of rows before '" + cv + "' divides them into folds, so a held-out fold "
                                + "usually holds a twin of a row its model trained on. The model is tested on rows it has effectively seen, "
                                + (evaluation ? "and the cross-validated score comes out higher than on any new sample."
                                        : "so the candidates are compared on copies of their own training rows and the most flexible "
                                                + "one wins; a later test score stays honest, but the choice is biased."),
                        "Remove '" + u + "' in front of '" + cv + "': cross-validate the original rows (a learner with class weights, or a "
                                + "balanced metric such as balanced_accuracy, copes with rare classes), and multiply rows only on the "
                                + "training side of a holdout split.",
                        List.of(u, cv), List.of()));
                continue;
            }
            Partition fitted = fittingPartition(v, u, d);
            if (d.role() != LeakageRole.FIT || fitted == null || LeakageAnalyzer.producesModel(d) || producesLearner(d)) {
                continue;
            }
            boolean overlaps = fitted.equals(rows) || fitted.side() == Partition.Side.ALL || rows.side() == Partition.Side.ALL;
            String pipeline = pipelineForm(v, u).map(p -> "'" + p + "'").orElse(null);
            if (d.usesTarget() && overlaps) {
                named = true;
                if (reported.add("L2:" + u)) {
                    out.add(new Finding("L3", evaluation ? Severity.ERROR : Severity.WARNING,
                            "Supervised preprocessing fitted before the cross-validation.",
                            "'" + u + "' learns from the target of " + fitted + ", the rows '" + cv + "' then divides into folds. Each held-out "
                                    + "fold helped choose the features (or the category means) its model is trained with: features that match "
                                    + "its targets by chance survive, a rare category carries its own answer. "
                                    + (evaluation ? "The cross-validated score rewards that, and falls on new samples."
                                            : "The inner scores that pick the winner reward that, so the choice is biased (a later test "
                                                    + "score stays honest)."),
                            (pipeline == null ? "Remove '" + u + "' and refit it inside every fold."
                                    : "Replace '" + u + "' by its pipeline form " + pipeline + " wired between the learner and '" + cv
                                            + "', so it is refitted on the training folds of every split; connect '" + cv + ":" + tablePort
                                            + "' to the rows '" + u + "' was fed."),
                            List.of(u, cv), List.of()));
                }
            } else if (evaluation) {
                named = true;
                if (reported.add("L2:" + u)) {
                    out.add(new Finding("L2", Severity.WARNING, "Preprocessing fitted outside the cross-validation.",
                            "'" + u + "' learns its statistics from " + fitted + " before '" + cv + "' divides the rows into folds, so each "
                                    + "held-out fold helped prepare its own training data. The cross-validated score is slightly optimistic.",
                            (pipeline == null ? "Move '" + u + "' inside the cross-validation (its 'standardize' option for scaling)."
                                    : "Replace '" + u + "' by its pipeline form " + pipeline + " between the learner and '" + cv
                                            + "', so it is refitted inside every fold."),
                            List.of(u, cv), List.of()));
                }
            }
        }
        if (evaluation && !named && !t.lineage().fittedOn().isEmpty() && reported.add("L2:" + cv)) {
            out.add(new Finding("L2", Severity.WARNING, "Preprocessing fitted outside the cross-validation.",
                    "The rows reaching '" + cv + "' were transformed with state learnt from rows that include every fold, so each held-out "
                            + "fold helped prepare its own training data.",
                    "Let '" + cv + "' fit the preprocessing inside each fold: use the pipeline.* form of the step between the learner and '"
                            + cv + "'.",
                    List.of(cv), List.of()));
        }
    }

    /** A tune node (or any chooser) that compares candidates by inner folds: its choosing input is left unconnected. */
    static String innerFoldTable(Validation v, String id, NodeDescriptor d) {
        if (!producesLearner(d)) {
            return null;
        }
        String table = null;
        boolean choosingUnwired = false;
        for (InPort<?> p : d.inputs()) {
            boolean wired = v.wiring().getOrDefault(id, java.util.Map.of()).containsKey(p.name());
            if (p.isChoosing() && !wired) {
                choosingUnwired = true;
            }
            if (p.isFitting() && p.kind() == DataKind.TABLE && wired) {
                table = p.name();
            }
        }
        return choosingUnwired ? table : null;
    }

    /** The partition on a node's fitting table input, or null when it has none. */
    static Partition fittingPartition(Validation v, String node, NodeDescriptor d) {
        for (InPort<?> p : d.inputs()) {
            Spec s = v.inSpecs().get(node).get(p.name());
            if (p.isFitting() && s instanceof TableSpec t) {
                return t.lineage().partition();
            }
        }
        return null;
    }

    static boolean producesLearner(NodeDescriptor d) {
        return d.outputs().stream().anyMatch(o -> o.kind() == DataKind.LEARNER);
    }

    /** The {@code pipeline.*} node type that does inside a learner what {@code node} does to a table, if the library has one. */
    static java.util.Optional<String> pipelineForm(Validation v, String node) {
        String type = v.source().workflow().node(node).map(n -> n.type()).orElse("");
        if (!type.startsWith("prepare.")) {
            return java.util.Optional.empty();
        }
        String rest = type.substring("prepare.".length());
        org.anneal.spec.NodeRegistry reg = org.anneal.spec.NodeRegistry.standard();
        for (String candidate : List.of("pipeline." + rest, "pipeline." + rest.replace("minmax", "min-max"))) {
            if (reg.find(candidate).isPresent()) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a split lies between {@code u} and the folds (the split's own L4 then names it). */
    private static boolean behindASplit(Validation v, String u, Set<String> upstreamOfFolds) {
        List<String> splits = new ArrayList<>();
        for (String s : upstreamOfFolds) {
            NodeDescriptor d = v.descriptors().get(s);
            if (d != null && d.role() == LeakageRole.SPLIT && LeakageAnalyzer.upstreamOf(v, s).contains(u)) {
                splits.add(s);
            }
        }
        return !splits.isEmpty();
    }
}
