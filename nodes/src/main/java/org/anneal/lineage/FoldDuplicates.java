package org.anneal.lineage;

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
 * random folds most copies land in different folds and a held-out fold is partly a memory test. Rows are found by a
 * 64-bit hash of their cells and then compared cell by cell ({@link RowHashes}), so the check is linear on the whole
 * table with no sample and a hash collision cannot count a row that has no copy.
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
        RowHashes rows = new RowHashes(cols, null);
        long[] h = rows.hashes(n);
        RowHashes.Index index = new RowHashes.Index(h, null);
        int copies = 0;
        for (int i = 0; i < n; i++) {
            for (int k = index.first(h[i]); k >= 0; k = index.next(k)) {
                if (k != i && rows.same(i, rows, k)) {
                    copies++;
                    break;
                }
            }
            if ((i & 0xFFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
        return copies;
    }
}
