package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;

/** The run-time twin of {@link StateSpecs#transform}: removes, replaces in place, then appends. */
public final class TableEdits {
    private TableEdits() {
    }

    public static Table apply(Table in, List<String> gone, List<Column> made) {
        Map<String, Column> rest = new LinkedHashMap<>();
        for (Column c : made) {
            rest.put(c.name(), c);
        }
        List<Column> out = new ArrayList<>();
        for (Column c : in.columns()) {
            if (rest.containsKey(c.name())) {
                out.add(rest.remove(c.name()));
            } else if (!gone.contains(c.name())) {
                out.add(c);
            }
        }
        out.addAll(rest.values());
        return new Table(out);
    }

    /** The new value of row {@code i} of column {@code c}, the {@code j}-th of the mapped columns, whose value is {@code x}. */
    @FunctionalInterface
    public interface CellMap {
        double apply(NumericColumn c, int j, int i, double x);
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
