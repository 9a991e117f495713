package org.anneal.nodes.prepare;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;

/**
 * The categories seen on the fit rows, per column. Applying it replaces each column with one 0/1 column
 * per category; a category never seen when fitting gets zeros everywhere (it is new to the model too).
 */
public record OneHotEncoding(Map<String, List<String>> categories) implements FittedTransform {
    public OneHotEncoding {
        categories = Map.copyOf(categories);
    }

    @Override
    public String describe() {
        return "One-hot " + categories;
    }

    @Override
    public List<String> columns() {
        return List.copyOf(categories.keySet());
    }

    static String name(String column, String category) {
        return column + "=" + category;
    }

    @Override
    public Table apply(Table data) {
        List<Column> out = new java.util.ArrayList<>();
        for (Column c : data.columns()) {
            List<String> cats = categories.get(c.name());
            if (cats == null) {
                out.add(c);
                continue;
            }
            CategoricalColumn k = (CategoricalColumn) c;
            for (String cat : cats) {
                double[] v = new double[k.size()];
                for (int i = 0; i < v.length; i++) {
                    String x = k.get(i);
                    v[i] = x == null ? Double.NaN : x.equals(cat) ? 1 : 0;
                }
                out.add(new NumericColumn(name(c.name(), cat), ColumnRole.FEATURE, v));
            }
        }
        return new Table(out);
    }
}
