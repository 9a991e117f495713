package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ExecContext;

/**
 * Rows that repeat an earlier kept row up to a relative tolerance on every numeric column (and exactly on the others: a
 * category by its text, a tensor by a hash of its values).
 * Kept rows are indexed by their first numeric value, so each row is compared only with the kept rows whose first
 * value is within reach: |a − b| ≤ tol·max(|a|, |b|) implies |a − b| ≤ 2·tol·|a| / (1 − tol).
 */
final class NearCopies {
    private NearCopies() {
    }

    static int[] firstOccurrences(Table t, List<Column> cols, double tol, ExecContext ctx) {
        List<NumericColumn> num = cols.stream().filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).toList();
        List<Column> other = cols.stream().filter(c -> !(c instanceof NumericColumn)).toList();
        String[][] otherKeys = new String[other.size()][]; // once per cell: a tensor's key hashes all its values
        for (int j = 0; j < other.size(); j++) {
            Column c = other.get(j);
            otherKeys[j] = new String[t.rowCount()];
            for (int i = 0; i < t.rowCount(); i++) {
                otherKeys[j][i] = c.isMissing(i) ? null : c.key(i);
            }
        }
        TreeMap<Double, List<Integer>> kept = new TreeMap<>();
        List<Integer> keep = new ArrayList<>();
        List<Integer> unindexed = new ArrayList<>(); // kept rows whose first numeric value is missing
        for (int i = 0; i < t.rowCount(); i++) {
            if ((i & 1023) == 0) {
                ctx.checkCancelled();
                ctx.progress(i / (double) Math.max(1, t.rowCount()));
            }
            boolean copy = false;
            if (num.isEmpty() || num.get(0).isMissing(i)) {
                for (int k : unindexed) {
                    if (same(num, otherKeys, k, i, tol)) {
                        copy = true;
                        break;
                    }
                }
            } else {
                double a = num.get(0).get(i);
                double reach = 2 * tol * Math.abs(a) / (1 - tol);
                outer:
                for (Map.Entry<Double, List<Integer>> e : kept.subMap(a - reach, true, a + reach, true).entrySet()) {
                    for (int k : e.getValue()) {
                        if (same(num, otherKeys, k, i, tol)) {
                            copy = true;
                            break outer;
                        }
                    }
                }
            }
            if (!copy) {
                keep.add(i);
                if (num.isEmpty() || num.get(0).isMissing(i)) {
                    unindexed.add(i);
                } else {
                    kept.computeIfAbsent(num.get(0).get(i), x -> new ArrayList<>()).add(i);
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean same(List<NumericColumn> num, String[][] otherKeys, int a, int b, double tol) {
        for (NumericColumn c : num) {
            double x = c.get(a);
            double y = c.get(b);
            if (Double.isNaN(x) != Double.isNaN(y)) {
                return false;
            }
            if (!Double.isNaN(x) && Math.abs(x - y) > tol * Math.max(Math.abs(x), Math.abs(y))) {
                return false;
            }
        }
        for (String[] keys : otherKeys) {
            if (!java.util.Objects.equals(keys[a], keys[b])) {
                return false;
            }
        }
        return true;
    }
}
