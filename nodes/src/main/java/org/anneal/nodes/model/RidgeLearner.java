package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * Ridge regression by the normal equations: minimise ||y - Xw - b||² + λ||w||² (the intercept b is not
 * penalised, as in scikit-learn's {@code Ridge(alpha=λ)}). With λ = 0 this is ordinary least squares.
 * The p×p system is solved with Tribuo's Cholesky factorisation.
 */
public record RidgeLearner(double lambda) implements Learner {

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String describe() {
        return lambda == 0 ? "Linear regression (least squares)" : String.format(Locale.ROOT, "Ridge regression (lambda = %s)", lambda);
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        int p = features.size();
        int n = train.rowCount();
        double[][] x = new double[p + 1][]; // the features, then the target: x^T y is one more column of products
        for (int j = 0; j < p; j++) {
            x[j] = train.numeric(features.get(j)).values();
        }
        x[p] = train.numeric(target).values();
        double[] sums = CentredProducts.sums(x);
        for (int j = 0; j <= p; j++) { // a sum is NaN when a value is: only then are the values counted, for the message
            if (Double.isNaN(sums[j])) {
                requireComplete(x[j], j < p ? features.get(j) : target);
            }
        }
        if (n < 2) {
            throw new NodeFailure("Only " + n + " training row(s); a regression needs at least 2.", "Use more training rows.");
        }
        double[] mx = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            mx[j] = sums[j] / n;
        }
        double my = mx[p];
        double[][] products = CentredProducts.of(x, mx, ctx::checkCancelled, ctx::progress);
        double[][] gram = new double[p][p];
        double[] xty = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                gram[j][k] = products[j][k];
                gram[k][j] = products[j][k];
            }
            xty[j] = products[j][p];
            gram[j][j] += lambda;
        }
        Optional<DenseMatrix.CholeskyFactorization> chol = p == 0 ? Optional.empty()
                : DenseMatrix.createDenseMatrix(gram).choleskyFactorization();
        double[] w = new double[p];
        if (p > 0) {
            if (chol.isEmpty()) {
                throw new NodeFailure("The features are linearly dependent (one is a combination of others, or constant), "
                        + "so least squares has no unique solution.", "Set lambda above 0 (ridge), or remove duplicated or constant columns.");
            }
            DenseVector sol = chol.get().solve(DenseVector.createDenseVector(xty));
            for (int j = 0; j < p; j++) {
                w[j] = sol.get(j);
            }
        }
        double b = my;
        for (int j = 0; j < p; j++) {
            b -= w[j] * mx[j];
        }
        return new LinearModel(describe(), target, features, w, b);
    }

    private static void requireComplete(double[] v, String column) {
        int missing = 0;
        for (double d : v) {
            if (Double.isNaN(d)) {
                missing++;
            }
        }
        if (missing > 0) {
            throw new NodeFailure("Column '" + column + "' has " + missing + " missing value(s) in the training rows.",
                    "Remove or fill missing values before training (or ignore the column at the data source).");
        }
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
