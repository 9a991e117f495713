package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/** Time-indexed rows cut into series: one per value of a group column (a run), each in time order. */
final class TimeSeries {
    private TimeSeries() {
    }

    /**
     * Row indices of each series, series in order of first appearance, rows sorted by the table's numeric time column
     * (stable for equal stamps). A row without a time stamp is an error naming it.
     */
    static List<int[]> of(Table t, String group) {
        NumericColumn time = (NumericColumn) t.columns().stream().filter(c -> c.role() == ColumnRole.TIME && c instanceof NumericColumn)
                .findFirst().orElseThrow();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (time.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no time stamp in '" + time.name() + "'.", "Drop rows without a time first.");
            }
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble(time::get));
        Column key = group == null || group.isEmpty() ? null : t.column(group).orElseThrow();
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (int i : idx) {
            series.computeIfAbsent(key == null ? "" : key.text(i), k -> new ArrayList<>()).add(i);
        }
        return series.values().stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toList();
    }
}
