package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;

/** The run-time twin of {@link StateSpecs#transform}: removes, replaces in place, then appends. */
public final class TableEdits {
    private TableEdits() {
    }

    public static Table apply(Table in, List<String> gone, List<Column> made) {
        Set<String> removed = new HashSet<>(gone); // a spectrum spread into thousands of columns: no list scans
        Map<String, Column> rest = new LinkedHashMap<>();
        for (Column c : made) {
            rest.put(c.name(), c);
        }
        List<Column> out = new ArrayList<>();
        for (Column c : in.columns()) {
            if (rest.containsKey(c.name())) {
                out.add(rest.remove(c.name()));
            } else if (!removed.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(rest.values());
        return new Table(out);
    }

    /** The listed numeric columns in their order, found through one name index instead of a search per name. */
    public static NumericColumn[] numericColumns(Table t, List<String> names) {
        Map<String, Column> byName = new HashMap<>();
        for (Column c : t.columns()) {
            byName.put(c.name(), c);
        }
        NumericColumn[] out = new NumericColumn[names.size()];
        for (int j = 0; j < out.length; j++) {
            Column c = byName.get(names.get(j));
            out[j] = c instanceof NumericColumn numeric ? numeric : t.numeric(names.get(j)); // t.numeric explains what is wrong
        }
        return out;
    }

    /** The new value of row {@code i} of column {@code c}, the {@code j}-th of the mapped columns, whose value is {@code x}. */
    @FunctionalInterface
    public interface CellMap {
        double apply(NumericColumn c, int j, int i, double x);
    }

    /** The new values of the {@code j}-th of the mapped columns, whose values are {@code v} (not to be written to). */
    @FunctionalInterface
    public interface ColumnMap {
        double[] apply(int j, double[] v);
    }

    /**
     * {@code data} with each listed numeric column replaced, in place and with its role, by {@code f} of its values:
     * one call per column, whose own loop the JIT compiles once, where {@link #mapNumeric} calls a function per cell.
     * The table is built once, not once per column.
     */
    public static Table replaceNumeric(Table data, List<String> columns, ColumnMap f) {
        NumericColumn[] in = numericColumns(data, columns);
        List<Column> made = new ArrayList<>(in.length);
        for (int j = 0; j < in.length; j++) {
            made.add(new NumericColumn(in[j].name(), in[j].role(), f.apply(j, in[j].values())));
        }
        return apply(data, List.of(), made);
    }

    /** {@code data} with each listed numeric column replaced, in place and with its role, by {@code f} of its values. */
    public static Table mapNumeric(Table data, List<String> columns, CellMap f) {
        Table out = data;
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = data.numeric(columns.get(j));
            double[] v = c.values();
            double[] r = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = f.apply(c, j, i, v[i]);
            }
            out = out.with(new NumericColumn(c.name(), c.role(), r));
        }
        return out;
    }
}
