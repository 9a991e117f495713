package org.anneal.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;

/**
 * Issue 16, family 5, at run time: D8, a feature whose content gives the target away although its name does not, on the
 * training rows of a split. Two shapes: a category whose classes cover disjoint ranges of a numeric target (strength
 * classes binned from the strength), and a number equal, class by class, to the mean target of the rows sharing its value
 * (a per-group mean of the target joined back); for a class target, {@link CategoricalProxies} looks for the same two shapes.
 * And the reverse: one D3 warning per informative channel of a spectrum
 * would be dozens of warnings for physics, so above {@link #MAX_SEPARATE} they are folded into one.
 */
final class ContentProxies {
    /** D8: a per-value mean within this many target sds of the feature counts as equal. */
    static final double MEAN_TOLERANCE_SD = 0.25;
    /** D3 findings of one split listed separately; more are folded into one. */
    static final int MAX_SEPARATE = 3;

    private ContentProxies() {
    }

    static void check(String split, Table train, List<Finding> out) {
        check(split, train, new RankScreen(), out);
    }

    /** As {@link #check(String, Table, List)}, with the distinct counts {@code screen} knows of the training columns. */
    static void check(String split, Table train, RankScreen screen, List<Finding> out) {
        Column target = train.target().orElse(null);
        if (target == null || train.rowCount() < 10 || screen.hasMissing(target)) {
            return;
        }
        for (Column c : train.features()) {
            String why = target instanceof NumericColumn y ? (c instanceof CategoricalColumn k ? binned(k, y) : c instanceof NumericColumn x
                    ? groupMean(x, y.values(), "the mean target '" + y.name() + "'", screen.knownDistinct(x.values())) : null)
                    : target instanceof CategoricalColumn t ? (c instanceof CategoricalColumn k ? CategoricalProxies.relabels(k, t)
                    : c instanceof NumericColumn x ? CategoricalProxies.classShare(x, t) : null) : null;
            if (why == null) {
                continue;
            }
            out.add(new Finding("D8", Severity.ERROR, "A feature that holds the target.",
                    "On the training rows of '" + split + "', '" + c.name() + "' " + why + ". It was made from the target '" + target.name()
                            + "', so the model reads the answer back: the score is excellent here and meaningless for a new sample, "
                            + "whose target (and so this column) is unknown.",
                    "Find where '" + c.name() + "' comes from; leave it out ('ignore' at the data source, or data.select before '" + split
                            + "'), or, if it is a real measurement, declare it postOutcome.",
                    List.of(split), List.of()));
        }
    }

    /** Disjoint target ranges per class (every class at least 2 rows, at least 2 classes), or null. */
    private static String binned(CategoricalColumn k, NumericColumn y) {
        int levels = k.levels().size();
        if (levels < 2 || levels > 20 || k.missingCount() > 0) {
            return null;
        }
        double[] lo = new double[levels];
        double[] hi = new double[levels];
        int[] n = new int[levels];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < k.size(); i++) {
            int c = k.codes()[i];
            lo[c] = Math.min(lo[c], y.values()[i]);
            hi[c] = Math.max(hi[c], y.values()[i]);
            n[c]++;
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < levels; c++) {
            if (n[c] == 1) {
                return null;
            }
            if (n[c] > 1) {
                used.add(c);
            }
        }
        if (used.size() < 2) {
            return null;
        }
        used.sort((a, b) -> Double.compare(lo[a], lo[b]));
        for (int i = 1; i < used.size(); i++) {
            if (lo[used.get(i)] <= hi[used.get(i - 1)]) {
                return null;
            }
        }
        List<String> ranges = new ArrayList<>();
        for (int c : used.subList(0, Math.min(4, used.size()))) {
            ranges.add(String.format(Locale.ROOT, "'%s' %.4g–%.4g", k.levels().get(c), lo[c], hi[c]));
        }
        return "divides the target '" + y.name() + "' into " + used.size() + " ranges that do not overlap (" + String.join(", ", ranges)
                + (used.size() > 4 ? ", …" : "") + "): its classes are bins of the target";
    }

    /** Equal, value by value, to the mean target of the rows that share the value; or null. */
    static String groupMean(NumericColumn x, double[] t, String whatMean) {
        return groupMean(x, t, whatMean, -1);
    }

    /**
     * As {@link #groupMean(NumericColumn, double[], String)}, knowing the column's distinct values when {@code known} is not
     * negative (D9's reading counted them): more than half the rows then rules it out without a pass.
     */
    static String groupMean(NumericColumn x, double[] t, String whatMean, int known) {
        double[] v = x.values();
        if (known > x.size() / 2 || known < 0 && DistinctValues.moreThan(v, x.size() / 2)) {
            return null; // a group mean repeats within its groups: told in half a pass for a measured column, before the
                         // full one that looks for a missing value
        }
        if (x.missingCount() > 0) {
            return null;
        }
        DistinctValues groups = new DistinctValues(v); // the rows' groups by value (Double.equals), without boxing
        if (groups.count() < 3 || groups.count() > x.size() / 2) {
            return null;
        }
        double[] sum = new double[groups.count()];
        double[] rows = new double[groups.count()];
        for (int i = 0; i < v.length; i++) {
            sum[groups.of(i)] += t[i];
            rows[groups.of(i)]++;
        }
        double sd = Math.sqrt(variance(t));
        if (sd == 0) {
            return null;
        }
        double off = 0;
        for (int i = 0; i < v.length; i++) {
            int g = groups.of(i);
            off += Math.abs(v[i] - sum[g] / rows[g]);
        }
        off /= x.size();
        if (off > MEAN_TOLERANCE_SD * sd) {
            return null;
        }
        return String.format(Locale.ROOT, "takes %d values, and each equals %s of the rows that share it (mean "
                + "difference %.3g, %.2f target sd; equal within %.2f sd): a per-group mean of the target joined back onto the rows",
                groups.count(), whatMean, off, off / sd, MEAN_TOLERANCE_SD);
    }

    private static double variance(double[] v) {
        double m = java.util.Arrays.stream(v).average().orElse(0);
        return java.util.Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / Math.max(1, v.length - 1);
    }

    /**
     * The D3 findings of one split: those about a column D8 already explains are dropped, and more than {@link #MAX_SEPARATE}
     * are folded into one finding that names the first few (the informative channels of a spectrum).
     */
    static void fold(String split, List<Finding> findings) {
        List<String> explained = findings.stream().filter(f -> f.rule().equals("D8"))
                .map(f -> f.explanation().replaceFirst("(?s)^On the training rows of '[^']*', '([^']*)'.*", "$1")).toList();
        findings.removeIf(f -> f.rule().equals("D3") && explained.stream().anyMatch(c -> f.explanation().contains("'" + c + "' alone")));
        List<Finding> d3 = findings.stream().filter(f -> f.rule().equals("D3")).toList();
        if (d3.size() <= MAX_SEPARATE) {
            return;
        }
        List<String> names = d3.stream().map(f -> f.explanation().replaceFirst("(?s)^On the training rows of '[^']*', '([^']*)' alone.*", "$1"))
                .toList();
        findings.removeAll(d3);
        findings.add(new Finding("D3", Severity.WARNING, "Many features almost determine the target.",
                String.format(Locale.ROOT, "On the training rows of '%s', %d features each almost determine the target on their own (%s%s); "
                        + "the first: %s. Neighbouring channels of a spectrum that all follow the quantity are physics, not a leak; a "
                        + "column derived from the target or measured after it would make the score optimistic.", split, names.size(),
                        String.join(", ", names.stream().limit(5).map(n -> "'" + n + "'").toList()), names.size() > 5 ? ", …" : "",
                        d3.get(0).explanation().replaceFirst("(?s)^On the training rows of '[^']*', ", "").replaceFirst("\\.$", "")),
                "Check that none of them is computed from the target or known only after it; those that are, declare postOutcome and "
                        + "ignore.", List.of(split), List.of()));
    }
}
