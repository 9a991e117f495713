package org.anneal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Columns (name, type, role) and lineage of a table, known at configure time. */
public record TableSpec(List<ColumnSpec> columns, Lineage lineage) implements Spec {
    public TableSpec {
        columns = List.copyOf(columns);
        Objects.requireNonNull(lineage);
    }

    @Override
    public DataKind kind() {
        return DataKind.TABLE;
    }

    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ColumnSpec> target() {
        return columns.stream().filter(c -> c.role() == ColumnRole.TARGET).findFirst();
    }

    public List<ColumnSpec> features() {
        return columns.stream().filter(c -> c.role().isUsedAsFeature()).toList();
    }

    /**
     * The named column, or a located error that lists what exists and suggests the closest name.
     *
     * @param param the parameter that named the column, for the error's location
     */
    public ColumnSpec requireColumn(String name, String param) throws ConfigError {
        Optional<ColumnSpec> c = column(name);
        if (c.isPresent()) {
            return c.get();
        }
        String closest = Names.closest(name, names());
        String fix = closest != null
                ? "Did you mean '" + closest + "'? Columns available: " + String.join(", ", names())
                : "Columns available: " + String.join(", ", names());
        throw ConfigError.atParam(param, "There is no column '" + name + "' in the input table.", fix);
    }

    /** This spec, once every named column is found ({@link #requireColumn} fails at the first that is not). */
    public TableSpec requireColumns(List<String> names, String param) throws ConfigError {
        for (String name : names) {
            requireColumn(name, param);
        }
        return this;
    }

    /** The target column, or an error telling the student to declare one at the data source. */
    public ColumnSpec requireTarget(String port) throws ConfigError {
        return target().orElseThrow(() -> ConfigError.atPort(port,
                "The table on '" + port + "' has no target column.",
                "Set the 'target' parameter of the data source (for example the CSV node) to the column to predict."));
    }

    /**
     * Refuses a tensor feature (an image, a spectrum) for a node that needs one number or category per feature, naming the
     * column, so that it turns red at configure time instead of failing on the data.
     *
     * @param port the input port the table arrives on, for the error's location
     */
    public void requireScalarFeatures(String port) throws ConfigError {
        for (ColumnSpec c : features()) {
            if (c.isTensor()) {
                throw ConfigError.atPort(port, "Feature '" + c.name() + "' holds a tensor (" + c.shape().describe() + " per row), but this "
                        + "node needs one number or category per feature.",
                        "Reduce '" + c.name() + "' to numbers first (for example peak areas or statistics of each row), or give it the "
                                + "role 'ignore' at its data source.");
            }
        }
    }

    public TableSpec withLineage(Lineage l) {
        return new TableSpec(columns, l);
    }

    public TableSpec withColumns(List<ColumnSpec> cols) {
        return new TableSpec(cols, lineage);
    }

    /** This spec with one more column appended (or replaced, if the name exists). */
    public TableSpec plus(ColumnSpec extra) {
        List<ColumnSpec> cols = new ArrayList<>(columns.stream().filter(c -> !c.name().equals(extra.name())).toList());
        cols.add(extra);
        return new TableSpec(cols, lineage);
    }
}
