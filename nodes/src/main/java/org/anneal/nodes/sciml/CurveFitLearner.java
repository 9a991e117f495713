package org.anneal.nodes.sciml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Formula;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Nonlinear least squares on a formula a student typed: the named parameters start at the given values and are moved by
 * commons-math's Levenberg–Marquardt (MINPACK's algorithm, which scales each parameter by its Jacobian column, so a
 * pre-exponential of 1e7 and an activation energy of 1e5 J/mol fit together). Standard errors come from the Jacobian at
 * the optimum: cov = s² (JᵀJ)⁻¹ with s² = RSS / (n − p), the textbook result that reduces to OLS for a linear formula.
 *
 * @param start parameter names and start values, in display order
 * @param constants fixed names the formula may use (R = 8.314…)
 */
public record CurveFitLearner(String formula, Map<String, Double> start, Map<String, Double> constants, int maxIterations) implements Learner {

    public CurveFitLearner {
        start = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(start));
        constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String describe() {
        return "Curve fit of " + formula + " (Levenberg–Marquardt)";
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        FormulaCurve curve = curve(features);
        int n = train.rowCount();
        int p = start.size();
        if (n <= p) {
            throw new NodeFailure("A curve fit of " + p + " parameter(s) needs more training rows than parameters; there are " + n + ".",
                    "Give it more rows, or fix some parameters as constants.");
        }
        double[][] x = curve.read(train);
        var y = train.numeric(target);
        if (y.missingCount() > 0) {
            throw new NodeFailure("The target '" + target + "' has " + y.missingCount() + " missing value(s) in the training rows.",
                    "Drop rows without a target first.");
        }
        double[] p0 = start.values().stream().mapToDouble(Double::doubleValue).toArray();
        requireFinite(curve, x, n, p0, "at the start values");
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(p0)
                    .target(y.values())
                    .model(point -> {
                        ctx.checkCancelled();
                        double[] q = point.toArray();
                        return new Pair<>(new ArrayRealVector(curve.values(x, n, q), false),
                                new Array2DRowRealMatrix(curve.jacobian(x, n, q), false));
                    })
                    .maxIterations(maxIterations)
                    .maxEvaluations(Math.max(100, 10 * maxIterations))
                    .lazyEvaluation(false)
                    .build());
        } catch (MathIllegalStateException e) {
            // too many iterations or evaluations, or a step the algorithm cannot take (a NaN in the Jacobian)
            throw new NodeFailure("The curve fit of " + formula + " did not converge within " + maxIterations + " iterations from "
                    + describe(start) + " (" + e.getMessage() + ").",
                    "Start the parameters nearer plausible values (the order of magnitude matters most), or raise maxIterations.");
        }
        double[] fitted = optimum.getPoint().toArray();
        requireFinite(curve, x, n, fitted, "at the fitted values");
        double rss = optimum.getResiduals().dotProduct(optimum.getResiduals());
        double s2 = rss / (n - p);
        RealMatrix covariance;
        try {
            covariance = optimum.getCovariances(1e-14).scalarMultiply(s2);
        } catch (SingularMatrixException e) {
            throw new NodeFailure("The parameters " + String.join(", ", start.keySet()) + " cannot all be told apart by the data: JᵀJ is "
                    + "singular at the optimum " + describe(names(fitted)) + ".",
                    "Write the formula with one parameter per effect (a * b * x has only one slope), or fix one as a constant.");
        }
        return new CurveFitModel(curve, target, features, fitted, covariance.getData(), Math.sqrt(s2), optimum.getIterations());
    }

    /** The formula parsed against the feature columns, parameters and constants; every parameter must appear in it. */
    FormulaCurve curve(List<String> features) {
        List<String> allowed = new ArrayList<>(features);
        for (String name : start.keySet()) {
            if (features.contains(name)) {
                throw new NodeFailure("The parameter '" + name + "' has the name of a feature column.",
                        "Rename the parameter in model.curve-fit's parameters (and in its formula).");
            }
        }
        allowed.addAll(start.keySet());
        constants.keySet().stream().filter(c -> !allowed.contains(c)).forEach(allowed::add);
        Formula parsed;
        try {
            parsed = Formula.parse(formula, allowed);
        } catch (Formula.FormulaException e) {
            throw new NodeFailure("model.curve-fit, formula: " + e.getMessage(),
                    "Use the training table's feature columns, the parameters (" + String.join(", ", start.keySet()) + ") and the constants ("
                            + String.join(", ", constants.keySet()) + ").");
        }
        List<String> columns = parsed.names().stream().filter(features::contains).toList();
        return new FormulaCurve(parsed, columns, List.copyOf(start.keySet()), constants);
    }

    private static void requireFinite(FormulaCurve curve, double[][] x, int n, double[] p, String where) {
        double[] v = curve.values(x, n, p);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < x.length; j++) {
                    row.append(j == 0 ? "" : ", ").append(curve.columns().get(j)).append(" = ").append(fmt(x[j][i]));
                }
                throw new NodeFailure("The formula " + curve.formula().text() + " gives " + v[i] + " " + where + " on training row " + (i + 1)
                        + (row.isEmpty() ? "" : " (" + row + ")") + ".",
                        "Choose start values for which the formula is finite on every row (no division by zero, no log of a negative, no overflow in exp).");
            }
        }
    }

    private Map<String, Double> names(double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        int k = 0;
        for (String name : start.keySet()) {
            out.put(name, values[k++]);
        }
        return out;
    }

    static String describe(Map<String, Double> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((name, value) -> s.append(s.isEmpty() ? "" : ", ").append(name).append(" = ").append(fmt(value)));
        return s.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
