package org.anneal.lineage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.CrossValidatedSpec;
import org.anneal.spec.FoldStrategy;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;

/**
 * D1 inside the folds (issue 16, family 1): the rows a cross-validation divides hold exact copies of one another, so with
 * random folds most copies land in different folds and a held-out fold is partly a memory test. Rows are compared by a
 * 64-bit hash of their cells (a tensor cell by its own hash), sorted, so the check is n log n on the whole table with no
 * sample; a false match needs a hash collision (about n²/2⁶⁵, below one in ten million for a million rows).
 */
final class FoldDuplicates {
    private FoldDuplicates() {
    }

    static void check(Validation v, RunResult r, DynamicChecks.Thresholds th, List<Finding> out) {
        for (String cv : v.order()) {
            NodeDescriptor d = v.descriptors().get(cv);
            FoldStrategy folds = d == null || d.role() != LeakageRole.EVALUATE || !v.outSpecs().containsKey(cv) ? null
                    : v.outSpecs().get(cv).asMap().values().stream().filter(s -> s instanceof CrossValidatedSpec)
                    .map(s -> ((CrossValidatedSpec) s).folds()).findFirst().orElse(null);
            if (folds == null || folds == FoldStrategy.GROUP) {
                continue; // group folds keep a group's copies together
            }
            for (InPort<?> p : d.inputs()) {
                PortRef from = v.wiring().getOrDefault(cv, java.util.Map.of()).get(p.name());
                NodeResult nr = from == null ? null : r.nodes().get(from.node());
                if (!p.isFitting() || nr == null || nr.outputs() == null || !(nr.outputs().get(from.port()) instanceof Table t)) {
                    continue;
                }
                CheckBounds.checkInterrupted();
                int copies = rowsWithACopy(t);
                if (copies == 0) {
                    continue;
                }
                double share = copies / (double) t.rowCount();
                out.add(new Finding("D1", share > th.duplicateErrorShare() ? Severity.ERROR : Severity.WARNING,
                        "Rows repeated across the folds.",
                        String.format(Locale.ROOT, "%d of %d rows that '%s' divides into folds (%.1f %%) have an exact copy elsewhere in the "
                                + "table. Folds are formed row by row ('%s'), so most copies end up one in a training fold, one held out: "
                                + "the held-out fold is partly a memory test and the cross-validated score is optimistic. Error above %.1f %%.",
                                copies, t.rowCount(), cv, 100 * share, folds.key(), 100 * th.duplicateErrorShare()),
                        "Remove duplicate rows before '" + cv + "' (Remove duplicate rows, or Average replicates for repeated measurements "
                                + "of one sample), don't oversample in front of it, or form the folds by sample with the 'group' strategy.",
                        List.of(cv), List.of()));
            }
        }
    }

    /** Rows whose cells (ids, groups and times aside) equal another row's. */
    static int rowsWithACopy(Table t) {
        List<Column> cols = t.columns().stream().filter(c -> c.role() != ColumnRole.ID && c.role() != ColumnRole.GROUP
                && c.role() != ColumnRole.TIME).toList();
        int n = t.rowCount();
        long[] h = new long[n];
        for (int i = 0; i < n; i++) {
            long x = 0x9E3779B97F4A7C15L;
            for (Column c : cols) {
                String k = c.key(i);
                for (int j = 0; j < k.length(); j++) {
                    x = (x ^ k.charAt(j)) * 0x100000001B3L;
                }
                x = Long.rotateLeft(x ^ 0xFF51AFD7ED558CCDL, 31) * 0xC4CEB9FE1A85EC53L; // cell separator: "ab","c" ≠ "a","bc"
            }
            h[i] = x;
            if ((i & 0xFFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
        Arrays.sort(h);
        int copies = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && h[j] == h[i]) {
                j++;
            }
            if (j - i > 1) {
                copies += j - i;
            }
            i = j;
        }
        return copies;
    }
}
