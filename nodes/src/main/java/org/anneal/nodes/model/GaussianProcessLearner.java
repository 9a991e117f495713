package org.anneal.nodes.model;

import java.util.List;
import java.util.Locale;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * Gaussian-process regression with an isotropic RBF or Matérn-5/2 kernel on the given features. The target is
 * standardized; the length scale and noise level are chosen by maximising the log marginal likelihood over a
 * log-spaced grid (exact, deterministic, and enough for teaching-sized tables). The ARD kernels give each feature its
 * own length scale and fit them, with signal and noise variance, by gradient ascent on the same likelihood
 * ({@link ArdFit}). No well-kept Java library offers GP regression with predictive variance (Tribuo has none), so it
 * is written here on Tribuo's Cholesky.
 */
public record GaussianProcessLearner(Kernel kernel) implements Learner {

    /** Stored as "rbf", "matern52", "rbf-ard" or "matern52-ard" (one length scale per feature). */
    public enum Kernel {
        RBF, MATERN52, RBF_ARD, MATERN52_ARD;

        /** One length scale per feature. */
        public boolean ard() {
            return this == RBF_ARD || this == MATERN52_ARD;
        }

        boolean matern() {
            return this == MATERN52 || this == MATERN52_ARD;
        }
    }

    static final int MAX_ROWS = 2000;

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String describe() {
        return "Gaussian process (" + org.anneal.spec.Choices.name(kernel) + " kernel, hyperparameters by marginal likelihood"
                + (kernel.ard() ? ", one length scale per feature" : "") + ")";
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        int n = train.rowCount();
        if (n > (kernel.ard() ? ArdFit.MAX_ROWS : MAX_ROWS)) {
            if (kernel.ard()) {
                throw new NodeFailure("Fitting one length scale per feature on " + n + " rows inverts an " + n + "×" + n
                        + " matrix at every step; the limit here is " + ArdFit.MAX_ROWS + ".", "Sample fewer training rows, or choose the rbf or matern52 kernel.");
            }
            throw new NodeFailure("A Gaussian process on " + n + " rows needs an " + n + "×" + n + " matrix; the limit here is " + MAX_ROWS + ".",
                    "Sample fewer training rows, or use a random forest for large tables.");
        }
        double[][] x = matrix(train, features);
        double[] y = train.numeric(target).values();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, n - 1));
        double scale = sd > 0 ? sd : 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        double[][] d2 = squaredDistances(x, x);
        double best = Double.NEGATIVE_INFINITY;
        Fit bestFit = null;
        int steps = 0;
        for (int a = 0; a <= 12; a++) {
            double lengthScale = Math.pow(10, -1.5 + a * 0.25);
            for (int b = 0; b <= 8; b++) {
                ctx.checkCancelled();
                double noise = Math.pow(10, -4 + b * 0.5);
                Fit f = fit(d2, z, lengthScale, noise);
                if (f != null && f.logLikelihood > best) {
                    best = f.logLikelihood;
                    bestFit = f;
                }
                ctx.progress(++steps / 117.0);
            }
        }
        if (bestFit == null) {
            throw new NodeFailure("The kernel matrix is singular for every length scale tried.", "Remove duplicated rows or constant features.");
        }
        if (kernel.ard()) {
            return ArdFit.fit(this, x, z, bestFit.lengthScale, bestFit.noise, target, features, mean, scale, ctx);
        }
        return new GaussianProcessModel(describe(), target, features, kernel, x, bestFit.alpha, bestFit.factor, bestFit.lengthScale, bestFit.noise,
                mean, scale, null, 1.0);
    }

    record Fit(double lengthScale, double noise, double[] alpha, DenseMatrix.CholeskyFactorization factor, double logLikelihood) {
    }

    private Fit fit(double[][] d2, double[] z, double lengthScale, double noise) {
        return fit(d2, z, lengthScale, noise, 1.0);
    }

    /** K = signal · k(d², ℓ) + noise · I; its Cholesky factor, α = K⁻¹z and the log marginal likelihood (null if singular). */
    Fit fit(double[][] d2, double[] z, double lengthScale, double noise, double signal) {
        int n = z.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = signal * kernel(kernel, d2[i][j], lengthScale) + (i == j ? noise : 0);
            }
        }
        var chol = DenseMatrix.createDenseMatrix(k).choleskyFactorization();
        if (chol.isEmpty()) {
            return null;
        }
        DenseVector alpha = chol.get().solve(DenseVector.createDenseVector(z));
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += z[i] * alpha.get(i);
        }
        // log|K| = 2 Σ log L_ii
        double logDet = 0;
        DenseMatrix l = chol.get().lMatrix();
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(l.get(i, i));
        }
        double ll = -0.5 * fit - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
        return new Fit(lengthScale, noise, alpha.toArray(), chol.get(), ll);
    }

    static double kernel(Kernel kind, double squaredDistance, double lengthScale) {
        if (kind.matern()) {
            double r = Math.sqrt(5 * squaredDistance) / lengthScale;
            return (1 + r + r * r / 3) * Math.exp(-r);
        }
        return Math.exp(-squaredDistance / (2 * lengthScale * lengthScale));
    }

    static double[][] matrix(Table t, List<String> features) {
        double[][] x = new double[t.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] col = t.numeric(features.get(j)).values();
            for (int i = 0; i < col.length; i++) {
                if (Double.isNaN(col[i])) {
                    throw new NodeFailure("Column '" + features.get(j) + "' has missing values.", "Remove or fill missing values first.");
                }
                x[i][j] = col[i];
            }
        }
        return x;
    }

    static double[][] squaredDistances(double[][] a, double[][] b) {
        double[][] d = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    double diff = a[i][k] - b[j][k];
                    s += diff * diff;
                }
                d[i][j] = s;
            }
        }
        return d;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
