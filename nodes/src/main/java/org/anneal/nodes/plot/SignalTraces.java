package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;

/**
 * The signal view, for plot.signal and the editor's Signal chart alike: the windows of one run stitched together on the
 * rows' time (each window's start, its TIME column, plus the axis), one line per channel, with shaded spans where windows
 * are flagged (an anomaly score's {@code _flag} column, the generator's {@code anomaly} truth) and where the signal was
 * high between trigger events (signals.trigger's {@code events} table: a rising event and its duration; a falling event
 * with no rising one before it in view means the signal was already high when its window began).
 */
public final class SignalTraces {
    /** More shaded intervals than this hide the signal; the rest are merged into the last. */
    public static final int MAX_INTERVALS = 12;
    /** The name of the spans drawn from trigger events. */
    public static final String EVENT_SPAN = "high (between events)";

    private SignalTraces() {
    }

    /** A signal column: [time, channels] with a regular time axis, so windows can be laid out on the clock. */
    public static boolean isSignal(Column c) {
        return c instanceof TensorColumn tc && tc.shape().rank() <= 2 && tc.shape().axis(0).name().equals("time")
                && !Double.isNaN(tc.shape().axis(0).step());
    }

    /** The column whose 1 marks a flagged window: {@code anomaly} or a name ending in {@code _flag}; null when none. */
    public static NumericColumn flagColumn(Table t) {
        return (NumericColumn) t.columns().stream().filter(s -> s instanceof NumericColumn && (s.name().equals("anomaly") || s.name().endsWith("_flag")))
                .findFirst().orElse(null);
    }

    /**
     * @param run     the group value of the run to show; null = the run of the first row with a signal
     * @param channel 0-based channel to draw; -1 = every channel
     * @param flag    windows to shade where it is 1; null = none
     * @param events  trigger events to shade (time, direction, duration); null = none
     */
    public static Plot stitched(Table t, TensorColumn c, String run, int channel, NumericColumn flag, Table events) {
        Axis time = c.shape().axis(0);
        int n = time.size();
        int channels = c.rowSize() / n;
        NumericColumn start = (NumericColumn) t.columns().stream().filter(s -> s.role() == ColumnRole.TIME && s instanceof NumericColumn)
                .findFirst().orElse(null);
        Column group = t.columns().stream().filter(s -> s.role() == ColumnRole.GROUP && !(s instanceof TensorColumn)).findFirst().orElse(null);
        String shownRun = group == null ? null : run != null ? run : group.text(firstPresent(c));
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (!c.isMissing(r) && (group == null || group.text(r).equals(shownRun))) {
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
        List<double[]> flagged = new ArrayList<>();
        List<double[]> windows = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        double offset = 0;
        for (int r : rows) {
            double t0 = start != null ? start.get(r) : offset;
            offset = t0 + n * time.step();
            windows.add(new double[] {t0, t0 + (n - 1) * time.step()});
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
                addInterval(flagged, t0, t0 + (n - 1) * time.step());
            }
        }
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        List<Plot.Series> series = new ArrayList<>();
        for (int ch = 0; ch < channels; ch++) {
            if (channel >= 0 && ch != channel) {
                continue;
            }
            double[] ys = y.get(ch).stream().mapToDouble(Double::doubleValue).toArray();
            series.add(Plot.Series.of(channels == 1 ? c.name() : c.name() + " channel " + (ch + 1), xs, ys));
        }
        List<Plot.Span> spans = new ArrayList<>();
        flagged.forEach(iv -> spans.add(new Plot.Span(flag.name() + " = 1", iv[0], iv[1])));
        List<double[]> high = events == null || xs.length == 0 ? List.of()
                : eventSpans(events, group == null ? null : group.name(), shownRun, windows);
        high.forEach(iv -> spans.add(new Plot.Span(EVENT_SPAN, iv[0], iv[1])));
        String who = shownRun == null || rows.isEmpty() ? "" : " of " + group.name() + " " + shownRun;
        List<String> shaded = new ArrayList<>();
        if (!flagged.isEmpty()) {
            shaded.add("where '" + flag.name() + "' is 1");
        }
        if (!high.isEmpty()) {
            shaded.add("high between trigger events");
        }
        String title = c.name() + who + (shaded.isEmpty() ? "" : ", shaded " + String.join(" and ", shaded));
        return Plot.of(Plot.Kind.LINE, title, "time" + (time.unit().isEmpty() ? "" : " (" + time.unit() + ")"),
                c.unit().isEmpty() ? "value" : "value (" + c.unit() + ")", series, List.of()).withSpans(spans);
    }

    /**
     * The intervals the signal was high, from the events of the shown run that fall inside one of its windows ([start,
     * end] each): a rising event lasts its duration (to the end of its window when it has none, the last event there);
     * a falling one with no rising event before it started high at the start of its window. Overlapping windows repeat
     * events; their intervals merge.
     */
    public static List<double[]> eventSpans(Table events, String groupName, String run, List<double[]> windows) {
        NumericColumn when = events.column("time").filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).orElse(null);
        if (when == null) {
            return List.of();
        }
        Column direction = events.column("direction").orElse(null);
        NumericColumn duration = events.column("duration").filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).orElse(null);
        Column group = groupName == null ? null : events.column(groupName).orElse(null);
        List<double[]> raw = new ArrayList<>();
        for (int e = 0; e < events.rowCount(); e++) {
            double t = when.get(e);
            double[] window = null; // the latest window that holds the event
            for (double[] w : windows) {
                window = w[0] <= t && t <= w[1] && (window == null || w[0] > window[0]) ? w : window;
            }
            if (window == null || (group != null && !group.text(e).equals(run))) {
                continue;
            }
            boolean falling = direction != null && "falling".equals(direction.text(e));
            if (!falling) {
                double d = duration == null ? Double.NaN : duration.get(e);
                raw.add(new double[] {t, Double.isNaN(d) ? window[1] : t + d});
            } else if (raw.stream().noneMatch(iv -> iv[0] <= t && iv[1] >= t)) {
                raw.add(new double[] {window[0], t});
            }
        }
        raw.sort(Comparator.comparingDouble(iv -> iv[0]));
        List<double[]> out = new ArrayList<>();
        raw.forEach(iv -> addInterval(out, iv[0], iv[1]));
        return out;
    }

    private static int firstPresent(TensorColumn c) {
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                return r;
            }
        }
        return 0;
    }

    /** Adds [a, b], merging it into the last interval when they touch or overlap (intervals come in time order). */
    static void addInterval(List<double[]> intervals, double a, double b) {
        double[] prev = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
        if (prev != null && (a <= prev[1] || intervals.size() >= MAX_INTERVALS)) {
            prev[1] = Math.max(prev[1], b);
        } else {
            intervals.add(new double[] {a, b});
        }
    }
}
