package org.anneal.data;

import java.util.List;
import java.util.Objects;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;

/** Categories stored as codes into {@code levels}; code -1 marks a missing value. {@code unit} as on numeric columns. */
public record CategoricalColumn(String name, ColumnRole role, int[] codes, List<String> levels, String unit) implements Column {
    public CategoricalColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        Objects.requireNonNull(codes);
        levels = List.copyOf(levels);
        unit = unit == null ? "" : unit;
    }

    public CategoricalColumn(String name, ColumnRole role, int[] codes, List<String> levels) {
        this(name, role, codes, levels, "");
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** The category of a row, or null when missing. */
    public String get(int row) {
        int c = codes[row];
        return c < 0 ? null : levels.get(c);
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    @Override
    public Column withRole(ColumnRole r) {
        return new CategoricalColumn(name, r, codes, levels, unit);
    }

    @Override
    public Column renamed(String n) {
        return new CategoricalColumn(n, role, codes, levels, unit);
    }

    @Override
    public Column rows(int[] index) {
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = codes[index[i]];
        }
        return new CategoricalColumn(name, role, out, levels, unit);
    }

    @Override
    public String text(int row) {
        String s = get(row);
        return s == null ? "" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn c && c.name.equals(name) && c.role == role && c.unit.equals(unit)
                && java.util.Arrays.equals(c.codes, codes) && c.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, unit, java.util.Arrays.hashCode(codes), levels);
    }
}
