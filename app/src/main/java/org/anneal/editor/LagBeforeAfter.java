package org.anneal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.ParamType;
import org.anneal.spec.TableSpec;

/**
 * The preview of a block that adds columns derived from others down time-indexed rows (signals.lag: {@code x_lag1},
 * {@code x_lead2}, {@code y_ahead3}): one group's column as it went in and each copy the block derived from it, against
 * time, so the student sees the copy shifted by its lag — and a lead shifted into the past, the future read early. Found
 * from declarations: a COLUMNS parameter {@code columns}, COLUMN parameters {@code time} and {@code group}, and output
 * columns named after a listed column and an underscore that the input lacks. No JavaFX here.
 *
 * @param rows    the time column and the group that picks a series (no value column: each entry names its own)
 * @param derived each listed column with the columns derived from it, in output order
 */
record LagBeforeAfter(SeriesBeforeAfter rows, Map<String, List<String>> derived) implements BeforeAfter.Drawing {

    List<String> columns() {
        return List.copyOf(derived.keySet());
    }

    static Optional<LagBeforeAfter> of(NodeDescriptor d, ObjectNode params, TableSpec in, TableSpec out) {
        String time = text(d, params, "time", ParamType.COLUMN);
        String group = text(d, params, "group", ParamType.COLUMN);
        ParamDescriptor listed = d.params().stream().filter(p -> p.name().equals("columns") && p.type() == ParamType.COLUMNS).findFirst().orElse(null);
        JsonNode names = listed == null ? null : params != null && params.has("columns") ? params.get("columns") : listed.defaultJson();
        if (time == null || group == null || names == null || !names.isArray() || !numeric(in, time) || !numeric(out, time)) {
            return Optional.empty();
        }
        Map<String, List<String>> derived = new LinkedHashMap<>();
        for (JsonNode n : names) {
            String c = n.asText();
            if (!numeric(in, c)) {
                return Optional.empty();
            }
            List<String> copies = out.columns().stream().filter(s -> s.name().startsWith(c + "_") && in.column(s.name()).isEmpty() && s.isNumeric() && !s.isTensor())
                    .map(ColumnSpec::name).toList();
            if (!copies.isEmpty()) {
                derived.put(c, copies);
            }
        }
        if (derived.isEmpty()) {
            return Optional.empty();
        }
        List<String> by = group.isEmpty() || in.column(group).isEmpty() ? List.of() : List.of(group);
        return Optional.of(new LagBeforeAfter(new SeriesBeforeAfter(time, derived.keySet().iterator().next(), by), derived));
    }

    private static String text(NodeDescriptor d, ObjectNode params, String name, ParamType type) {
        for (ParamDescriptor p : d.params()) {
            if (p.name().equals(name) && p.type() == type) {
                return params != null && params.hasNonNull(name) ? params.get(name).asText() : p.defaultJson() == null ? "" : p.defaultJson().asText();
            }
        }
        return null;
    }

    private static boolean numeric(TableSpec t, String name) {
        return t.column(name).filter(c -> c.isNumeric() && !c.isTensor()).isPresent();
    }

    @Override
    public Optional<BeforeAfter.Rows> rows(Table before, Table after) {
        List<String> labels = new ArrayList<>();
        for (String group : rows.names(before, after)) {
            for (String c : derived.keySet()) {
                labels.add(group + " · " + c);
            }
        }
        return labels.isEmpty() ? Optional.empty() : Optional.of(new BeforeAfter.Rows(labels.size(), 1, null, labels));
    }

    @Override
    public List<Plot> plots(Table before, Table after, BeforeAfter.Rows entries, int row, int channel) {
        List<String> groups = rows.names(before, after);
        String group = groups.get(row / derived.size());
        String column = columns().get(row % derived.size());
        List<Plot.Series> series = new ArrayList<>();
        series.add(rows.trace(column, before, rows.series(before).getOrDefault(group, List.of()), column));
        List<Integer> out = rows.series(after).getOrDefault(group, List.of());
        for (String copy : derived.get(column)) {
            series.add(rows.trace(copy, after, out, copy));
        }
        NumericColumn t = before.numeric(rows.time());
        NumericColumn v = before.numeric(column);
        return List.of(Plot.of(Plot.Kind.LINE, column + ", " + group + ": and the columns derived from it",
                rows.time() + (t.unit().isEmpty() ? "" : " (" + t.unit() + ")"), BeforeAfter.yLabel(v.unit()), series, List.of()));
    }

    @Override
    public String entry() {
        return "Series";
    }
}
