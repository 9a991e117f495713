package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.NodeFailure;

/**
 * One ordered category list per column; applying it replaces each category by its position (0, 1, 2, ...).
 *
 * @param unknownMissing a category not in the list becomes a missing value instead of an error
 */
public record OrdinalEncoding(Map<String, List<String>> order, boolean unknownMissing) implements FittedTransform {
    public OrdinalEncoding {
        order = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(order)); // keeps the listed order for describe()
    }

    @Override
    public String describe() {
        return "Ordinal " + order;
    }

    @Override
    public List<String> columns() {
        return List.copyOf(order.keySet());
    }

    @Override
    public Table apply(Table data) {
        List<Column> made = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : order.entrySet()) {
            CategoricalColumn k = (CategoricalColumn) data.column(e.getKey()).orElseThrow(() -> new NodeFailure(
                    "The table has no column '" + e.getKey() + "' to encode.", "Apply the state to a table with the columns it was fitted on."));
            List<String> levels = e.getValue();
            // code per level of this column, once, rather than a lookup per row
            double[] byCode = new double[k.levels().size()];
            for (int c = 0; c < byCode.length; c++) {
                int pos = levels.indexOf(k.levels().get(c));
                byCode[c] = pos >= 0 ? pos : -1;
            }
            double[] v = new double[k.size()];
            for (int i = 0; i < v.length; i++) {
                int code = k.codes()[i];
                if (code < 0) {
                    v[i] = Double.NaN;
                } else if (byCode[code] >= 0) {
                    v[i] = byCode[code];
                } else if (unknownMissing) {
                    v[i] = Double.NaN;
                } else {
                    throw new NodeFailure("Row " + (i + 1) + " of column '" + k.name() + "' holds the category '" + k.get(i)
                            + "', which is not in its order " + levels + ".",
                            "Add '" + k.get(i) + "' to the column's entry under 'order', or set 'unknown' to 'missing'.");
                }
            }
            made.add(new NumericColumn(k.name(), k.role(), v));
        }
        return TableEdits.apply(data, List.of(), made);
    }
}
