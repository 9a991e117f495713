package org.anneal.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;

/**
 * The dynamic layer of the leakage analysis, on the data of a finished run. For every split: D1 rows of
 * the test side that also occur, identically, on the training side; D2 group ids on both sides; D3 a
 * single feature that almost determines the target on the training side (|Spearman| above the threshold).
 */
public final class DynamicChecks {

    /**
     * @param duplicateErrorShare share of test rows duplicated in train above which D1 is an error (a warning above 0)
     * @param spearman            |Spearman| of one feature with the target above which D3 warns
     */
    public record Thresholds(double duplicateErrorShare, double spearman) {
        public static final Thresholds DEFAULT = new Thresholds(0.01, 0.99);
    }

    private final Thresholds thresholds;

    public DynamicChecks(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<Finding> analyze(Validation v, RunResult r) {
        List<Finding> out = new ArrayList<>();
        for (NodeResult nr : r.nodes().values()) {
            NodeDescriptor d = v.descriptors().get(nr.nodeId());
            if (d == null || d.role() != LeakageRole.SPLIT || nr.outputs() == null
                    || !(nr.outputs().get("train") instanceof Table train) || !(nr.outputs().get("test") instanceof Table test)) {
                continue;
            }
            duplicates(nr.nodeId(), train, test, out);
            groups(nr.nodeId(), train, test, out);
            determining(nr.nodeId(), train, out);
        }
        return out;
    }

    private void duplicates(String split, Table train, Table test, List<Finding> out) {
        List<Column> cols = train.columns().stream().filter(c -> c.role() != ColumnRole.ID && c.role() != ColumnRole.GROUP
                && c.role() != ColumnRole.TIME).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < train.rowCount(); i++) {
            seen.add(rowKey(cols, i));
        }
        List<Column> testCols = cols.stream().map(c -> test.column(c.name()).orElseThrow()).toList();
        int dup = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            if (seen.contains(rowKey(testCols, i))) {
                dup++;
            }
        }
        if (dup == 0) {
            return;
        }
        double share = dup / (double) Math.max(1, test.rowCount());
        out.add(new Finding("D1", share > thresholds.duplicateErrorShare() ? Severity.ERROR : Severity.WARNING,
                "Test rows also in the training rows.",
                String.format(java.util.Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) are exact copies of training rows, so part of the test "
                        + "is a memory test. Error above %.1f %%.", dup, test.rowCount(), split, 100 * share, 100 * thresholds.duplicateErrorShare()),
                "Remove duplicate rows before the split (or average replicates of one sample), or split by sample with a Group split.",
                List.of(split), List.of()));
    }

    private static String rowKey(List<Column> cols, int row) {
        StringBuilder sb = new StringBuilder();
        for (Column c : cols) {
            sb.append(c.text(row)).append('\u001f');
        }
        return sb.toString();
    }

    private static void groups(String split, Table train, Table test, List<Finding> out) {
        for (Column g : train.columns()) {
            if (g.role() != ColumnRole.GROUP) {
                continue;
            }
            Set<String> trainGroups = new HashSet<>();
            for (int i = 0; i < g.size(); i++) {
                trainGroups.add(g.text(i));
            }
            Column tg = test.column(g.name()).orElseThrow();
            Set<String> shared = new java.util.TreeSet<>();
            for (int i = 0; i < tg.size(); i++) {
                if (trainGroups.contains(tg.text(i))) {
                    shared.add(tg.text(i));
                }
            }
            if (!shared.isEmpty()) {
                out.add(new Finding("D2", Severity.ERROR, "Groups on both sides of the split.",
                        shared.size() + " value(s) of '" + g.name() + "' occur in both the training and the test rows of '" + split + "' (e.g. "
                                + String.join(", ", shared.stream().limit(5).toList()) + ").",
                        "Use a Group split on '" + g.name() + "'.", List.of(split), List.of()));
            }
        }
    }

    private void determining(String split, Table train, List<Finding> out) {
        Column target = train.target().orElse(null);
        if (!(target instanceof NumericColumn y) || train.rowCount() < 10) {
            return;
        }
        double[] ry = ranks(y.values());
        for (Column c : train.features()) {
            if (c instanceof NumericColumn x && x.missingCount() == 0 && y.missingCount() == 0) {
                double rho = pearson(ranks(x.values()), ry);
                if (Math.abs(rho) > thresholds.spearman()) {
                    out.add(new Finding("D3", Severity.WARNING, "One feature almost determines the target.",
                            String.format(java.util.Locale.ROOT, "On the training rows of '%s', '%s' alone orders the target '%s' almost perfectly "
                                    + "(|Spearman| = %.4f > %.2f). It may be the target in disguise (derived from it, or measured after it).",
                                    split, x.name(), y.name(), Math.abs(rho), thresholds.spearman()),
                            "Check how '" + x.name() + "' is obtained; if it is known only after the outcome, declare it postOutcome and ignore it.",
                            List.of(split), List.of()));
                }
            }
        }
    }

    /** Ranks with ties averaged. */
    static double[] ranks(double[] v) {
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
