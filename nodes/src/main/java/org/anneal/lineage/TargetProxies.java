package org.anneal.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;

/**
 * D3: one numeric feature that almost determines the target on the training rows. For a numeric target: |Spearman|
 * above {@code spearman} (it orders the target) or the R² of a straight line through it above {@code singleFeatureR2};
 * for classes: the area under the ROC curve of the feature alone, for some class against the rest, above
 * {@code singleFeatureAuc} (either direction). Needs at least 10 rows; features with missing values are skipped.
 */
final class TargetProxies {
    private TargetProxies() {
    }

    static void check(String split, Table train, DynamicChecks.Thresholds th, List<Finding> out) {
        check(split, train, th, new RankScreen(), out);
    }

    /** As {@link #check(String, Table, DynamicChecks.Thresholds, List)}, with the ranks shared with the other checks. */
    static void check(String split, Table train, DynamicChecks.Thresholds th, RankScreen screen, List<Finding> out) {
        Column target = train.target().orElse(null);
        if (target == null || train.rowCount() < 10 || target instanceof org.anneal.data.TensorColumn || screen.hasMissing(target)) {
            return;
        }
        TargetRead read = target instanceof NumericColumn y ? new TargetRead(screen, y.values()) : null;
        for (Column c : train.features()) {
            if (!(c instanceof NumericColumn x)) {
                continue;
            }
            CheckBounds.checkInterrupted();
            String why;
            if (read != null) {
                TargetRead.Feature f = read.read(x.values()); // null: x has a missing value
                why = f == null ? null : numeric(x, (NumericColumn) target, th, screen, f);
            } else {
                why = screen.hasMissing(x.values()) ? null : classes(x, (CategoricalColumn) target, th, screen);
            }
            if (why != null) {
                out.add(new Finding("D3", Severity.WARNING, "One feature almost determines the target.",
                        "On the training rows of '" + split + "', '" + x.name() + "' alone " + why + ". It may be the target in disguise "
                                + "(derived from it, or measured after it).",
                        "Check how '" + x.name() + "' is obtained; if it is known only after the outcome, declare it postOutcome and ignore it.",
                        List.of(split), List.of()));
            }
        }
    }

    private static String numeric(NumericColumn x, NumericColumn y, DynamicChecks.Thresholds th, RankScreen screen, TargetRead.Feature f) {
        double rho = screen.spearmanIfAbove(x.values(), y.values(), th.spearman(), f.coarseBound()); // NaN: cannot exceed the threshold
        double r = f.roughR(); // Pearson's r off the exact figure only by rounding, enough to tell it is far below a threshold
        if (r * r > th.singleFeatureR2() - 1e-6) {
            r = pearson(x.values(), y.values()); // near or above the threshold: the exact figure the finding quotes
        }
        List<String> reasons = new ArrayList<>();
        if (Math.abs(rho) > th.spearman()) {
            reasons.add(String.format(Locale.ROOT, "orders the target '%s' almost perfectly (|Spearman| = %.4f > %.2f)", y.name(), Math.abs(rho),
                    th.spearman()));
        }
        if (r * r > th.singleFeatureR2()) {
            reasons.add(String.format(Locale.ROOT, "explains the target '%s' with a straight line (R² = %.4f > %.2f)", y.name(), r * r,
                    th.singleFeatureR2()));
        }
        return reasons.isEmpty() ? null : String.join(" and ", reasons);
    }

    private static String classes(NumericColumn x, CategoricalColumn y, DynamicChecks.Thresholds th, RankScreen screen) {
        for (int k = 0; k < y.levels().size(); k++) {
            double auc = screen.aucIfAbove(x.values(), y.codes(), k, th.singleFeatureAuc());
            if (Double.isNaN(auc)) {
                continue;
            }
            double best = auc == RankScreen.RULED_OUT ? 0 : Math.max(auc, 1 - auc);
            if (best > th.singleFeatureAuc()) {
                return String.format(Locale.ROOT, "separates class '%s' from the rest of '%s' almost perfectly (AUC = %.4f > %.3f)",
                        y.levels().get(k), y.name(), best, th.singleFeatureAuc());
            }
            if (y.levels().size() == 2) {
                break; // the second class against the first is the same curve
            }
        }
        return null;
    }

    /** Mann–Whitney form of the AUC from the ranks of the scores: P(score of a class-k row > score of another row). */
    static double auc(double[] ranks, int[] codes, int k) {
        double sum = 0;
        long pos = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (codes[i] == k) {
                sum += ranks[i];
                pos++;
            }
        }
        long neg = ranks.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    /** Ranks with ties averaged. */
    static double[] ranks(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return ranksSortingRows(v);
            }
        }
        return RankScreen.sortedRanks(v);
    }

    /** Ranks by sorting the rows themselves: each NaN a rank of its own, after every number. */
    static double[] ranksSortingRows(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
