package org.anneal.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.anneal.exec.Validation;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.SharesSamples;
import org.anneal.spec.Spec;
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TimeGap;

/**
 * Rule L8 for windows: overlapping signal windows (a stride below the window length) split by time with a gap shorter than
 * a window's span. The last training windows then hold samples of the first test windows, so the model has seen part of
 * what it is tested on. A time split with enough {@code gap} raises nothing.
 */
final class WindowRules {
    private WindowRules() {
    }

    static void windowsAcrossTimeSplit(Validation v, String split, NodeDescriptor d, List<Finding> out) {
        if (d.splitStrategy() != SplitStrategy.TIME || !(v.params().get(split) instanceof TimeGap tg)) {
            return;
        }
        for (String u : LeakageAnalyzer.upstreamOf(v, split)) {
            double span = span(v, u);
            if (span > 0 && tg.gap() < span * (1 - 1e-9)) {
                out.add(new Finding("L8", Severity.ERROR, "Overlapping windows on both sides of a time split.",
                        String.format(Locale.ROOT, "'%s' cuts windows that overlap: each reaches %s time units past its start. '%s' "
                                + "splits them with a gap of %s, so the last training windows hold samples that the first test "
                                + "windows hold too, and the model is tested partly on measurements it trained on.", u, fmt(span), split,
                                fmt(tg.gap())),
                        String.format(Locale.ROOT, "Set the gap of '%s' to at least %s (the window's span), or cut windows side by "
                                + "side (stride = window).", split, fmt(span)),
                        List.of(split, u), List.of()));
                return;
            }
        }
    }

    /** The span node {@code u}'s windows share, or 0. */
    private static double span(Validation v, String u) {
        if (!(v.params().get(u) instanceof SharesSamples s) || !v.inSpecs().containsKey(u)) {
            return 0;
        }
        TableSpec in = null;
        for (Spec spec : v.inSpecs().get(u).asMap().values()) {
            if (spec instanceof TableSpec t) {
                in = t;
            }
        }
        return in == null ? 0 : s.sharedSpan(in);
    }

    /** The quick fix of this finding: set the split's gap to the windows' span. */
    static Optional<QuickFix> setGap(Finding f, Validation v) {
        if (f.nodes().size() < 2 || !(v.params().get(f.nodes().get(0)) instanceof TimeGap)) {
            return Optional.empty();
        }
        double span = span(v, f.nodes().get(1));
        String split = f.nodes().get(0);
        return span <= 0 ? Optional.empty() : Optional.of(new QuickFix("Set the gap of '" + split + "' to " + fmt(span) + ".", wf -> {
            NodeInstance n = wf.node(split).orElseThrow();
            return wf.withNode(n.withParam("gap", span));
        }));
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
