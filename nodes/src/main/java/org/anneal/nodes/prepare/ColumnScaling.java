package org.anneal.nodes.prepare;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;

/** Per-column {@code (x - centre) / scale}, learnt by a scaling node and applicable to any table with those columns. */
public record ColumnScaling(String method, List<String> columns, double[] centre, double[] scale) implements FittedTransform {
    public ColumnScaling {
        columns = List.copyOf(columns);
        centre = centre.clone();
        scale = scale.clone();
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(method).append(" of ").append(columns.size()).append(" column(s)");
        for (int i = 0; i < Math.min(columns.size(), 5); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "; %s: centre %.4g, scale %.4g", columns.get(i), centre[i], scale[i]));
        }
        return sb.toString();
    }

    @Override
    public Table apply(Table data) {
        return TableEdits.replaceNumeric(data, columns, (j, v) -> {
            double[] r = new double[v.length];
            double c = centre[j];
            double s = scale[j];
            for (int i = 0; i < v.length; i++) {
                r[i] = (v[i] - c) / s;
            }
            return r;
        });
    }
}
