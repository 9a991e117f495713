package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;

/**
 * Partial least squares regression of one target (PLS1) by NIPALS, as in scikit-learn's {@code PLSRegression} and
 * R's {@code pls::plsr(method = "oscorespls")} for a single response.
 *
 * <p>Each component is the direction w in feature space whose scores t = Xw have the largest covariance with y (w ∝ Xᵀy
 * of the current residuals); X and y are then deflated by what t explains, and the next component is sought in what is
 * left. With loadings P = Xᵀt/tᵀt and y-loadings q = yᵀt/tᵀt per component, the fitted model is linear in the original
 * features: β = W (PᵀW)⁻¹ q. That is why the result is an ordinary {@link LinearModel} (coefficients, explain blocks and
 * {@code prepare.apply}-free prediction all work), and why PLS with as many components as the rank of X equals least
 * squares. With {@code scale} the features and target are divided by their standard deviations (n − 1) first, so
 * every channel counts alike; β is mapped back to the original units.
 */
public record PlsLearner(int components, boolean scale) implements Learner {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "PLS regression (%d component%s%s)", components, components == 1 ? "" : "s",
                scale ? ", scaled" : "");
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        int p = features.size();
        int n = train.rowCount();
        TrainingRows.requireComplete(train, features, target);
        if (n < 2) {
            throw new NodeFailure("Only " + n + " training row(s); PLS needs at least 2.", "Use more training rows.");
        }
        int most = Math.min(n - 1, p);
        if (components > most) {
            throw new NodeFailure("'components' is " + components + ", but " + n + " training rows and " + p
                    + " features allow at most " + most + " (centred data has at most n − 1 directions).",
                    "Set 'components' to " + most + " or fewer; choose it by cross-validation (model.tune).");
        }
        double[][] x = new double[p][];
        double[] mx = new double[p];
        double[] sx = new double[p];
        for (int j = 0; j < p; j++) {
            x[j] = train.numeric(features.get(j)).values().clone();
            mx[j] = RidgeLearner.mean(x[j]);
            sx[j] = scale ? sd(x[j], mx[j]) : 1;
            if (sx[j] == 0) {
                sx[j] = 1; // a constant column carries nothing; leaving it unscaled keeps it at zero after centring
            }
            for (int i = 0; i < n; i++) {
                x[j][i] = (x[j][i] - mx[j]) / sx[j];
            }
        }
        double[] y = train.numeric(target).values().clone();
        double my = RidgeLearner.mean(y);
        double sy = scale ? sd(y, my) : 1;
        if (sy == 0) {
            throw new NodeFailure("The target '" + target + "' is constant in the training rows; there is nothing to explain.",
                    "Check the target column and the split.");
        }
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - my) / sy;
        }
        double[][] w = new double[components][p];
        double[][] loadings = new double[components][p];
        double[] q = new double[components];
        double[] t = new double[n];
        for (int k = 0; k < components; k++) {
            ctx.checkCancelled();
            double norm = 0;
            for (int j = 0; j < p; j++) {
                w[k][j] = dot(x[j], y);
                norm += w[k][j] * w[k][j];
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                throw new NodeFailure("Component " + (k + 1) + " finds nothing left: the first " + k + " component(s) already use every"
                        + " direction of the training features that covaries with the target.", "Set 'components' to " + Math.max(1, k) + ".");
            }
            java.util.Arrays.fill(t, 0);
            for (int j = 0; j < p; j++) {
                w[k][j] /= norm;
                double wj = w[k][j];
                double[] xj = x[j];
                for (int i = 0; i < n; i++) {
                    t[i] += xj[i] * wj;
                }
            }
            double tt = dot(t, t);
            q[k] = dot(y, t) / tt;
            for (int j = 0; j < p; j++) {
                double pj = dot(x[j], t) / tt;
                loadings[k][j] = pj;
                double[] xj = x[j];
                for (int i = 0; i < n; i++) {
                    xj[i] -= t[i] * pj;
                }
            }
            for (int i = 0; i < n; i++) {
                y[i] -= t[i] * q[k];
            }
            ctx.progress((k + 1) / (double) components);
        }
        double[] beta = coefficients(w, loadings, q, p);
        double[] weights = new double[p];
        double intercept = my;
        for (int j = 0; j < p; j++) {
            weights[j] = beta[j] * sy / sx[j];
            intercept -= weights[j] * mx[j];
        }
        return new LinearModel(describe(), target, features, weights, intercept);
    }

    /** β = W (PᵀW)⁻¹ q. PᵀW is upper triangular with a unit diagonal in NIPALS, so it is solved by back substitution. */
    private static double[] coefficients(double[][] w, double[][] loadings, double[] q, int p) {
        int a = q.length;
        double[][] ptw = new double[a][a];
        for (int r = 0; r < a; r++) {
            for (int c = 0; c < a; c++) {
                ptw[r][c] = dot(loadings[r], w[c]);
            }
        }
        double[] z = new double[a];
        for (int r = a - 1; r >= 0; r--) {
            double s = q[r];
            for (int c = r + 1; c < a; c++) {
                s -= ptw[r][c] * z[c];
            }
            z[r] = s / ptw[r][r];
        }
        double[] beta = new double[p];
        for (int k = 0; k < a; k++) {
            for (int j = 0; j < p; j++) {
                beta[j] += w[k][j] * z[k];
            }
        }
        return beta;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
