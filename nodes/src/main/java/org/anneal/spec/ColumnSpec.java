package org.anneal.spec;

import java.util.Objects;

/** Name, storage type and role of one column, known before any data is read in full. */
public record ColumnSpec(String name, ColumnType type, ColumnRole role) {
    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(role);
    }

    public ColumnSpec withRole(ColumnRole newRole) {
        return new ColumnSpec(name, type, newRole);
    }

    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }
}
