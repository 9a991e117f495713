package org.anneal.nodes.prepare;

import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.Table;
import org.anneal.ml.linalg.Products;
import org.anneal.ml.linalg.RandomizedSvd;
import org.anneal.ml.linalg.SymmetricEigen;

/**
 * The first {@code k} principal axes for prepare.pca, by the route its {@code solver} names.
 *
 * <ul>
 * <li><b>Exact</b>: the eigendecomposition of the smaller of the p × p covariance matrix and the n × n Gram matrix
 * (the same non-zero eigenvalues; an axis is Xcᵀu scaled to unit length). Both come from the blocked, vectorised
 * product in {@link Products}; every eigenvalue (for the scree plot) and the k leading vectors from
 * {@link SymmetricEigen}. Up to {@value #CLASSIC_COLUMNS} columns on the covariance route, the covariance matrix is
 * decomposed by Tribuo as before, so workflows written earlier give the same numbers to the last digit.</li>
 * <li><b>Randomized</b>: {@link RandomizedSvd#leadingLuNormalised} with k + 10 random directions and scikit-learn's power
 * iterations (7 when k is below a tenth of min(n, p), else 4, LU-normalised); only the k kept variances are known,
 * shares of the exact total. It reads the table's columns as they are and makes a single centred copy, as rows: 16
 * passes over the data are what it costs, so every extra copy and pass shows; for a few hundred rows the power
 * iterations run on the Gram matrix instead ({@link RandomizedSvd#route}, from the shapes).</li>
 * <li><b>Auto</b>: exact while min(n, p) ≤ {@value #EXACT_UP_TO} (seconds at most), randomized beyond when k is below a
 * tenth of min(n, p), where the exact route would cost minutes.</li>
 * </ul>
 * Axes' signs follow the same convention on every route (largest loading positive).
 */
final class LeadingAxes {
    static final int CLASSIC_COLUMNS = 512;
    static final int EXACT_UP_TO = 2000;
    private static final int OVERSAMPLES = 10;
    /** Rows per parallel piece of the centred copy the randomized route makes. */
    private static final int BLOCK = 64;

    /** Which decomposition prepare.pca runs. */
    enum Route { EXACT, RANDOMIZED }

    private LeadingAxes() {
    }

    /** Randomized needs k ≤ min(n, p) random directions; with more components than that the exact route runs. */
    static Route route(PcaNode.Solver solver, int rows, int columns, int k) {
        int m = Math.min(rows, columns);
        return switch (solver) {
            case FULL -> Route.EXACT;
            case RANDOMIZED -> k <= m ? Route.RANDOMIZED : Route.EXACT;
            case AUTO -> m > EXACT_UP_TO && k < m / 10 ? Route.RANDOMIZED : Route.EXACT;
        };
    }

    static PrincipalAxes fit(Table fit, List<String> columns, int k, PcaNode.Solver solver, long seed, Runnable checkCancelled) {
        double[][] x = PrincipalAxes.columnsOf(fit, columns);
        double[] mean = PrincipalAxes.checkedMeans(fit, columns, x);
        int n = fit.rowCount();
        int p = columns.size();
        if (route(solver, n, p, k) == Route.RANDOMIZED) {
            return randomized(columns, x, mean, k, seed, checkCancelled);
        }
        if (p <= n && p <= CLASSIC_COLUMNS) {
            return PrincipalAxes.byCovariance(columns, x, mean, checkCancelled);
        }
        return exact(columns, x, mean, k, checkCancelled);
    }

    /** Covariance (p ≤ n) or Gram (p > n) matrix, all its eigenvalues, and the k leading axes. */
    static PrincipalAxes exact(List<String> columns, double[][] x, double[] mean, int k, Runnable checkCancelled) {
        int p = x.length;
        int n = x[0].length;
        double[][] cols = PrincipalAxes.centred(x, mean);
        double[][] rows = Products.transpose(cols);
        boolean gram = p > n;
        double[][] m = gram ? Products.multiplySymmetric(rows, cols, checkCancelled) : Products.multiplySymmetric(cols, rows, checkCancelled);
        for (double[] r : m) {
            for (int j = 0; j < r.length; j++) {
                r[j] /= n - 1;
            }
        }
        int wanted = Math.min(k, m.length);
        SymmetricEigen.Result eig = SymmetricEigen.largest(m, wanted, checkCancelled);
        double[] variance = new double[p];
        double largest = Math.max(0, eig.values()[0]);
        for (int j = 0; j < eig.values().length; j++) {
            double v = eig.values()[j];
            // below this a Gram eigenvalue is round-off of a zero one (centring removes one direction; duplicate rows more)
            variance[j] = v <= largest * 1e-12 || v <= 0 ? 0 : v;
        }
        double[][] axes = new double[k][];
        double[][] fromGram = gram ? Products.multiply(eig.vectors(), rows, checkCancelled) : eig.vectors(); // Xcᵀu, as rows
        for (int c = 0; c < k; c++) {
            double[] axis = c < wanted ? fromGram[c] : new double[p];
            if (variance[c] == 0) {
                axis = new double[p]; // no variance, no direction: zero loadings, as on the other routes
            } else {
                unit(axis);
                PrincipalAxes.fixSign(axis);
            }
            axes[c] = axis;
        }
        return new PrincipalAxes(columns, mean, axes, variance);
    }

    /** Reads the fit columns as they are and makes one centred copy, as rows (n × p) for the products that need rows. */
    static PrincipalAxes randomized(List<String> columns, double[][] x, double[] mean, int k, long seed, Runnable checkCancelled) {
        int p = x.length;
        int n = x[0].length;
        double[] squares = new double[n];
        double[][] rows = centredRows(x, mean, squares);
        int m = Math.min(n, p);
        int iterations = k < 0.1 * m ? 7 : 4;
        RandomizedSvd.Result svd = RandomizedSvd.leadingLuNormalised(rows, x, mean, k, Math.min(k + OVERSAMPLES, m), iterations, seed,
                checkCancelled);
        double total = 0;
        for (double sq : squares) {
            total += sq / (n - 1);
        }
        double[] variance = new double[k];
        double[][] axes = new double[k][];
        for (int c = 0; c < k; c++) {
            double s = svd.values()[c];
            variance[c] = s * s / (n - 1);
            axes[c] = svd.vectors()[c];
            PrincipalAxes.fixSign(axes[c]);
        }
        return new PrincipalAxes(columns, mean, axes, variance, total);
    }

    /**
     * The centred matrix as rows, blocks of rows in parallel, each filled four columns at a time so reads and writes
     * stay in cache; {@code squares[i]} gets row i's sum of squares (their total over n − 1 is the total variance).
     */
    private static double[][] centredRows(double[][] x, double[] mean, double[] squares) {
        int p = x.length;
        int n = x[0].length;
        double[][] rows = new double[n][];
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            int i0 = b * BLOCK;
            int i1 = Math.min(n, i0 + BLOCK);
            for (int i = i0; i < i1; i++) {
                rows[i] = new double[p];
            }
            int j = 0;
            for (; j + 3 < p; j += 4) { // four columns per pass: each row gets four neighbouring values per visit
                double[] c0 = x[j];
                double[] c1 = x[j + 1];
                double[] c2 = x[j + 2];
                double[] c3 = x[j + 3];
                for (int i = i0; i < i1; i++) {
                    double[] row = rows[i];
                    row[j] = c0[i] - mean[j];
                    row[j + 1] = c1[i] - mean[j + 1];
                    row[j + 2] = c2[i] - mean[j + 2];
                    row[j + 3] = c3[i] - mean[j + 3];
                }
            }
            for (; j < p; j++) {
                for (int i = i0; i < i1; i++) {
                    rows[i][j] = x[j][i] - mean[j];
                }
            }
            for (int i = i0; i < i1; i++) {
                squares[i] = Products.dot(rows[i], rows[i], 0, p);
            }
        });
        return rows;
    }

    private static void unit(double[] v) {
        double len = Math.sqrt(Products.dot(v, v, 0, v.length));
        for (int j = 0; j < v.length; j++) {
            v[j] /= len;
        }
    }
}
