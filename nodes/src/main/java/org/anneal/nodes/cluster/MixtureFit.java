package org.anneal.nodes.cluster;

import java.util.List;
import org.anneal.spec.NodeFailure;

/**
 * Expectation–maximisation for a Gaussian mixture, written out here because Tribuo's GMM module is not among the
 * project's dependencies. It starts from the k-means clusters (as scikit-learn does) and alternates the E step
 * (responsibilities) and the M step (weighted means and covariances) until the mean log-likelihood per row changes by
 * less than {@code tol}. {@code REG} is added to every variance so that a component sitting on a few equal rows
 * cannot shrink to a point (scikit-learn's reg_covar).
 */
final class MixtureFit {
    static final double REG = 1e-6;

    /** The fitted mixture and the statistics of the fit. */
    record Result(GaussianMixture mixture, double logLikelihood, int iterations, boolean converged, int parameters) {
    }

    private MixtureFit() {
    }

    static Result fit(double[][] x, List<String> columns, int k, boolean full, int maxIterations, double tol, long seed, Runnable checkCancelled) {
        int n = x.length;
        int p = columns.size();
        if (n < k) {
            throw new NodeFailure("A Gaussian mixture with k = " + k + " needs at least " + k + " rows; it got " + n + ".",
                    "Lower 'k' or connect more rows to 'fit'.");
        }
        int[] start = KMeansFit.fit(x, columns, k, true, 100, 3, seed, checkCancelled).assign(x);
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            r[i][start[i]] = 1;
        }
        GaussianMixture g = mStep(x, r, columns, full);
        double previous = Double.NEGATIVE_INFINITY;
        double ll = 0;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            checkCancelled.run();
            it++;
            double[][][] chol = g.cholesky();
            ll = 0;
            for (int i = 0; i < n; i++) {
                r[i] = g.logDensities(x[i], chol);
                ll += GaussianMixture.normalise(r[i]);
            }
            if (Math.abs(ll / n - previous / n) < tol) {
                converged = true;
                break;
            }
            previous = ll;
            g = mStep(x, r, columns, full);
        }
        int covParams = full ? p * (p + 1) / 2 : p;
        // after the last M step the parameters moved; report the likelihood of the mixture returned
        return new Result(g.sorted(), logLikelihood(g, x), it, converged, (k - 1) + k * p + k * covParams);
    }

    static double logLikelihood(GaussianMixture g, double[][] x) {
        double[][][] chol = g.cholesky();
        double ll = 0;
        for (double[] row : x) {
            ll += GaussianMixture.normalise(g.logDensities(row, chol));
        }
        return ll;
    }

    static GaussianMixture mStep(double[][] x, double[][] r, List<String> columns, boolean full) {
        int n = x.length;
        int p = columns.size();
        int k = r[0].length;
        double[] weight = new double[k];
        double[][] mean = new double[k][p];
        double[][][] cov = new double[k][p][p];
        for (int c = 0; c < k; c++) {
            double nc = 0;
            for (int i = 0; i < n; i++) {
                nc += r[i][c];
                for (int j = 0; j < p; j++) {
                    mean[c][j] += r[i][c] * x[i][j];
                }
            }
            if (nc < 1e-10) {
                throw new NodeFailure("Component c" + (c + 1) + " of the Gaussian mixture lost all its rows.",
                        "Lower 'k': the data do not hold that many separate groups.");
            }
            weight[c] = nc / n;
            for (int j = 0; j < p; j++) {
                mean[c][j] /= nc;
            }
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    double da = x[i][a] - mean[c][a];
                    for (int b = full ? 0 : a; b <= a; b++) {
                        cov[c][a][b] += r[i][c] * da * (x[i][b] - mean[c][b]);
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[c][a][b] /= nc;
                    cov[c][b][a] = cov[c][a][b];
                }
                cov[c][a][a] += REG;
            }
        }
        return new GaussianMixture(columns, weight, mean, cov);
    }
}
