package org.anneal.nodes.sciml;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Formula;
import org.anneal.spec.NodeFailure;

/**
 * A parsed curve-fit formula as a function of its parameters: values at every row and the Jacobian (one column per
 * parameter) by central differences. Shared by the fit (Levenberg–Marquardt needs both) and the fitted model (its
 * prediction intervals need the gradient at new rows).
 *
 * @param columns the feature columns the formula reads, in the formula's order
 * @param parameters the fitted parameters' names, in the order of every parameter vector
 */
record FormulaCurve(Formula formula, List<String> columns, List<String> parameters, Map<String, Double> constants) {

    /** cbrt(machine ε): the step that balances truncation and rounding error of a central difference. */
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    /** The formula's columns of {@code data}, column-major; a missing cell fails naming its column. */
    double[][] read(Table data) {
        double[][] x = new double[columns.size()][];
        for (int j = 0; j < x.length; j++) {
            var column = data.numeric(columns.get(j));
            if (column.missingCount() > 0) {
                throw new NodeFailure("Column '" + columns.get(j) + "', which the formula reads, has " + column.missingCount() + " missing value(s).",
                        "Remove or fill missing values first.");
            }
            x[j] = column.values();
        }
        return x;
    }

    /** f(row; p) for every row. */
    double[] values(double[][] x, int rows, double[] p) {
        Formula.Evaluator e = prepared(p);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = at(e, x, i);
        }
        return out;
    }

    /** ∂f(row; p)/∂p_k for every row (rows × parameters), by central differences with a step relative to |p_k|. */
    double[][] jacobian(double[][] x, int rows, double[] p) {
        double[][] jac = new double[rows][p.length];
        double[] shifted = p.clone();
        for (int k = 0; k < p.length; k++) {
            double h = STEP * (p[k] != 0 ? Math.abs(p[k]) : 1);
            shifted[k] = p[k] + h;
            double[] up = values(x, rows, shifted);
            shifted[k] = p[k] - h;
            double[] down = values(x, rows, shifted);
            shifted[k] = p[k];
            for (int i = 0; i < rows; i++) {
                jac[i][k] = (up[i] - down[i]) / (2 * h);
            }
        }
        return jac;
    }

    private Formula.Evaluator prepared(double[] p) {
        Formula.Evaluator e = formula.evaluator();
        for (int k = 0; k < p.length; k++) {
            e.set(parameters.get(k), p[k]);
        }
        constants.forEach((name, value) -> {
            if (formula.names().contains(name)) {
                e.set(name, value);
            }
        });
        return e;
    }

    private double at(Formula.Evaluator e, double[][] x, int row) {
        for (int j = 0; j < x.length; j++) {
            e.set(columns.get(j), x[j][row]);
        }
        return e.evaluate();
    }
}
