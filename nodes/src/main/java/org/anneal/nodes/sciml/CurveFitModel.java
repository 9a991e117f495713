package org.anneal.nodes.sciml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.Task;

/**
 * A fitted formula: predictions are the formula at the fitted parameters; the standard deviation of a new measurement
 * is √(gᵀ C g + s²), the delta method's variance of the fitted curve at that row (g = ∂f/∂p there, C the parameters'
 * covariance) plus the residual variance, so evaluate.regression's coverage_95 checks intervals for single measurements.
 *
 * @param covariance the parameters' covariance s² (JᵀJ)⁻¹ at the optimum
 * @param residualSd s = √(RSS / (n − p))
 */
record CurveFitModel(FormulaCurve curve, String target, List<String> features, double[] fitted, double[][] covariance, double residualSd,
                     int iterations) implements TrainedModel {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("Curve fit " + curve.formula().text() + ": ");
        for (int k = 0; k < fitted.length; k++) {
            s.append(k == 0 ? "" : ", ").append(curve.parameters().get(k)).append(" = ").append(CurveFitLearner.fmt(fitted[k]))
                    .append(" ± ").append(CurveFitLearner.fmt(standardError(k)));
        }
        return s.append(" (Levenberg–Marquardt, ").append(iterations).append(" iterations)").toString();
    }

    @Override
    public double[] predict(Table data) {
        return curve.values(curve.read(data), data.rowCount(), fitted);
    }

    @Override
    public double[] predictionStd(Table data) {
        int n = data.rowCount();
        double[][] g = curve.jacobian(curve.read(data), n, fitted);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double var = residualSd * residualSd;
            for (int a = 0; a < fitted.length; a++) {
                for (int b = 0; b < fitted.length; b++) {
                    var += g[i][a] * covariance[a][b] * g[i][b];
                }
            }
            out[i] = Math.sqrt(Math.max(0, var));
        }
        return out;
    }

    /** Only the columns the formula reads must be complete: a feature it ignores may have gaps. */
    @Override
    public List<String> featuresMissingIn(Table data) {
        return curve.columns().stream().filter(f -> data.column(f).map(c -> c.missingCount() > 0).orElse(false)).toList();
    }

    double standardError(int k) {
        return Math.sqrt(covariance[k][k]);
    }

    /** Each parameter followed by its standard error (se(name)), then the residual standard deviation. */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < fitted.length; k++) {
            m.put(curve.parameters().get(k), fitted[k]);
            m.put("se(" + curve.parameters().get(k) + ")", standardError(k));
        }
        m.put("residual_sd", residualSd);
        return m;
    }
}
