package org.anneal.lineage;

import java.util.List;
import java.util.Locale;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;

/**
 * D5 for rows that are signal windows: every test window may start after the last training window *starts* and still share
 * samples with it, when that training window ends later. Reported when the test rows otherwise come after the training
 * rows (D5 proper did not fire), with the share of test windows that start before the last training window ends.
 */
final class WindowOverlap {
    private WindowOverlap() {
    }

    static void check(String split, Table train, Table test, List<Finding> out) {
        if (train.rowCount() == 0 || test.rowCount() == 0 || out.stream().anyMatch(f -> f.rule().equals("D5"))) {
            return;
        }
        NumericColumn time = (NumericColumn) train.columns().stream().filter(c -> c.role() == ColumnRole.TIME && c instanceof NumericColumn)
                .findFirst().orElse(null);
        TensorColumn window = null;
        for (Column c : train.columns()) {
            if (c instanceof TensorColumn t && t.shape().rank() <= 2 && !Double.isNaN(t.shape().axis(0).step())
                    && t.shape().axis(0).unit().equals(time == null ? null : time.unit())) {
                window = t;
                break;
            }
        }
        if (time == null || window == null) {
            return;
        }
        double span = (window.shape().axis(0).size() - 1) * window.shape().axis(0).step();
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < time.size(); i++) {
            if (!time.isMissing(i)) {
                lastEnd = Math.max(lastEnd, time.get(i) + span);
            }
        }
        NumericColumn testTime = test.numeric(time.name());
        int inside = 0;
        for (int i = 0; i < testTime.size(); i++) {
            if (!testTime.isMissing(i) && testTime.get(i) <= lastEnd) {
                inside++;
            }
        }
        if (inside == 0) {
            return;
        }
        out.add(new Finding("D5", Severity.WARNING, "Test windows share samples with training windows.",
                String.format(Locale.ROOT, "%d of %d test windows of '%s' start at or before %s %s, where the last training window "
                        + "('%s' spans %s %s) ends: their first samples were also in the training rows.", inside, test.rowCount(), split,
                        num(lastEnd), time.unit(), window.name(), num(span), time.unit()),
                "Give the time split a gap of at least " + num(span) + " " + time.unit() + " (split.time 'gap'), or cut windows side by side.",
                List.of(split), List.of()));
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.4g", x);
    }
}
