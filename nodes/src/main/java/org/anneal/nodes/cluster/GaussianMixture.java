package org.anneal.nodes.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.spec.NodeFailure;

/**
 * A mixture of k Gaussians: weights, means and covariance matrices (full, or diagonal when the columns are taken
 * as independent within a cluster). {@link #logDensities} gives log(weight · density) per component, from which
 * the responsibilities (soft memberships) follow.
 *
 * @param cov {@code cov[c]}: the p × p covariance of component c (zero off the diagonal when diagonal)
 */
record GaussianMixture(List<String> columns, double[] weight, double[][] mean, double[][][] cov) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    int k() {
        return weight.length;
    }

    /** Lower-triangular Cholesky factors of the covariances, once per use: they turn densities into triangular solves. */
    double[][][] cholesky() {
        double[][][] out = new double[k()][][];
        for (int c = 0; c < k(); c++) {
            out[c] = cholesky(cov[c], c);
        }
        return out;
    }

    /** {@code out[c]} = log π_c + log N(row | μ_c, Σ_c). */
    double[] logDensities(double[] row, double[][][] chol) {
        int p = row.length;
        double[] out = new double[k()];
        double[] z = new double[p];
        for (int c = 0; c < k(); c++) {
            double[][] l = chol[c];
            double quad = 0;
            double logDet = 0;
            for (int j = 0; j < p; j++) {
                double s = row[j] - mean[c][j];
                for (int m = 0; m < j; m++) {
                    s -= l[j][m] * z[m];
                }
                z[j] = s / l[j][j];
                quad += z[j] * z[j];
                logDet += 2 * Math.log(l[j][j]);
            }
            out[c] = Math.log(weight[c]) - 0.5 * (p * LOG_2PI + logDet + quad);
        }
        return out;
    }

    /** Turns log(weight · density) into responsibilities in place; returns the row's log-likelihood. */
    static double normalise(double[] logs) {
        double max = Arrays.stream(logs).max().orElseThrow();
        double sum = 0;
        for (double v : logs) {
            sum += Math.exp(v - max);
        }
        double total = max + Math.log(sum);
        for (int c = 0; c < logs.length; c++) {
            logs[c] = Math.exp(logs[c] - total);
        }
        return total;
    }

    /** Components renumbered by decreasing weight (ties by mean), so names do not depend on the initial order. */
    GaussianMixture sorted() {
        Integer[] order = IntStream.range(0, k()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -weight[c]).thenComparing(c -> mean[c], Arrays::compare));
        return new GaussianMixture(columns, Arrays.stream(order).mapToDouble(c -> weight[c]).toArray(),
                Arrays.stream(order).map(c -> mean[c]).toArray(double[][]::new), Arrays.stream(order).map(c -> cov[c]).toArray(double[][][]::new));
    }

    private static double[][] cholesky(double[][] a, int component) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new NodeFailure("Component c" + (component + 1) + " of the Gaussian mixture collapsed onto too few rows "
                                + "(its covariance is no longer positive definite).",
                                "Lower 'k', use the 'diagonal' covariance, or standardize the columns first.");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
