package org.anneal.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spec on a TRANSFORMER wire: a fitted state and how it changes a table's columns, so an Apply node shows the same
 * output columns at configure time as the node that fitted it (without it a test branch would still look
 * categorical after an ordinal encoding).
 *
 * @param reads    the columns the state reads; an Apply node requires them on its table
 * @param removes  columns it takes out of the table
 * @param produces columns it writes: same name = replaced in place, new name = appended
 */
public record TransformerSpec(List<String> reads, List<String> removes, List<ColumnSpec> produces, Lineage lineage) implements Spec {
    public TransformerSpec {
        reads = List.copyOf(reads);
        removes = List.copyOf(removes);
        produces = List.copyOf(produces);
        Objects.requireNonNull(lineage);
    }

    /** A state learnt on {@code fitted}'s rows that reads {@code reads} and keeps the columns as they are (a scaler). */
    public static TransformerSpec learntFrom(Lineage fitted, List<String> reads) {
        return learntFrom(fitted, reads, List.of(), List.of());
    }

    public static TransformerSpec learntFrom(Lineage fitted, List<String> reads, List<String> removes, List<ColumnSpec> produces) {
        return new TransformerSpec(reads, removes, produces, Lineage.learntFrom(fitted));
    }

    @Override
    public DataKind kind() {
        return DataKind.TRANSFORMER;
    }

    /** The columns of {@code data} after the state is applied (lineage unchanged). */
    public TableSpec applyTo(TableSpec data) {
        Map<String, ColumnSpec> made = new LinkedHashMap<>();
        for (ColumnSpec c : produces) {
            made.put(c.name(), c);
        }
        return data.withColumns(transform(data.columns(), removes, made));
    }

    /** Removes, replaces in place, then appends: the column order every fitted state produces. */
    public static List<ColumnSpec> transform(List<ColumnSpec> in, List<String> gone, Map<String, ColumnSpec> made) {
        Map<String, ColumnSpec> rest = new LinkedHashMap<>(made);
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec c : in) {
            if (rest.containsKey(c.name())) {
                out.add(rest.remove(c.name()));
            } else if (!gone.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(rest.values());
        return out;
    }
}
