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
 * @param keepsSubset the state keeps only the columns the fit rows pick (a feature selection), so which columns an
 *                    Apply node outputs is decided at run time, not here
 */
public record TransformerSpec(List<String> reads, List<String> removes, List<ColumnSpec> produces, Lineage lineage,
                              boolean keepsSubset) implements Spec {
    public TransformerSpec {
        reads = List.copyOf(reads);
        removes = List.copyOf(removes);
        produces = List.copyOf(produces);
        Objects.requireNonNull(lineage);
    }

    public TransformerSpec(List<String> reads, List<String> removes, List<ColumnSpec> produces, Lineage lineage) {
        this(reads, removes, produces, lineage, false);
    }

    /** This state, marked as keeping a subset of the columns chosen from the rows. */
    public TransformerSpec keepingSubset() {
        return new TransformerSpec(reads, removes, produces, lineage, true);
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
        java.util.Set<String> removed = new java.util.HashSet<>(gone); // thousands of spectral channels: no list scans
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec c : in) {
            if (rest.containsKey(c.name())) {
                out.add(rest.remove(c.name()));
            } else if (!removed.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(rest.values());
        return out;
    }
}
