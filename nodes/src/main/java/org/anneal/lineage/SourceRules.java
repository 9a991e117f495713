package org.anneal.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.Link;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Partition;
import org.anneal.spec.Spec;
import org.anneal.spec.TableSpec;

/**
 * Issue 16, family 4: second sources. Rows read from another file are a held-out test set of their own, as long as
 * nothing learnt from them: a model scored on an external table is not "scored on rows never split off" (L1), unless the
 * external rows were stacked into its training rows (L1) or fitted a preparation step on the way (L5). A holdout cut
 * from the training side of an outer split is a validation set, so choosing on its "test" rows is not L6 when the
 * chosen model is scored elsewhere.
 */
final class SourceRules {
    private SourceRules() {
    }

    /**
     * Sources whose <em>rows</em> make up the table {@code node} outputs: through a preparation step only its data input is
     * followed (its fitting input shaped the values, not the rows), through a stack or join every table input.
     */
    static Set<String> rowSources(Validation v, String node) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : rowSourceNodes(v, node)) {
            out.add(identity(v, s));
        }
        return out;
    }

    /** The source nodes of {@link #rowSources}. */
    static Set<String> rowSourceNodes(Validation v, String node) {
        Set<String> out = new LinkedHashSet<>();
        rowSources(v, node, out, new java.util.HashSet<>());
        return out;
    }

    private static void rowSources(Validation v, String node, Set<String> out, Set<String> seen) {
        NodeDescriptor d = v.descriptors().get(node);
        if (d == null || !seen.add(node)) {
            return;
        }
        if (d.role() == LeakageRole.SOURCE) {
            out.add(node);
            return;
        }
        List<PortRef> data = new ArrayList<>();
        List<PortRef> fitting = new ArrayList<>();
        for (InPort<?> p : d.inputs()) {
            PortRef from = v.wiring().getOrDefault(node, java.util.Map.of()).get(p.name());
            if (from != null && p.kind() == org.anneal.spec.DataKind.TABLE) {
                (p.isFitting() ? fitting : data).add(from);
            }
        }
        for (PortRef from : data.isEmpty() ? fitting : data) {
            rowSources(v, from.node(), out, seen);
        }
    }

    /** Sources of the rows on {@code node}'s fitting table inputs. */
    private static Set<String> fittingRowSources(Validation v, String node) {
        Set<String> out = new LinkedHashSet<>();
        NodeDescriptor d = v.descriptors().get(node);
        for (InPort<?> p : d == null ? List.<InPort<?>>of() : d.inputs()) {
            PortRef from = v.wiring().getOrDefault(node, java.util.Map.of()).get(p.name());
            if (from != null && p.isFitting() && p.kind() == org.anneal.spec.DataKind.TABLE) {
                out.addAll(rowSources(v, from.node()));
            }
        }
        return out;
    }

    private static String identity(Validation v, String node) {
        return v.source().workflow().node(node).map(n -> {
            String path = n.params().path("path").asText("");
            return path.isEmpty() ? "node:" + node : "file:" + n.type() + ":" + path.replace('\\', '/');
        }).orElse("node:" + node);
    }

    /**
     * At an evaluation of rows that were never split: whether they are an external test table, i.e. come from a source the
     * model's training rows do not. Returns true when it is one (findings added if its rows were learnt from anyway), false
     * when the rows are the training source's own, so the caller's "no held-out test set" applies.
     */
    static boolean externalTest(Validation v, String eval, Link dataWire, String trainer, List<Finding> out) {
        Set<String> scored = rowSources(v, dataWire.from().node());
        Set<String> trained = fittingRowSources(v, trainer);
        if (scored.isEmpty() || trained.isEmpty() || scored.containsAll(trained)) {
            return false; // the model learnt only from the scored file: no held-out rows at all
        }
        String scoredName = describe(v, dataWire.from().node());
        boolean learnt = false;
        for (String u : v.order()) {
            if (!(u.equals(trainer) || LeakageAnalyzer.upstreamOf(v, eval).contains(u))) {
                continue;
            }
            NodeDescriptor d = v.descriptors().get(u);
            if (d == null || d.role() != LeakageRole.FIT || !v.inSpecs().containsKey(u)) {
                continue;
            }
            for (InPort<?> p : d.inputs()) {
                PortRef from = v.wiring().getOrDefault(u, java.util.Map.of()).get(p.name());
                Spec s = v.inSpecs().get(u).get(p.name());
                if (!p.isFitting() || from == null || !(s instanceof TableSpec) || !intersects(rowSources(v, from.node()), scored)) {
                    continue;
                }
                learnt = true;
                Link wire = new Link(from, new PortRef(u, p.name()));
                String mixer = mixer(v, from.node(), scored);
                if (LeakageAnalyzer.producesModel(d)) {
                    out.add(new Finding("L1", Severity.ERROR, "The external test rows were learnt from.",
                            "'" + eval + "' scores the rows of " + scoredName + ", a table from another source, but " + (mixer == null
                                    ? "'" + u + "' also trains on them"
                                    : "'" + mixer + "' stacks them into the rows '" + u + "' trains on")
                                    + ". The model has seen the rows it is tested on, so the score measures memory, not prediction for new samples.",
                            mixer == null ? "Train '" + u + "' on the training source only, and keep " + scoredName + " for the score."
                                    : "Remove " + scoredName + " from '" + mixer + "': train on the training source only and keep the external "
                                            + "table for the score.",
                            mixer == null ? List.of(u, eval) : List.of(mixer, u, eval), List.of(wire)));
                } else {
                    out.add(new Finding("L5", Severity.ERROR, "Fitted on the external test rows.",
                            "'" + u + "' learns its statistics from " + (mixer == null ? "" : "'" + mixer + "', which holds ") + "the rows of "
                                    + scoredName + ", the external table '" + eval + "' scores. The test rows shape how they are prepared, "
                                    + "so the score is optimistic: a new batch would be prepared with statistics it did not make.",
                            "Fit '" + u + "' on the training source only and apply its state to " + scoredName + " with an Apply node.",
                            List.of(u, eval), List.of(wire)));
                }
            }
        }
        return true;
    }

    /** The stack node (if any) on the way from the scored source into {@code node}'s rows. */
    private static String mixer(Validation v, String node, Set<String> scored) {
        Set<String> nodes = new LinkedHashSet<>(LeakageAnalyzer.upstreamOf(v, node));
        nodes.add(node);
        for (String u : v.order()) {
            if (nodes.contains(u) && v.source().workflow().node(u).map(n -> n.type().equals("data.stack")).orElse(false)
                    && intersects(rowSources(v, u), scored) && rowSources(v, u).size() > 1) {
                return u;
            }
        }
        return null;
    }

    private static String describe(Validation v, String node) {
        return String.join(" and ", rowSourceNodes(v, node).stream().map(n -> "'" + n + "'").toList());
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    /**
     * A holdout cut from the training (or validation) rows of an outer split: its "test" rows are the outer split's
     * validation rows. Choosing on them is honest while the chosen model is scored on other rows.
     */
    static boolean nestedValidation(Validation v, String chooser, Partition test) {
        String inner = test.splitNode();
        NodeDescriptor d = v.descriptors().get(inner);
        if (d == null || !v.inSpecs().containsKey(inner)) {
            return false;
        }
        boolean nested = v.inSpecs().get(inner).asMap().values().stream()
                .anyMatch(s -> s instanceof TableSpec t && (t.lineage().partition().side() == Partition.Side.TRAIN
                        || t.lineage().partition().side() == Partition.Side.VALIDATION));
        if (!nested) {
            return false;
        }
        for (String e : v.order()) {
            NodeDescriptor ed = v.descriptors().get(e);
            if (ed == null || ed.role() != LeakageRole.EVALUATE || !LeakageAnalyzer.upstreamOf(v, e).contains(chooser)) {
                continue;
            }
            boolean scoresThem = v.inSpecs().get(e).asMap().values().stream()
                    .anyMatch(s -> s instanceof TableSpec t && t.lineage().partition().equals(test));
            if (scoresThem) {
                return false; // the choice is then scored on the rows that made it: L6 stands
            }
        }
        return true;
    }
}
