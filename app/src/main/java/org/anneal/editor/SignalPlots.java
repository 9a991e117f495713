package org.anneal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;

/**
 * A line chart for each signal column of a table (windows [time, channel] with a regular time axis): the windows of the
 * first run stitched together on the rows' time (the window's start plus the axis), one line per channel, with the
 * intervals of windows flagged as anomalous shaded (a numeric column {@code anomaly} or one ending in {@code _flag} that
 * is 1: the score of signals.anomaly-score, or the truth of data.generate-process). No JavaFX here: the chart is drawn by {@link PlotChart}.
 */
public final class SignalPlots {
    /** More shaded intervals than this hide the signal; the rest are merged into the last. */
    static final int MAX_INTERVALS = 12;

    private SignalPlots() {
    }

    /** {@code charts} with a "Signal" view added for each signal column of {@code t}. */
    public static Map<String, Plot> addTo(Map<String, Plot> charts, Table t) {
        Map<String, Plot> out = new LinkedHashMap<>(charts);
        List<TensorColumn> signals = t.columns().stream().filter(c -> c instanceof TensorColumn tc && tc.shape().rank() == 2
                && tc.shape().axis(0).name().equals("time") && !Double.isNaN(tc.shape().axis(0).step())).map(TensorColumn.class::cast).toList();
        for (TensorColumn c : signals) {
            out.put(signals.size() == 1 ? "Signal" : "Signal " + c.name(), stitched(t, c));
        }
        return out;
    }

    static Plot stitched(Table t, TensorColumn c) {
        Axis time = c.shape().axis(0);
        int n = time.size();
        int channels = c.rowSize() / n;
        NumericColumn start = (NumericColumn) t.columns().stream().filter(s -> s.role() == ColumnRole.TIME && s instanceof NumericColumn)
                .findFirst().orElse(null);
        Column group = t.columns().stream().filter(s -> s.role() == ColumnRole.GROUP && !(s instanceof TensorColumn)).findFirst().orElse(null);
        NumericColumn flag = (NumericColumn) t.columns().stream().filter(s -> s instanceof NumericColumn
                && (s.name().equals("anomaly") || s.name().endsWith("_flag"))).findFirst().orElse(null);
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (!c.isMissing(r) && (group == null || group.text(r).equals(group.text(firstPresent(c))))) {
                rows.add(r);
            }
        }
        if (start != null) {
            rows.sort(Comparator.comparingDouble(start::get));
        }
        List<Double> x = new ArrayList<>();
        List<List<Double>> y = new ArrayList<>();
        for (int ch = 0; ch < channels; ch++) {
            y.add(new ArrayList<>());
        }
        List<double[]> intervals = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        double offset = 0;
        for (int r : rows) {
            double t0 = start != null ? start.get(r) : offset;
            offset = t0 + n * time.step();
            for (int i = 0; i < n; i++) {
                double at = t0 + i * time.step();
                if (at <= last) {
                    continue; // overlapping windows: each moment once
                }
                last = at;
                x.add(at);
                for (int ch = 0; ch < channels; ch++) {
                    y.get(ch).add((double) c.values()[c.offset(r) + i * channels + ch]);
                }
            }
            if (flag != null && flag.get(r) == 1) {
                addInterval(intervals, t0, t0 + (n - 1) * time.step());
            }
        }
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Plot.Series> series = new ArrayList<>();
        for (int ch = 0; ch < channels; ch++) {
            double[] ys = y.get(ch).stream().mapToDouble(Double::doubleValue).toArray();
            for (double v : ys) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            series.add(Plot.Series.of(channels == 1 ? c.name() : c.name() + " channel " + (ch + 1), xs, ys));
        }
        for (double[] iv : intervals) {
            series.add(Plot.Series.withBand(flag.name(), iv, new double[] {Double.NaN, Double.NaN}, new double[] {lo, lo}, new double[] {hi, hi}));
        }
        String who = group == null || rows.isEmpty() ? "" : " of " + group.name() + " " + group.text(rows.get(0));
        String shaded = intervals.isEmpty() ? "" : ", shaded where '" + flag.name() + "' is 1";
        return Plot.of(Plot.Kind.LINE, c.name() + who + shaded, "time" + (time.unit().isEmpty() ? "" : " (" + time.unit() + ")"),
                c.unit().isEmpty() ? "value" : "value (" + c.unit() + ")", series, List.of());
    }

    private static int firstPresent(TensorColumn c) {
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                return r;
            }
        }
        return 0;
    }

    /** Adds [a, b], merging it into the last interval when they touch or overlap (windows come in time order). */
    static void addInterval(List<double[]> intervals, double a, double b) {
        double[] prev = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
        if (prev != null && (a <= prev[1] || intervals.size() >= MAX_INTERVALS)) {
            prev[1] = Math.max(prev[1], b);
        } else {
            intervals.add(new double[] {a, b});
        }
    }
}
