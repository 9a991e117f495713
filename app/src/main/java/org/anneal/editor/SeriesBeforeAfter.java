package org.anneal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.ParamType;
import org.anneal.spec.TableSpec;

/**
 * The before/after preview of a block whose signal is spread down the rows rather than held in a tensor column: a
 * long-format log (one row per sample: time, channel, value, run — signals.resample puts it on a regular grid) or a
 * numeric column smoothed down time-indexed rows (signals.smooth over rows). One series of rows — a run's channel, a
 * group — is drawn as it went in and as it came out, against its time column. Found from declarations, as
 * {@link BeforeAfter} finds its blocks: COLUMN parameters {@code time}, {@code channel} and {@code value} that name
 * columns on both sides (a log), or a COLUMN parameter {@code column} naming a number column on both sides of a block that
 * also names a {@code group} column, on a table with a time column. No JavaFX here.
 *
 * @param time  the column on the x axis (a TIME column)
 * @param value the column drawn
 * @param by    the columns whose values pick a series (run and channel of a log; the group of rows), in that order
 */
public record SeriesBeforeAfter(String time, String value, List<String> by) implements BeforeAfter.Drawing {

    /** The series preview a block offers, given its table input and output specs, or empty. */
    static Optional<SeriesBeforeAfter> of(NodeDescriptor d, ObjectNode params, TableSpec in, TableSpec out) {
        String time = column(d, params, "time");
        String channel = column(d, params, "channel");
        String value = column(d, params, "value");
        if (time != null && channel != null && value != null) {
            if (!numeric(in, time) || !numeric(in, value) || in.column(channel).isEmpty() || !numeric(out, time) || !numeric(out, value)) {
                return Optional.empty();
            }
            String run = column(d, params, "run");
            List<String> by = new ArrayList<>();
            if (run != null && !run.isEmpty() && in.column(run).isPresent() && out.column(run).isPresent()) {
                by.add(run);
            }
            by.add(channel);
            return Optional.of(new SeriesBeforeAfter(time, value, by));
        }
        String column = column(d, params, "column");
        String group = column(d, params, "group");
        String clock = in.columns().stream().filter(c -> c.role() == ColumnRole.TIME && c.isNumeric()).map(ColumnSpec::name).findFirst().orElse(null);
        if (column == null || group == null || clock == null || !numeric(in, column) || !numeric(out, column) || !numeric(out, clock)) {
            return Optional.empty();
        }
        return Optional.of(new SeriesBeforeAfter(clock, column, group.isEmpty() || in.column(group).isEmpty() ? List.of() : List.of(group)));
    }

    private static String column(NodeDescriptor d, ObjectNode params, String name) {
        for (ParamDescriptor p : d.params()) {
            if (p.name().equals(name) && p.type() == ParamType.COLUMN) {
                return params != null && params.hasNonNull(name) ? params.get(name).asText() : p.defaultJson() == null ? "" : p.defaultJson().asText();
            }
        }
        return null;
    }

    private static boolean numeric(TableSpec t, String name) {
        return t.column(name).filter(c -> c.isNumeric() && !c.isTensor()).isPresent();
    }

    /** The series of a table, in order of first appearance: "r1 · temperature" → its rows. */
    Map<String, List<Integer>> series(Table t) {
        List<Column> keys = by.stream().map(n -> t.column(n).orElse(null)).toList();
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        if (keys.contains(null)) {
            return out;
        }
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> parts = new ArrayList<>();
            for (Column k : keys) {
                parts.add(k.isMissing(r) ? "—" : k.text(r));
            }
            out.computeIfAbsent(parts.isEmpty() ? "all rows" : String.join(" · ", parts), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The names of the series the chooser offers: those of the rows going in that also come out. */
    List<String> names(Table before, Table after) {
        Map<String, List<Integer>> out = series(after);
        return series(before).keySet().stream().filter(out::containsKey).toList();
    }

    @Override
    public Optional<BeforeAfter.Rows> rows(Table before, Table after) {
        List<String> names = names(before, after);
        return names.isEmpty() ? Optional.empty() : Optional.of(new BeforeAfter.Rows(names.size(), 1, null, names));
    }

    @Override
    public List<Plot> plots(Table before, Table after, BeforeAfter.Rows rows, int row, int channel) {
        return List.of(plot(before, after, rows.name(row)));
    }

    @Override
    public String entry() {
        return "Series";
    }

    /** Series {@code name} before and after, on the time axis. */
    Plot plot(Table before, Table after, String name) {
        NumericColumn t = before.numeric(time);
        String unit = t.unit().isEmpty() ? "" : " (" + t.unit() + ")";
        NumericColumn v = before.numeric(value);
        String y = v.unit().isEmpty() ? "value" : "value (" + v.unit() + ")";
        return Plot.of(Plot.Kind.LINE, value + ", " + name + ": before and after", time + unit, y,
                List.of(trace("before", before, series(before).getOrDefault(name, List.of())), trace("after", after, series(after).getOrDefault(name, List.of()))),
                List.of());
    }

    /** The rows' values against time, in time order (a log need not be sorted). */
    private Plot.Series trace(String name, Table t, List<Integer> rows) {
        return trace(name, t, rows, value);
    }

    /** The rows' values of {@code column} against time, in time order. */
    Plot.Series trace(String name, Table t, List<Integer> rows, String column) {
        NumericColumn tc = t.numeric(time);
        NumericColumn vc = t.numeric(column);
        List<Integer> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingDouble(tc::get));
        double[] x = new double[sorted.size()];
        double[] y = new double[sorted.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = tc.get(sorted.get(i));
            y[i] = vc.get(sorted.get(i));
        }
        return Plot.Series.of(name, x, y);
    }
}
