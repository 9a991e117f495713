package org.anneal.lineage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anneal.exec.Validation;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.DerivesColumn;
import org.anneal.spec.InPort;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * Issue 16, family 5, before anything runs: L15, a feature computed from the target ({@code data.derive} with the target,
 * or a column computed from it, in its formula) that reaches a learner. Whatever the formula, the column carries the
 * answer; the model learns to read it back and the score reports that.
 */
final class ProxyRules {
    private ProxyRules() {
    }

    static void derivedFromTarget(Validation v, List<Finding> out) {
        Set<String> fromTarget = new HashSet<>(); // columns computed (directly or not) from a target
        for (String id : v.order()) {
            Specs outSpecs = v.outSpecs().get(id);
            DerivesColumn d = outSpecs == null ? null : outSpecs.plan(Record.class).filter(r -> r instanceof DerivesColumn)
                    .map(r -> (DerivesColumn) r).orElse(null);
            if (d == null || !(v.inSpecs().get(id).asMap().values().stream().filter(s -> s instanceof TableSpec).findFirst().orElse(null)
                    instanceof TableSpec in)) {
                continue;
            }
            String target = in.target().map(ColumnSpec::name).orElse(null);
            List<String> leaking = d.uses().stream().filter(c -> c.equals(target) || fromTarget.contains(c)).toList();
            if (leaking.isEmpty() || d.role() == ColumnRole.TARGET) {
                continue;
            }
            fromTarget.add(d.column());
            String learner = learnerUsing(v, id, d.column());
            if (d.role() != ColumnRole.FEATURE || learner == null) {
                continue;
            }
            out.add(new Finding("L15", Severity.ERROR, "A feature computed from the target.",
                    "'" + id + "' computes '" + d.column() + "' from " + String.join(", ", leaking.stream().map(c -> "'" + c + "'").toList())
                            + (leaking.contains(target) ? ", the target" : ", itself computed from the target") + ", and '" + learner
                            + "' learns from it as a feature. Whatever the formula, the column carries the answer: the model reads it "
                            + "back, the score looks excellent, and for a new sample, whose target is unknown, the column cannot even be computed.",
                    "Set 'role' of '" + id + "' to ignore (or to target, if '" + d.column() + "' is meant as the quantity to predict), "
                            + "or write its formula without the target.",
                    List.of(id, learner), List.of()));
        }
    }

    /** A node downstream of {@code from} that learns from {@code column} as a feature on a fitting input, or null. */
    private static String learnerUsing(Validation v, String from, String column) {
        for (String u : v.order()) {
            NodeDescriptor d = v.descriptors().get(u);
            if (d == null || !v.inSpecs().containsKey(u) || !LeakageAnalyzer.upstreamOf(v, u).contains(from)) {
                continue;
            }
            for (InPort<?> p : d.inputs()) {
                Spec s = v.inSpecs().get(u).get(p.name());
                if (p.isFitting() && s instanceof TableSpec t && (LeakageAnalyzer.producesModel(d) || d.role() == org.anneal.spec.LeakageRole.EVALUATE)
                        && t.column(column).filter(c -> c.role().isUsedAsFeature()).isPresent()) {
                    return u;
                }
            }
        }
        return null;
    }
}
