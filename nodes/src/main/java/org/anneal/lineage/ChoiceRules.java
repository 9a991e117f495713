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
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Partition;

/**
 * Issue 16, family 2: the history a learner carries. A tune node's choice travels with the learner it outputs (the
 * {@code chosenOn} of its lineage) through pipeline steps and {@code train.fit} into the model and its predictions, so
 * a score is judged by every row that chose its model, not only the rows it was fitted on. L11: the rows that chose
 * the model include the rows a holdout score is computed on (tuned on all rows, then scored on a test side). L12: a
 * cross-validation of a tuned learner on the rows it was tuned on (not nested).
 */
final class ChoiceRules {
    private ChoiceRules() {
    }

    /**
     * L11, at an evaluation scoring {@code data} rows with a model whose lineage is {@code model}.
     *
     * @return whether a finding was added
     */
    static boolean tunedOnScoredRows(Validation v, String id, Lineage data, Lineage model, PortRef trainer, List<Finding> out, Set<String> reported) {
        Partition scored = data.partition();
        if (scored.side() == Partition.Side.ALL || scored.side() == Partition.Side.TRAIN || !model.chosenOn().contains(Partition.ALL)) {
            return false;
        }
        List<String> choosers = choosersOn(v, trainer.node(), p -> p.side() == Partition.Side.ALL);
        choosers.removeIf(c -> !LeakageAnalyzer.sharesSource(v, c, scored.splitNode()));
        if (choosers.isEmpty()) {
            return false;
        }
        String chooser = choosers.get(0);
        if (!reported.add("L11:" + chooser + ":" + id)) {
            return false;
        }
        List<Link> wires = new ArrayList<>();
        NodeDescriptor cd = v.descriptors().get(chooser);
        for (InPort<?> p : cd.inputs()) {
            PortRef src = v.wiring().getOrDefault(chooser, java.util.Map.of()).get(p.name());
            if (p.isFitting() && src != null) {
                wires.add(new Link(src, new PortRef(chooser, p.name())));
            }
        }
        out.add(new Finding("L11", Severity.ERROR, "Tuned on all rows, test rows included.",
                "'" + chooser + "' chose the settings of the learner that '" + trainer.node() + "' fits by trying candidates on all rows, "
                        + "before '" + scored.splitNode() + "' set the " + scored + " apart. '" + id + "' scores those rows, but they already "
                        + "picked the winner: the setting that happened to suit them is built into the model, so the score is optimistic, "
                        + "and more so the more candidates were tried.",
                "Tune on the training rows only: connect the table input of '" + chooser + "' to '" + scored.splitNode() + ":train', "
                        + "so the " + scored + " stay unseen until '" + id + "' scores them.",
                List.of(chooser, id, scored.splitNode()), wires));
        return true;
    }

    /** L12: a cross-validation that reports a score for a learner tuned on (some of) the rows it divides. */
    static void nonNested(Validation v, String cv, Lineage learner, Partition rows, List<Finding> out, Set<String> reported) {
        if (learner.chosenOn().isEmpty()) {
            return;
        }
        boolean overlaps = learner.chosenOn().contains(rows) || rows.side() == Partition.Side.ALL
                || learner.chosenOn().contains(Partition.ALL);
        if (!overlaps) {
            return;
        }
        List<String> choosers = choosersOn(v, cv, p -> p.equals(rows) || p.side() == Partition.Side.ALL || rows.side() == Partition.Side.ALL);
        choosers.removeIf(c -> !LeakageAnalyzer.sharesSource(v, c, cv));
        if (choosers.isEmpty() || !reported.add("L12:" + cv)) {
            return;
        }
        String chooser = choosers.get(0);
        out.add(new Finding("L12", Severity.ERROR, "Cross-validation of a learner tuned on the same rows (not nested).",
                "'" + chooser + "' picked its setting as the one that scored best on folds of " + rows + ", and '" + cv + "' now "
                        + "cross-validates the winner on those same rows. The winner was chosen because it did well on them, partly by "
                        + "luck, so this score is the best of several tries, not an estimate for new samples: expect it to drop on new data.",
                "Keep rows the tuning never saw: put a Train/test split before '" + chooser + "', tune on its 'train' rows, fit the best "
                        + "learner there and report one score on 'test' (evaluate.regression or evaluate.classification) instead of the "
                        + "cross-validation of '" + cv + "'.",
                List.of(chooser, cv), List.of()));
    }

    /** Nodes upstream of {@code node} that output a learner chosen on rows whose partition passes {@code which}. */
    private static List<String> choosersOn(Validation v, String node, java.util.function.Predicate<Partition> which) {
        Set<String> upstream = new LinkedHashSet<>(LeakageAnalyzer.upstreamOf(v, node));
        upstream.add(node);
        List<String> out = new ArrayList<>();
        for (String u : v.order()) {
            NodeDescriptor d = v.descriptors().get(u);
            if (!upstream.contains(u) || d == null || d.role() != LeakageRole.FIT || !FoldRules.producesLearner(d) || !v.inSpecs().containsKey(u)) {
                continue;
            }
            Partition p = FoldRules.fittingPartition(v, u, d);
            if (p != null && which.test(p)) {
                out.add(u);
            }
        }
        return out;
    }
}
