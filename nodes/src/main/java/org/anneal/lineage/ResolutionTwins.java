package org.anneal.lineage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            return;
        }
        double[] step = new double[k];
        int[][] trDec = new int[k][];
        int[][] teDec = new int[k][];
        int[] usual = new int[k]; // decimals most values of a feature are written with; -1 when no precision is usual
        int key = 0;
        double width = 0;
        int mostDistinct = -1;
        for (int j = 0; j < k; j++) {
            double[] all = concat(tr.get(j).values(), te.get(j).values());
            step[j] = stepOf(all);
            trDec[j] = decimals(tr.get(j).values());
            teDec[j] = decimals(te.get(j).values());
            usual[j] = usualDecimals(nonZero(tr.get(j).values(), trDec[j]), nonZero(te.get(j).values(), teDec[j]));
            int distinct = (int) Arrays.stream(all).distinct().count();
            if (distinct > mostDistinct) {
                mostDistinct = distinct;
                key = j;
            }
        }
        width = 2 * Math.max(usual[key] > 0 ? 0.5 * Math.pow(10, 1 - usual[key]) : 0, STEP_SHARE * step[key]);
        if (!(width > 0) || !Double.isFinite(width)) {
            return;
        }
        Map<Long, List<Integer>> cells = new HashMap<>();
        double[] kv = tr.get(key).values();
        for (int i = 0; i < kv.length; i++) {
            cells.computeIfAbsent((long) Math.floor(kv[i] / width), c -> new ArrayList<>()).add(i);
        }
        int twins = 0;
        int band = 0;
        List<String> examples = new ArrayList<>();
        for (int t = 0; t < test.rowCount(); t++) {
            if (copies.contains(t)) {
                continue;
            }
            CheckBounds.checkInterrupted();
            long cell = (long) Math.floor(te.get(key).values()[t] / width);
            double best = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            int compared = 0;
            for (long c = cell - 1; c <= cell + 1 && compared < MAX_COMPARISONS; c++) {
                for (int i : cells.getOrDefault(c, List.of())) {
                    double rho = distance(tr, te, trDec, teDec, usual, step, i, t);
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
    private static double distance(List<NumericColumn> tr, List<NumericColumn> te, int[][] trDec, int[][] teDec, int[] usual, double[] step,
                                   int i, int t) {
        double rho = 0;
        for (int j = 0; j < tr.size(); j++) {
            double d = Math.abs(tr.get(j).values()[i] - te.get(j).values()[t]);
            if (d == 0) {
                continue;
            }
            double tol = STEP_SHARE * step[j];
            int coarse = Math.min(trDec[j][i], teDec[j][t]);
            if (usual[j] > 0 && coarse < usual[j] && Math.max(trDec[j][i], teDec[j][t]) == usual[j]) {
                // one written short of the feature's usual precision: the other rounded to one decimal fewer (13.64 as 13.6, 0.04
                // as 0.0, which reads as 0), within half a unit; 8.75 written as 8.8 is a rounding too
                tol = Math.max(tol, 0.5 * Math.pow(10, 1 - usual[j]) * (1 + 1e-9));
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
        double[] d = Arrays.stream(v).distinct().sorted().toArray();
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

    /** Decimals each value is written with (its shortest decimal form), at most 12. */
    static int[] decimals(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isFinite(v[i]) ? Math.max(0, Math.min(12, new BigDecimal(Double.toString(v[i])).stripTrailingZeros().scale())) : 0;
        }
        return out;
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
