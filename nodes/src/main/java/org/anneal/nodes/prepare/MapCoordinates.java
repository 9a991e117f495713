package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.OutPort;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;

/**
 * What the map blocks (t-SNE, UMAP) share: the rows pass through with map coordinates added as ignored numeric columns,
 * and the rows count as fitted with themselves (the map is learnt from the very rows it shows).
 */
final class MapCoordinates {
    private MapCoordinates() {
    }

    /** The configured output: {@code t} plus the {@code names} columns, with the plan of the {@code read} columns. */
    static Specs configure(OutPort<Table> out, TableSpec t, List<String> read, List<String> names, String method) throws ConfigError {
        Map<String, ColumnSpec> made = new LinkedHashMap<>();
        for (String name : names) {
            if (read.contains(name)) {
                throw ConfigError.atParam("columns", method + " cannot map the column '" + name + "' it is about to write.",
                        "Rename it (data.rename) or leave it out of 'columns'.");
            }
            made.put(name, new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.IGNORE));
        }
        List<ColumnSpec> cols = TransformerSpec.transform(t.columns(), List.of(), made);
        return Specs.of(out, t.withColumns(cols).withLineage(t.lineage().fittedWith(t.lineage()))).withPlan(new ColumnPlan(read));
    }

    /** {@code t} with column {@code names[k]} holding {@code y[i][k]} for every row i. */
    static Table added(Table t, List<String> names, double[][] y) {
        List<Column> made = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double[] v = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                v[i] = y[i][k];
            }
            made.add(new NumericColumn(names.get(k), ColumnRole.IGNORE, v));
        }
        return TableEdits.apply(t, List.of(), made);
    }
}
