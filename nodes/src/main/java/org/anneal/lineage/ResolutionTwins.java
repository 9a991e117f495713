package org.anneal.lineage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;

/**
 * Issue 16, family 5, at run time: D9, test rows that are twins of a training row at the resolution of each feature, which
 * the near-copy check in standardized units (D4) misses when few features vary. Two features agree when equal, when one is
 * the other rounded to one decimal fewer than the feature's usual precision (a sample re-entered as 13.6 and 13.64), or when they differ by less than
 * {@link #STEP_SHARE} of the feature's own step (the 75th percentile of the gaps between its distinct values: a
 * one-parameter alloy series in steps of 0.02 with a composition re-measured as 0.1003). Twins must beat chance: pairs in
 * the band just beyond the tolerance (one to two tolerances away) are counted too, and in a random sample they are as
 * frequent or more; twins are reported when at least 3 and more than {@link #CHANCE_FACTOR} times that band.
 */
final class ResolutionTwins {
    static final double STEP_SHARE = 0.1;
    static final double CHANCE_FACTOR = 3;
    static final double USUAL_SHARE = 0.7;
    private static final int MAX_COMPARISONS = 4000;

    private ResolutionTwins() {
    }

    static void check(String split, Table train, Table test, DynamicChecks.Thresholds th, Set<Integer> copies, List<Finding> out) {
        if (out.stream().anyMatch(f -> f.rule().equals("D4"))) {
            return; // the same twins in feature space are already reported
        }
        check(split, prepare(train, test), test, th, copies, out);
    }

    /**
     * What D9 reads of a split's features before it compares rows: the features it compares, a bound on each one's step,
     * the key feature (most distinct values) and its resolution. Needs no other check's result, so it can run beside them;
     * null when there is nothing to compare.
     */
    record Prepared(List<NumericColumn> tr, List<NumericColumn> te, double[] stepBound, int key, Resolution[] res) {
    }

    static Prepared prepare(Table train, Table test) {
        List<NumericColumn> tr = new ArrayList<>();
        List<NumericColumn> te = new ArrayList<>();
        for (Column c : train.features()) {
            if (c instanceof NumericColumn n && n.missingCount() == 0 && test.column(c.name()).orElse(null) instanceof NumericColumn t
                    && t.missingCount() == 0) {
                tr.add(n);
                te.add(t);
            }
        }
        int k = tr.size();
        if (k == 0 || train.rowCount() < 5 || test.rowCount() < 3) {
            return null;
        }
        // what each feature's tolerance needs (its step, its usual decimals, each value's decimals) is worked out when a
        // pair first differs on it: on a measured table a pair that fails on its first feature never needs the rest
        Resolution[] res = new Resolution[k];
        double[] stepBound = new double[k];
        int key = 0;
        int mostDistinct = -1;
        for (int j = 0; j < k; j++) {
            int distinct = DistinctValues.count(tr.get(j).values(), te.get(j).values());
            stepBound[j] = stepBound(distinct, tr.get(j).values(), te.get(j).values());
            if (distinct > mostDistinct) {
                mostDistinct = distinct;
                key = j;
            }
        }
        resolution(res, tr, te, key);
        return new Prepared(tr, te, stepBound, key, res);
    }

    /** D9 on a prepared split; the caller has made sure D4 did not report the split. */
    static void check(String split, Prepared prepared, Table test, DynamicChecks.Thresholds th, Set<Integer> copies, List<Finding> out) {
        if (prepared == null) {
            return;
        }
        List<NumericColumn> tr = prepared.tr();
        List<NumericColumn> te = prepared.te();
        double[] stepBound = prepared.stepBound();
        int key = prepared.key();
        Resolution[] res = prepared.res();
        Resolution kr = res[key];
        double width = 2 * Math.max(kr.usual > 0 ? 0.5 * Math.pow(10, 1 - kr.usual) : 0, STEP_SHARE * kr.step);
        if (!(width > 0) || !Double.isFinite(width)) {
            return;
        }
        double[] kv = tr.get(key).values();
        Cells cells = new Cells(kv, width);
        boolean[] copy = new boolean[test.rowCount()];
        copies.forEach(t -> copy[t] = true);
        double[] tk = te.get(key).values();
        int twins = 0;
        int band = 0;
        List<String> examples = new ArrayList<>();
        for (int t = 0; t < test.rowCount(); t++) {
            if (copy[t]) {
                continue;
            }
            if ((t & 0xFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
            long cell = (long) Math.floor(tk[t] / width);
            double best = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            int compared = 0;
            for (long c = cell - 1; c <= cell + 1 && compared < MAX_COMPARISONS; c++) {
                for (int i = cells.first(c); i >= 0; i = cells.next(i, c)) {
                    double rho = distance(tr, te, res, stepBound, i, t);
                    compared++;
                    if (rho < best) {
                        best = rho;
                        bestRow = i;
                    }
                }
            }
            if (best <= 1) {
                twins++;
                if (examples.size() < 2) {
                    examples.add(describe(tr, te, bestRow, t));
                }
            } else if (best <= 2) {
                band++;
            }
        }
        if (twins < 3 || twins <= CHANCE_FACTOR * band) {
            return;
        }
        double share = twins / (double) test.rowCount();
        out.add(new Finding("D9", share > th.nearErrorShare() ? Severity.ERROR : Severity.WARNING, "Test rows that are twins of training rows.",
                String.format(Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) match a training row on every feature at that feature's "
                        + "resolution (equal, the same value rounded, or closer than %.0f %% of the feature's step), e.g. %s; only %d are "
                        + "one to two tolerances away, so this is no chance. They are re-entries or re-measurements of the same sample: "
                        + "the model is tested on samples it has seen, and the score is optimistic. Error above %.1f %%.", twins,
                        test.rowCount(), split, 100 * share, 100 * STEP_SHARE, String.join("; ", examples), band, 100 * th.nearErrorShare()),
                "Give each sample one id and split by it (declare it 'group', use split.group), or merge the re-entries before '" + split
                        + "' (round to the coarser resolution with data.derive, then prepare.dedupe or data.aggregate).",
                List.of(split), List.of()));
    }

    /** Largest difference over features in units of that pair's tolerance: ≤ 1 twins, 1–2 the chance band. */
    private static double distance(List<NumericColumn> tr, List<NumericColumn> te, Resolution[] res, double[] stepBound, int i, int t) {
        double rho = 0;
        for (int j = 0; j < tr.size(); j++) {
            double d = Math.abs(tr.get(j).values()[i] - te.get(j).values()[t]);
            if (d == 0) {
                continue;
            }
            int trDec = decimals(tr.get(j).values()[i]);
            int teDec = decimals(te.get(j).values()[t]);
            // the most the tolerance below can be: the rounding allowance needs the feature's usual precision to be the
            // finer of the two, so it is at most the finer one's; a pair this far apart is beyond the band without the
            // feature's step and usual decimals, which a measured feature would otherwise need a sort of its values for
            int finer = Math.max(trDec, teDec);
            double most = Math.max(STEP_SHARE * stepBound[j], finer > 0 && Math.min(trDec, teDec) < finer
                    ? 0.5 * Math.pow(10, 1 - finer) * (1 + 1e-9) : 0);
            if (d > 2 * most) {
                return most == 0 ? Double.POSITIVE_INFINITY : d / most;
            }
            Resolution r = resolution(res, tr, te, j);
            double tol = STEP_SHARE * r.step;
            int coarse = Math.min(trDec, teDec);
            if (r.usual > 0 && coarse < r.usual && Math.max(trDec, teDec) == r.usual) {
                // one written short of the feature's usual precision: the other rounded to one decimal fewer (13.64 as 13.6, 0.04
                // as 0.0, which reads as 0), within half a unit; 8.75 written as 8.8 is a rounding too
                tol = Math.max(tol, 0.5 * Math.pow(10, 1 - r.usual) * (1 + 1e-9));
            }
            if (tol == 0) {
                return Double.POSITIVE_INFINITY;
            }
            rho = Math.max(rho, d / tol);
            if (rho > 2) {
                return rho;
            }
        }
        return rho;
    }

    /**
     * At least {@link #stepOf} of these values, from their range and distinct count alone: a quarter of the gaps between
     * consecutive distinct values are at least the 75th percentile, and all gaps sum to the range.
     */
    static double stepBound(int distinct, double[] a, double[] b) {
        if (distinct < 2) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] v : new double[][] {a, b}) {
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        int gaps = distinct - 1;
        int atLeast = gaps - (int) Math.floor(0.75 * (gaps - 1)); // the gaps from the percentile's place on
        double bound = (max - min) / atLeast * (1 + 1e-9); // room for the rounding of each gap's subtraction
        return Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound;
    }

    /** A feature's step and usual decimals, over the training and test values together. */
    record Resolution(double step, int usual) {
    }

    private static Resolution resolution(Resolution[] res, List<NumericColumn> tr, List<NumericColumn> te, int j) {
        if (res[j] == null) {
            double[] a = tr.get(j).values();
            double[] b = te.get(j).values();
            res[j] = new Resolution(stepOf(concat(a, b)), usualDecimals(nonZero(a, decimals(a)), nonZero(b, decimals(b))));
        }
        return res[j];
    }

    /**
     * The training rows by their cell on the key feature, each cell's rows in order (as the lists of a map from cell to
     * rows gave them, without a boxed key or index per row): rows sorted by cell, a table from cell to its first place.
     */
    private static final class Cells {
        private final long[] cellOf;
        private final RowHashes.Index index;

        Cells(double[] kv, double width) {
            cellOf = new long[kv.length];
            long[] hashes = new long[kv.length];
            for (int i = 0; i < kv.length; i++) {
                cellOf[i] = (long) Math.floor(kv[i] / width);
                hashes[i] = RowHashes.mix(cellOf[i]);
            }
            index = new RowHashes.Index(hashes, null);
        }

        /** The first row in cell {@code c}, or -1. */
        int first(long c) {
            return skip(index.first(RowHashes.mix(c)), c);
        }

        /** The row after {@code i} in cell {@code c}, or -1. */
        int next(int i, long c) {
            return skip(index.next(i), c);
        }

        /** A chain can hold rows of another cell alike in the bits the index keeps: they are passed over. */
        private int skip(int i, long c) {
            while (i >= 0 && cellOf[i] != c) {
                i = index.next(i);
            }
            return i;
        }
    }

    private static String describe(List<NumericColumn> tr, List<NumericColumn> te, int i, int t) {
        List<String> diffs = new ArrayList<>();
        for (int j = 0; j < tr.size() && diffs.size() < 3; j++) {
            if (tr.get(j).values()[i] != te.get(j).values()[t]) {
                diffs.add(tr.get(j).name() + " " + te.get(j).text(t) + " vs " + tr.get(j).text(i));
            }
        }
        return diffs.isEmpty() ? "all features equal (row " + (t + 1) + ")" : String.join(", ", diffs);
    }

    /** The 75th percentile of the gaps between consecutive distinct values (0 for fewer than two values). */
    static double stepOf(double[] v) {
        double[] d = sortedDistinct(v);
        if (d.length < 2) {
            return 0;
        }
        double[] gaps = new double[d.length - 1];
        for (int i = 1; i < d.length; i++) {
            gaps[i - 1] = d[i] - d[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[(int) Math.floor(0.75 * (gaps.length - 1))];
    }

    /**
     * The decimals most values of a feature are written with, when at least {@link #USUAL_SHARE} of them are (a measurement
     * recorded to a fixed precision); -1 otherwise (a series in steps of 0.005 mixes 0.01 and 0.015 by nature).
     */
    static int usualDecimals(int[] a, int[] b) {
        int[] count = new int[13];
        for (int d : a) {
            count[d]++;
        }
        for (int d : b) {
            count[d]++;
        }
        int mode = 0;
        for (int d = 1; d < count.length; d++) {
            if (count[d] > count[mode]) {
                mode = d;
            }
        }
        return count[mode] >= USUAL_SHARE * (a.length + b.length) ? mode : -1;
    }

    /** The distinct values (as {@code Double.equals} tells them) in ascending order, as {@code distinct().sorted()} gives them. */
    static double[] sortedDistinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || Double.doubleToLongBits(s[i]) != Double.doubleToLongBits(s[m - 1])) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }

    /** Decimals each value is written with (its shortest decimal form), at most 12. */
    static int[] decimals(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = decimals(v[i]);
            if ((i & 0xFFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
        return out;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    /**
     * The decimals of one value as {@code Double.toString} writes it, at most 12. Most values (written plainly, at most 15
     * significant digits) are answered without text: the fewest decimals d whose nearest number m·10^-d gives back the
     * value (m and 10^d are exact doubles and the division rounds correctly, so this is exactly "d decimals suffice"),
     * which is what the shortest form has; the rest go through the text as always.
     */
    static int decimals(double v) {
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) { // the range Double.toString writes without an exponent
            for (int d = 0; d <= 12; d++) {
                double m = Math.rint(a * POW10[d]);
                if (m >= 1e15) {
                    break;
                }
                if (m / POW10[d] == a) {
                    return d;
                }
            }
        }
        return Double.isFinite(v) ? Math.max(0, Math.min(12, new BigDecimal(Double.toString(v)).stripTrailingZeros().scale())) : 0;
    }

    /** The decimals of the values that are not zero (0 is exact at any precision, so it tells nothing about one). */
    private static int[] nonZero(double[] v, int[] dec) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> v[i] != 0).map(i -> dec[i]).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
