package org.anneal.spec;

import java.util.Objects;

/**
 * Name, storage type, role and unit of one column, known before any data is read in full.
 *
 * @param unit physical unit as written in the source ("°C", "MPa"); empty when unknown or dimensionless
 */
public record ColumnSpec(String name, ColumnType type, ColumnRole role, String unit) {
    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(role);
        unit = unit == null ? "" : unit;
    }

    /** A column without a known unit. */
    public ColumnSpec(String name, ColumnType type, ColumnRole role) {
        this(name, type, role, "");
    }

    public ColumnSpec withRole(ColumnRole newRole) {
        return new ColumnSpec(name, type, newRole, unit);
    }

    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }

    /** The name as viewers show it: "temperature [°C]", or just the name without a unit. */
    public String label() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
