package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.TableSpec;

/**
 * The preview of a block that cuts each signal into windows (signals.window): a row's whole signal with the stretch of
 * every window cut from it shaded, windows 1, 3, 5, … in one colour and 2, 4, 6, … in another, so their boundaries, their
 * overlap (a stride below the window's length shades a stretch twice) and the tail too short for a window show. Found
 * from specs: the same signal column on both sides, on the same axis with the same step but fewer samples out, and a
 * time column out (the windows' start). A window belongs to the next row whose other columns agree with its own and
 * whose signal holds the window's samples where its start puts it, so the spans are the run's own windows. When as many
 * rows come out as went in, a row is overlaid on its cut as any other block's. No JavaFX.
 *
 * @param start the time column of the windows: the row's own time column shifted, or a new one
 */
record WindowSpans(String column, String start) implements BeforeAfter.Drawing {
    static final String ODD = "windows 1, 3, 5, …";
    static final String EVEN = "windows 2, 4, 6, …";

    static Optional<WindowSpans> of(String column, TableSpec in, TableSpec out) {
        ColumnSpec a = in.column(column).orElse(null);
        ColumnSpec b = out.column(column).orElse(null);
        if (a == null || b == null || !a.isTensor() || !b.isTensor() || a.shape().rank() != b.shape().rank()) {
            return Optional.empty();
        }
        Axis ax = a.shape().axis(0);
        Axis bx = b.shape().axis(0);
        if (!ax.name().equals(bx.name()) || !ax.unit().equals(bx.unit()) || bx.size() >= ax.size() || Double.isNaN(ax.step()) || ax.step() != bx.step()) {
            return Optional.empty();
        }
        return out.columns().stream().filter(c -> c.role() == ColumnRole.TIME && c.isNumeric() && !c.isTensor()).map(ColumnSpec::name).findFirst()
                .map(t -> new WindowSpans(column, t));
    }

    @Override
    public Optional<BeforeAfter.Rows> rows(Table before, Table after) {
        TensorColumn c = BeforeAfter.tensor(before, column);
        if (c == null || BeforeAfter.tensor(after, column) == null || before.rowCount() == 0) {
            return Optional.empty();
        }
        if (before.rowCount() == after.rowCount()) { // one cut per row (or a block that only shortens the signal): overlay them
            return BeforeAfter.rows(before, after, column);
        }
        return Optional.of(new BeforeAfter.Rows(before.rowCount(), c.shape().rank() == 2 ? c.shape().axis(1).size() : 1, BeforeAfter.rowNames(before)));
    }

    @Override
    public List<Plot> plots(Table before, Table after, BeforeAfter.Rows rows, int row, int channel) {
        if (before.rowCount() == after.rowCount()) {
            return BeforeAfter.plots(before, after, column, row, channel, rows.name(row), null);
        }
        TensorColumn c = BeforeAfter.tensor(before, column);
        Axis axis = c.shape().axis(0);
        List<double[]> windows = windowsOf(before, after, row);
        List<Plot.Span> spans = new ArrayList<>();
        for (int k = 0; k < windows.size(); k++) {
            spans.add(new Plot.Span(k % 2 == 0 ? ODD : EVEN, windows.get(k)[0], windows.get(k)[1]));
        }
        int length = BeforeAfter.tensor(after, column).shape().axis(0).size();
        String what = column + ", " + rows.name(row) + (rows.channels() > 1 ? ", channel " + (channel + 1) : "") + ": "
                + (windows.isEmpty() ? "no window (shorter than one)" : windows.size() + (windows.size() == 1 ? " window" : " windows")) + " of " + length + " samples";
        return List.of(Plot.of(Plot.Kind.LINE, what, BeforeAfter.xLabel(axis), BeforeAfter.yLabel(c.unit()), List.of(BeforeAfter.trace("signal", c, row, channel)),
                List.of()).withSpans(spans));
    }

    /** The windows cut from row {@code row}, each as [first, last] sample on the row's axis, in order. */
    List<double[]> windowsOf(Table before, Table after, int row) {
        TensorColumn in = BeforeAfter.tensor(before, column);
        TensorColumn out = BeforeAfter.tensor(after, column);
        NumericColumn starts = after.numeric(start);
        NumericColumn rowTime = before.column(start).filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).orElse(null);
        List<Column> keys = before.columns().stream().filter(k -> !(k instanceof TensorColumn) && k != rowTime && after.column(k.name()).isPresent()).toList();
        Axis axis = in.shape().axis(0);
        int length = out.shape().axis(0).size();
        List<double[]> found = new ArrayList<>();
        int r = 0;
        for (int w = 0; w < after.rowCount() && r <= row; w++) {
            int offset = -1;
            while (r <= row && (offset = offset(in, r, out, w, keys, before, after, rowTime, starts.get(w))) < 0) {
                r++;
            }
            if (r == row && offset >= 0) {
                found.add(new double[] {axis.value(offset), axis.value(offset + length - 1)});
            }
        }
        return found;
    }

    /** Where window {@code w} starts in row {@code r}'s signal, or −1 when it was not cut from that row. */
    private static int offset(TensorColumn in, int r, TensorColumn out, int w, List<Column> keys, Table before, Table after, NumericColumn rowTime, double start) {
        for (Column k : keys) {
            Column o = after.column(k.name()).orElseThrow();
            if (k.isMissing(r) != o.isMissing(w) || (!k.isMissing(r) && !k.text(r).equals(o.text(w)))) {
                return -1;
            }
        }
        if (in.isMissing(r)) {
            return -1;
        }
        Axis axis = in.shape().axis(0);
        // the window's start is the row's time plus its offset on the row's axis (or that offset alone without a row time)
        double at = rowTime == null ? start : start - rowTime.get(r) + axis.value(0);
        int s = (int) Math.round((at - axis.value(0)) / axis.step());
        int n = out.rowSize();
        if (s < 0 || (long) s * (in.rowSize() / axis.size()) + n > in.rowSize()) {
            return -1;
        }
        int from = in.offset(r) + s * (in.rowSize() / axis.size());
        for (int i = 0; i < n; i++) {
            if (Float.compare(in.values()[from + i], out.values()[out.offset(w) + i]) != 0) {
                return -1;
            }
        }
        return s;
    }
}
