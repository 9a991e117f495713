package org.anneal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.TableSpec;

/** An immutable, column-oriented table: what flows on TABLE and PREDICTIONS wires. */
public final class Table implements org.anneal.spec.SpecSource, Sized {
    private final List<Column> columns;
    private final int rows;

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.rows = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Column c : this.columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
            }
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column " + c.name());
            }
        }
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column arrays (8 bytes a number, 4 a category code plus the level names); a column that knows its size says so. */
    @Override
    public long bytes() {
        long total = 64;
        for (Column c : columns) {
            if ((Object) c instanceof Sized s) { // a column kind that knows its size (tensors)
                total += s.bytes();
            } else if (c instanceof CategoricalColumn cat) {
                total += 4L * rows + cat.levels().stream().mapToLong(l -> 48 + 2L * l.length()).sum();
            } else {
                total += 8L * rows;
            }
        }
        return total;
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The numeric column {@code name}; callers have checked existence and type at configure time. */
    public NumericColumn numeric(String name) {
        Column c = column(name).orElseThrow(() -> new IllegalArgumentException("no column " + name));
        if (!(c instanceof NumericColumn n)) {
            throw new IllegalArgumentException("column " + name + " is not numeric");
        }
        return n;
    }

    public Optional<Column> target() {
        return columns.stream().filter(c -> c.role() == ColumnRole.TARGET).findFirst();
    }

    public List<Column> features() {
        return columns.stream().filter(c -> c.role().isUsedAsFeature()).toList();
    }

    /** The rows at {@code index}, in that order. */
    public Table rows(int[] index) {
        return new Table(columns.stream().map(c -> c.rows(index)).toList());
    }

    /** This table with {@code c} appended, or replacing the column of the same name in place. */
    public Table with(Column c) {
        List<Column> out = new ArrayList<>(columns);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(c.name())) {
                out.set(i, c);
                return new Table(out);
            }
        }
        out.add(c);
        return new Table(out);
    }

    public TableSpec spec(Lineage lineage) {
        return new TableSpec(columns.stream().map(Column::spec).toList(), lineage);
    }

    @Override
    public String toString() {
        return "Table[" + rows + " rows x " + columns.size() + " columns]";
    }
}
