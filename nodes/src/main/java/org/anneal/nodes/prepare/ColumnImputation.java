package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;

/** Fill values learnt per column: a number for numeric columns, a category code for categorical ones. */
public record ColumnImputation(String strategy, List<String> columns, double[] fill) implements FittedTransform {
    public ColumnImputation {
        columns = List.copyOf(columns);
        fill = fill.clone();
    }

    @Override
    public String describe() {
        return "Impute (" + strategy + ") " + columns;
    }

    @Override
    public Table apply(Table data) {
        Table out = data;
        for (int j = 0; j < columns.size(); j++) {
            Column c = data.column(columns.get(j)).orElseThrow();
            if (c instanceof NumericColumn n) {
                double[] v = n.values().clone();
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = fill[j];
                    }
                }
                out = out.with(new NumericColumn(n.name(), n.role(), v));
            } else {
                CategoricalColumn k = (CategoricalColumn) c;
                int[] codes = k.codes().clone();
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] < 0) {
                        codes[i] = (int) fill[j];
                    }
                }
                out = out.with(new CategoricalColumn(k.name(), k.role(), codes, k.levels()));
            }
        }
        return out;
    }
}
