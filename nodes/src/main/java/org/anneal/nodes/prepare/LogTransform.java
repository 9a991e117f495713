package org.anneal.nodes.prepare;

import java.util.List;
import java.util.Locale;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.NodeFailure;

/** log, log1p or Box-Cox with a lambda per column; applying it refuses values outside the transform's domain. */
public record LogTransform(Method method, List<String> columns, double[] lambdas) implements FittedTransform {

    /** Stored as "log", "log1p" or "box-cox". */
    public enum Method { LOG, LOG1P, BOX_COX }

    public LogTransform {
        columns = List.copyOf(columns);
        lambdas = lambdas.clone();
    }

    @Override
    public String describe() {
        if (method != Method.BOX_COX) {
            return org.anneal.spec.Choices.name(method) + " of " + columns;
        }
        StringBuilder sb = new StringBuilder("Box-Cox");
        for (int j = 0; j < columns.size(); j++) {
            sb.append(String.format(Locale.ROOT, "; %s: lambda %.4f", columns.get(j), lambdas[j]));
        }
        return sb.toString();
    }

    @Override
    public Table apply(Table data) {
        return TableEdits.mapNumeric(data, columns, (c, j, i, x) -> Double.isNaN(x) ? x : switch (method) {
            case LOG -> {
                requireAbove(c, i, 0);
                yield Math.log(x);
            }
            case LOG1P -> {
                requireAbove(c, i, -1);
                yield Math.log1p(x);
            }
            case BOX_COX -> {
                requireAbove(c, i, 0);
                yield BoxCox.transform(x, lambdas[j]);
            }
        });
    }

    private void requireAbove(NumericColumn c, int row, double bound) {
        if (c.values()[row] <= bound) {
            throw new NodeFailure("Column '" + c.name() + "' has the value " + c.text(row) + " in row " + (row + 1) + "; " + org.anneal.spec.Choices.name(method)
                    + " needs values above " + (bound == 0 ? "0" : "-1") + ".",
                    method == Method.LOG1P ? "Shift the column, or leave it out of 'columns'."
                            : "Use 'log1p' for counts and fractions that can be 0, or leave '" + c.name() + "' out of 'columns'.");
        }
    }
}
