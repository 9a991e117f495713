package org.anneal.lineage;

import java.util.List;
import org.anneal.exec.Validation;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.LooksAhead;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Spec;
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;

/** The parts of rule L8 that concern single nodes: time-indexed rows split at random, and steps that look ahead in time. */
final class TimeOrderRules {
    private TimeOrderRules() {
    }

    /** L8: a random split of time-indexed rows lets the model learn from the future of its test rows. */
    static void timeOrderIgnored(Validation v, String id, NodeDescriptor d, List<Finding> out) {
        if (d.splitStrategy() != SplitStrategy.RANDOM) {
            return;
        }
        for (Spec s : v.inSpecs().get(id).asMap().values()) {
            if (s instanceof TableSpec t) {
                t.columns().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst().ifPresent(c -> out.add(new Finding("L8", Severity.ERROR,
                        "Time-ordered rows split at random.",
                        "The rows are indexed by '" + c.name() + "', but '" + id + "' picks test rows at random, so the model trains on rows "
                                + "recorded after (and right next to) the ones it is tested on. Neighbouring rows of a process signal are "
                                + "nearly copies of each other; the score will not hold for tomorrow's data.",
                        "Replace '" + id + "' with a Time split (split.time): train on the earlier rows, test on the later ones.",
                        List.of(id), List.of())));
            }
        }
    }

    /** L8: a step whose output for one row uses later rows (a centred or leading window, a backward fill) on time-indexed rows. */
    static void futureRows(Validation v, String id, List<Finding> out) {
        if (!(v.params().get(id) instanceof LooksAhead la) || la.lookAhead() == null) {
            return;
        }
        for (Spec s : v.inSpecs().get(id).asMap().values()) {
            if (s instanceof TableSpec t) {
                t.columns().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst().ifPresent(c -> out.add(new Finding("L8",
                        Severity.ERROR, "Features computed from the future.",
                        "The rows are indexed by '" + c.name() + "', and in '" + id + "' " + la.lookAhead() + ". Each row then carries "
                                + "measurements that did not exist yet at its time stamp, so the model is scored with knowledge it will "
                                + "never have when it predicts tomorrow.",
                        "Make '" + id + "' use past rows only: " + la.pastOnlyFix() + ".",
                        List.of(id), List.of())));
                return;
            }
        }
    }
}
