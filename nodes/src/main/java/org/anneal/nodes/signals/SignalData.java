package org.anneal.nodes.signals;

import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;

/**
 * A signal column as the signal blocks read it at run time: the tensor, its time axis, the samples per row and the
 * channels, and the rows' own numeric time column (the window's start), null when there is none.
 */
record SignalData(TensorColumn column, Axis time, int samples, int channels, NumericColumn rowTime) {

    static SignalData of(Table t, String column) {
        TensorColumn c = (TensorColumn) t.column(column).orElseThrow();
        Axis time = c.shape().axis(0);
        NumericColumn rowTime = (NumericColumn) t.columns().stream().filter(s -> s.role() == ColumnRole.TIME && s instanceof NumericColumn)
                .findFirst().orElse(null);
        return new SignalData(c, time, time.size(), c.rowSize() / time.size(), rowTime);
    }

    /** Channel {@code ch} of row {@code r} into {@code y} (NaN throughout for a missing row). */
    void channel(int r, int ch, double[] y) {
        for (int i = 0; i < samples; i++) {
            y[i] = column.isMissing(r) ? Double.NaN : column.values()[column.offset(r) + i * channels + ch];
        }
    }
}
