package org.anneal.data;

import java.util.Objects;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;

/** Numbers; NaN marks a missing value. {@code unit} is the physical unit ("" when unknown or dimensionless). */
public record NumericColumn(String name, ColumnRole role, double[] values, String unit) implements Column {
    public NumericColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        Objects.requireNonNull(values);
        unit = unit == null ? "" : unit;
    }

    /** A column without a known unit: what every computed column (scaled, logged, encoded) is. */
    public NumericColumn(String name, ColumnRole role, double[] values) {
        this(name, role, values, "");
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public Column withRole(ColumnRole r) {
        return new NumericColumn(name, r, values, unit);
    }

    @Override
    public Column renamed(String n) {
        return new NumericColumn(n, role, values, unit);
    }

    @Override
    public Column rows(int[] index) {
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = values[index[i]];
        }
        return new NumericColumn(name, role, out, unit);
    }

    @Override
    public String text(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c && c.name.equals(name) && c.role == role && c.unit.equals(unit) && java.util.Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, unit, java.util.Arrays.hashCode(values));
    }
}
