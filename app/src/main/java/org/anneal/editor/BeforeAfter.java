package org.anneal.editor;

import java.util.List;
import java.util.Optional;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.Validation;
import org.anneal.graph.PortRef;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.SignalTraces;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.OutPort;
import org.anneal.spec.ParamType;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * The before/after preview of a processing block: one row's spectrum or signal as it went in and as it came out, on
 * the physical axis. Which blocks get one is read from their declarations and configured specs, not from a list: a
 * block that names a column (a COLUMN parameter) which is a spectrum or a signal both in its table input and in its
 * table output (spectra.smooth, spectra.baseline, signals.derivative, …; not a split, not a block that turns the column
 * into features); and, through a {@link Drawing}, blocks whose output is not the same rows of the same column: a signal
 * down the rows ({@link SeriesBeforeAfter}: signals.resample's long-format log, signals.smooth over rows), lag columns
 * beside it ({@link LagBeforeAfter}), a peak table ({@link PeakMarks}), windows cut from a signal ({@link WindowSpans}),
 * a spectrum spread over channel columns ({@link ChannelRow}: spectra.non-negative). The values are the run's own (the
 * upstream port's value and the block's output), never recomputed. No JavaFX here: {@link BeforeAfterPane} shows the
 * plots.
 */
public final class BeforeAfter {
    private BeforeAfter() {
    }

    /**
     * The preview a block offers: its table input, the output port and the column on both.
     *
     * @param upstream the output feeding {@code input}
     * @param events   another table output holding events on the clock (a TIME column {@code time} and a
     *                 {@code duration}: signals.trigger's), shaded on the preview; null when there is none
     * @param drawing  how the preview is drawn when it is not one row of a tensor column over the same row after; else null
     */
    public record Target(String nodeId, String input, PortRef upstream, String output, String column, String events, Drawing drawing) {
        public Target(String nodeId, String input, PortRef upstream, String output, String column, String events) {
            this(nodeId, input, upstream, output, column, events, null);
        }
    }

    /**
     * A preview drawn otherwise than one row of a tensor column over the same row after it. Implementations hold no
     * tables: they read the run's before and after tables each time.
     */
    public interface Drawing {
        /** What the chooser offers, or empty when the tables do not pair up. */
        Optional<Rows> rows(Table before, Table after);

        /** The plots of entry {@code row} (channel {@code channel} of a signal). */
        List<Plot> plots(Table before, Table after, Rows rows, int row, int channel);

        /** What one entry of the chooser is called. */
        default String entry() {
            return "Row";
        }

        /** Whether the block handed on what is drawn untouched, so that before and after would be equal. */
        default boolean untouched(Table before, Table after) {
            return false;
        }
    }

    /** The block's preview target, if it processes a spectrum or signal column in place. */
    public static Optional<Target> of(String nodeId, NodeDescriptor d, com.fasterxml.jackson.databind.node.ObjectNode params, Validation v) {
        if (d == null || v == null || d.role() == LeakageRole.SPLIT || d.role() == LeakageRole.SOURCE || d.role() == LeakageRole.SINK) {
            return Optional.empty();
        }
        Specs in = v.inSpecs().get(nodeId);
        Specs out = v.outSpecs().get(nodeId);
        var wiring = v.wiring().get(nodeId);
        if (in == null || out == null || wiring == null) {
            return Optional.empty();
        }
        for (var p : d.params()) {
            if (p.type() != ParamType.COLUMN) {
                continue;
            }
            String column = params != null && params.hasNonNull(p.name()) ? params.get(p.name()).asText()
                    : p.defaultJson() == null ? "" : p.defaultJson().asText();
            for (InPort<?> ip : d.inputs()) {
                if (ip.kind() != DataKind.TABLE || ip.isFitting() || !wiring.containsKey(ip.name()) || !isTrace(in.get(ip.name()), column)) {
                    continue;
                }
                TableSpec inTable = (TableSpec) in.get(ip.name());
                for (OutPort<?> op : d.outputs()) {
                    if (op.kind() == DataKind.TABLE && isCurve(out.get(op.name()), column) && !addsTensorColumn(in.get(ip.name()), out.get(op.name()))) {
                        String events = d.outputs().stream().filter(e -> e != op && isEvents(out.get(e.name()))).map(OutPort::name).findFirst().orElse(null);
                        Drawing windows = WindowSpans.of(column, inTable, (TableSpec) out.get(op.name())).orElse(null);
                        return Optional.of(new Target(nodeId, ip.name(), wiring.get(ip.name()), op.name(), column, events, windows));
                    }
                    if (op.kind() == DataKind.TABLE && out.get(op.name()) instanceof TableSpec peaks && PeakMarks.of(column, inTable, peaks).isPresent()) {
                        return Optional.of(new Target(nodeId, ip.name(), wiring.get(ip.name()), op.name(), column, null, PeakMarks.of(column, inTable, peaks).get()));
                    }
                }
            }
        }
        for (InPort<?> ip : d.inputs()) {
            if (ip.kind() != DataKind.TABLE || ip.isFitting() || !wiring.containsKey(ip.name()) || !(in.get(ip.name()) instanceof TableSpec inTable)) {
                continue;
            }
            for (OutPort<?> op : d.outputs()) {
                if (op.kind() == DataKind.TABLE && out.get(op.name()) instanceof TableSpec outTable) {
                    var series = SeriesBeforeAfter.of(d, params, inTable, outTable);
                    if (series.isPresent()) {
                        return Optional.of(new Target(nodeId, ip.name(), wiring.get(ip.name()), op.name(), series.get().value(), null, series.get()));
                    }
                    var lags = LagBeforeAfter.of(d, params, inTable, outTable);
                    if (lags.isPresent()) {
                        return Optional.of(new Target(nodeId, ip.name(), wiring.get(ip.name()), op.name(), String.join(", ", lags.get().columns()), null, lags.get()));
                    }
                    var channels = ChannelRow.of(d, params, inTable, outTable);
                    if (channels.isPresent()) {
                        return Optional.of(new Target(nodeId, ip.name(), wiring.get(ip.name()), op.name(), channels.get().axis() + " channels", null, channels.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the block writes a new tensor column beside its input (a spectrogram): then the input column comes out
     * unchanged, and a before/after of it would show two equal curves.
     */
    static boolean addsTensorColumn(Spec in, Spec out) {
        if (!(in instanceof TableSpec i) || !(out instanceof TableSpec o)) {
            return false;
        }
        return o.columns().stream().anyMatch(c -> c.isTensor() && i.column(c.name()).isEmpty());
    }

    /** Whether {@code s} is a table whose column {@code name} holds a spectrum (one axis) or a signal (time first). */
    static boolean isTrace(Spec s, String name) {
        if (!(s instanceof TableSpec t)) {
            return false;
        }
        ColumnSpec c = t.column(name).orElse(null);
        return c != null && c.isTensor() && (c.shape().rank() == 1 || (c.shape().rank() == 2 && c.shape().axis(0).name().equals("time")));
    }

    /** What may come out of such a block: a curve per row and channel on any axis (an FFT's frequencies). */
    static boolean isCurve(Spec s, String name) {
        ColumnSpec c = s instanceof TableSpec t ? t.column(name).orElse(null) : null;
        return c != null && c.isTensor() && c.shape().rank() <= 2;
    }

    private static boolean isEvents(Spec s) {
        return s instanceof TableSpec t && t.column("time").filter(c -> c.isNumeric() && c.role() == ColumnRole.TIME).isPresent()
                && t.column("duration").isPresent();
    }

    /** Rows, channels and a name for each row, for the row chooser (a series preview names its series in {@code labels}). */
    public record Rows(int count, int channels, Column names, List<String> labels) {
        public Rows(int count, int channels, Column names) {
            this(count, channels, names, null);
        }

        public String name(int row) {
            if (labels != null) {
                return labels.get(row);
            }
            return names == null || names.isMissing(row) ? "row " + (row + 1) : names.name() + " " + names.text(row);
        }
    }

    /** What the chooser offers for a target: rows of a tensor column, or the entries of its drawing. */
    public static Optional<Rows> rows(Table before, Table after, Target target) {
        return target.drawing() == null ? rows(before, after, target.column()) : target.drawing().rows(before, after);
    }

    /** The plots of row (or series) {@code row} of a target. */
    public static List<Plot> plots(Table before, Table after, Target target, Rows rows, int row, int channel, Table events) {
        return target.drawing() == null ? plots(before, after, target.column(), row, channel, rows.name(row), events)
                : target.drawing().plots(before, after, rows, row, channel);
    }

    /**
     * Whether the block handed the column on untouched (spectra.l3l2, signals.anomaly-score measure it into new columns):
     * then a before and after would be two equal curves. A trigger's events are still worth showing on it.
     */
    public static boolean passesThrough(Table before, Table after, Target target) {
        if (target.drawing() != null) {
            return target.drawing().untouched(before, after);
        }
        TensorColumn a = tensor(before, target.column());
        return target.events() == null && a != null && a == tensor(after, target.column());
    }

    /** The column that names a table's rows in the chooser (an ID or group column), or null. */
    static Column rowNames(Table t) {
        return t.columns().stream().filter(c -> !(c instanceof TensorColumn) && (c.role() == ColumnRole.ID || c.role() == ColumnRole.GROUP))
                .findFirst().orElse(null);
    }

    /** What the chooser offers, or empty when the output rows are not the input rows (windows, a filter). */
    public static Optional<Rows> rows(Table before, Table after, String column) {
        TensorColumn a = tensor(before, column);
        TensorColumn b = tensor(after, column);
        if (a == null || b == null || before.rowCount() != after.rowCount() || before.rowCount() == 0) {
            return Optional.empty();
        }
        int channels = a.shape().rank() == 2 ? a.shape().axis(1).size() : 1;
        return Optional.of(new Rows(before.rowCount(), channels, rowNames(before)));
    }

    static TensorColumn tensor(Table t, String column) {
        return t == null ? null : t.column(column).filter(TensorColumn.class::isInstance).map(TensorColumn.class::cast).orElse(null);
    }

    /**
     * Row {@code row}'s trace before and after, channel {@code channel} of a signal: one plot with both lines when the
     * block keeps the axis quantity (smoothing, a baseline, resampling onto another grid of the same axis), else a plot
     * each (an FFT turns time into frequency).
     */
    public static List<Plot> plots(Table before, Table after, String column, int row, int channel, String rowName, Table events) {
        TensorColumn a = tensor(before, column);
        TensorColumn b = tensor(after, column);
        Axis ax = a.shape().axis(0);
        Axis bx = b.shape().axis(0);
        Plot.Series in = trace("before", a, row, channel);
        Plot.Series out = trace("after", b, row, channel);
        String what = column + ", " + rowName + (a.shape().rank() == 2 && a.shape().axis(1).size() > 1 ? ", channel " + (channel + 1) : "");
        String unchanged = a.unit().equals(b.unit()) ? yLabel(a.unit()) : yLabel(a.unit()) + " → " + yLabel(b.unit());
        List<Plot.Span> spans = events == null ? List.of() : eventSpans(before, b, row, events);
        if (ax.name().equals(bx.name()) && ax.unit().equals(bx.unit())) {
            return List.of(Plot.of(Plot.Kind.LINE, what + ": before and after", xLabel(ax), unchanged, List.of(in, out), List.of()).withSpans(spans));
        }
        return List.of(Plot.of(Plot.Kind.LINE, what + ": before", xLabel(ax), yLabel(a.unit()), List.of(in), List.of()),
                Plot.of(Plot.Kind.LINE, what + ": after", xLabel(bx), yLabel(b.unit()), List.of(out), List.of()));
    }

    /** The row's events as spans on the row's own axis: the events are on the clock (the row's TIME column + the axis). */
    private static List<Plot.Span> eventSpans(Table rows, TensorColumn c, int row, Table events) {
        Axis axis = c.shape().axis(0);
        double t0 = rows.columns().stream().filter(s -> s.role() == ColumnRole.TIME && s instanceof NumericColumn).map(NumericColumn.class::cast)
                .findFirst().map(s -> s.get(row)).orElse(0.0);
        Column group = rows.columns().stream().filter(s -> s.role() == ColumnRole.GROUP && !(s instanceof TensorColumn)).findFirst().orElse(null);
        double[] window = {t0 + axis.value(0), t0 + axis.value(axis.size() - 1)};
        return SignalTraces.eventSpans(events, group == null ? null : group.name(), group == null ? null : group.text(row), List.<double[]>of(window))
                .stream().map(iv -> new Plot.Span(SignalTraces.EVENT_SPAN, iv[0] - t0, iv[1] - t0)).toList();
    }

    static Plot.Series trace(String name, TensorColumn c, int row, int channel) {
        Axis axis = c.shape().axis(0);
        int n = axis.size();
        int channels = c.rowSize() / n;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = axis.hasGrid() ? axis.value(i) : i;
            y[i] = c.isMissing(row) ? Double.NaN : c.values()[c.offset(row) + i * channels + channel];
        }
        return Plot.Series.of(name, x, y);
    }

    /** The axis with its unit, "energy (keV)"; channels by number when the axis has no grid. */
    static String xLabel(Axis axis) {
        return axis.hasGrid() ? axis.name() + (axis.unit().isEmpty() ? "" : " (" + axis.unit() + ")") : axis.name() + " (channel)";
    }

    static String yLabel(String unit) {
        return unit.isEmpty() ? "value" : "value (" + unit + ")";
    }
}
