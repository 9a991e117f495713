package org.anneal.nodes.prepare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.linalg.Products;
import org.anneal.spec.NodeFailure;
import org.tribuo.math.la.DenseMatrix;

/**
 * Principal axes of a set of numeric columns: the column means and the eigenvectors of the sample covariance
 * matrix, sorted by decreasing variance. The symmetric eigendecomposition is Tribuo's
 * ({@link DenseMatrix#eigenDecomposition()}, tribuo-math); Tribuo 4.3 has no SVD, and the eigenvectors of XᵀX/(n-1)
 * are the right singular vectors of the centred matrix X.
 *
 * <p>Two routes give the same axes. With fewer columns than rows the p × p covariance is decomposed. With more
 * columns than rows (a spectrum of thousands of channels per row) the covariance is too big to build, so the n × n
 * Gram matrix X·Xᵀ/(n-1) is decomposed instead: it has the same non-zero eigenvalues, and each axis is Xᵀu
 * scaled to unit length (u an eigenvector of the Gram matrix). That costs n²·p instead of p²·n plus p³.
 * Centred data of n rows spans at most n - 1 directions; the remaining axes have zero variance and no defined
 * direction, so on the Gram route they are left as zero loadings (their scores are 0) instead of an arbitrary
 * orthonormal completion that would cost the p³ the route avoids.
 *
 * <p>Each axis's sign is fixed so that its largest-magnitude loading is positive: eigenvectors are only defined up
 * to sign, and without a convention the same data could give mirrored score plots from one library version to the next.
 *
 * <p>{@link #fit} finds every axis (signals.anomaly-score needs them all); {@link LeadingAxes} finds only the kept ones
 * for prepare.pca, fast enough for thousands of channels.
 *
 * @param mean          column means over the fit rows
 * @param axes          {@code axes[k][j]}: loading of column j on component k, unit length, k by decreasing variance;
 *                      every axis from {@link #fit}, the kept ones from {@link LeadingAxes}
 * @param variance      variance along each axis (eigenvalues, n - 1 denominator), decreasing; every axis's from the
 *                      exact routes, only the kept ones' from the randomized route
 * @param totalVariance the sum of the columns' variances, which the variance ratios are shares of
 */
public record PrincipalAxes(List<String> columns, double[] mean, double[][] axes, double[] variance, double totalVariance) {

    PrincipalAxes(List<String> columns, double[] mean, double[][] axes, double[] variance) {
        this(columns, mean, axes, variance, Arrays.stream(variance).sum());
    }

    public static PrincipalAxes fit(Table fit, List<String> columns, Runnable checkCancelled) {
        double[][] x = columnsOf(fit, columns);
        double[] mean = checkedMeans(fit, columns, x);
        return columns.size() > fit.rowCount() ? byGram(columns, x, mean, checkCancelled) : byCovariance(columns, x, mean, checkCancelled);
    }

    /** The fit columns' values, {@code x[j]} column j; fails on too few rows ({@link #checkedMeans} on a missing value). */
    static double[][] columnsOf(Table fit, List<String> columns) {
        int n = fit.rowCount();
        if (n < 2) {
            throw new NodeFailure("PCA needs at least two fit rows; it got " + n + ".", "Connect more rows to 'fit'.");
        }
        double[][] x = new double[columns.size()][];
        NumericColumn[] found = TableEdits.numericColumns(fit, columns);
        for (int j = 0; j < x.length; j++) {
            x[j] = found[j].values();
        }
        return x;
    }

    /**
     * {@link #means} of the fit columns, failing on the first column with a missing value: a missing value makes its
     * column's sum NaN, so only those columns are searched, and the data is read once instead of twice.
     */
    static double[] checkedMeans(Table fit, List<String> columns, double[][] x) {
        double[] mean = means(x);
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(mean[j]) && anyMissing(x[j])) {
                NumericColumn c = TableEdits.numericColumns(fit, List.of(columns.get(j)))[0];
                throw new NodeFailure("Column '" + c.name() + "' has " + c.missingCount() + " missing value(s) in the fit rows; PCA needs every value.",
                        "Impute the column (prepare.impute) or drop the rows with missing values before PCA.");
            }
        }
        return mean;
    }

    /** Whether a value is missing (NaN): one tight pass over the array, where counting through the column's interface costs several. */
    static boolean anyMissing(double[] values) {
        for (double v : values) {
            if (v != v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Column means, each the compensated sum that {@code Arrays.stream(column).sum()} computes (Kahan summation with
     * the JDK's final correction), to the last bit, so earlier results stay as they were. That sum is a chain of
     * dependent additions; four columns summed side by side keep four chains in flight, and groups of columns run in
     * parallel, several times faster than one stream per column.
     */
    static double[] means(double[][] x) {
        double[] mean = new double[x.length];
        IntStream.range(0, (x.length + 3) / 4).parallel().forEach(g -> {
            int j = 4 * g;
            if (j + 3 < x.length) {
                fourSums(x[j], x[j + 1], x[j + 2], x[j + 3], mean, j);
            } else {
                for (; j < x.length; j++) {
                    mean[j] = Arrays.stream(x[j]).sum();
                }
            }
        });
        for (int j = 0; j < x.length; j++) {
            mean[j] /= x[j].length;
        }
        return mean;
    }

    /** The compensated sums of four columns of equal length into out[at … at + 3]. */
    private static void fourSums(double[] a, double[] b, double[] c, double[] d, double[] out, int at) {
        double sa = 0, sb = 0, sc = 0, sd = 0;
        double ca = 0, cb = 0, cc = 0, cd = 0;
        double pa = 0, pb = 0, pc = 0, pd = 0;
        for (int i = 0; i < a.length; i++) {
            double ya = a[i] - ca;
            double yb = b[i] - cb;
            double yc = c[i] - cc;
            double yd = d[i] - cd;
            double ta = sa + ya;
            double tb = sb + yb;
            double tc = sc + yc;
            double td = sd + yd;
            ca = (ta - sa) - ya;
            cb = (tb - sb) - yb;
            cc = (tc - sc) - yc;
            cd = (td - sd) - yd;
            sa = ta;
            sb = tb;
            sc = tc;
            sd = td;
            pa += a[i];
            pb += b[i];
            pc += c[i];
            pd += d[i];
        }
        out[at] = finalSum(sa, ca, pa);
        out[at + 1] = finalSum(sb, cb, pb);
        out[at + 2] = finalSum(sc, cc, pc);
        out[at + 3] = finalSum(sd, cd, pd);
    }

    /** As the JDK finishes a compensated sum: an overflow to ±∞ beats the NaN that ∞ − ∞ leaves in it. */
    private static double finalSum(double sum, double compensation, double simple) {
        double total = sum - compensation;
        return Double.isNaN(total) && Double.isInfinite(simple) ? simple : total;
    }

    /** Column j minus its mean, one array per column. */
    static double[][] centred(double[][] x, double[] mean) {
        double[][] c = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            c[j] = new double[x[j].length];
            for (int i = 0; i < c[j].length; i++) {
                c[j][i] = x[j][i] - mean[j];
            }
        }
        return c;
    }

    /**
     * The sample covariance matrix XcᵀXc / (n − 1) of the centred columns. Each entry adds its n products in row order
     * ({@link Products}), exactly as the plain double loop did, so the matrix — and every result computed from it — is
     * the same to the last bit, only several times faster.
     */
    static double[][] covariance(double[][] centredColumns, Runnable checkCancelled) {
        int n = centredColumns[0].length;
        double[][] cov = Products.multiplySymmetric(centredColumns, Products.transpose(centredColumns), checkCancelled);
        for (double[] row : cov) {
            for (int b = 0; b < row.length; b++) {
                row[b] /= n - 1;
            }
        }
        return cov;
    }

    /** The p × p covariance route; {@code x[j]} is column j. */
    static PrincipalAxes byCovariance(List<String> columns, double[][] x, double[] mean, Runnable checkCancelled) {
        int p = x.length;
        double[][] cov = covariance(centred(x, mean), checkCancelled);
        Eigen eig = Eigen.of(cov);
        double[][] axes = new double[p][p];
        double[] variance = new double[p];
        for (int k = 0; k < p; k++) {
            // round-off can make the eigenvalue of a constant direction slightly negative
            variance[k] = Math.max(0, eig.values[k]);
            for (int j = 0; j < p; j++) {
                axes[k][j] = eig.vectors.get(j, eig.order[k]);
            }
            fixSign(axes[k]);
        }
        return new PrincipalAxes(columns, mean, axes, variance);
    }

    /** The n × n Gram route for wide tables; {@code x[j]} is column j. */
    static PrincipalAxes byGram(List<String> columns, double[][] x, double[] mean, Runnable checkCancelled) {
        int p = x.length;
        int n = x[0].length;
        double[][] rows = new double[n][p]; // row-major and centred, so each Gram entry is one contiguous dot product
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                rows[i][j] = x[j][i] - mean[j];
            }
        }
        double[][] gram = new double[n][n];
        IntStream.range(0, n).parallel().forEach(a -> {
            checkCancelled.run();
            for (int b = a; b < n; b++) {
                gram[a][b] = Products.dot(rows[a], rows[b], 0, p) / (n - 1);
            }
        });
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        Eigen eig = Eigen.of(gram);
        double[][] axes = new double[p][];
        double[] variance = new double[p];
        double largest = Math.max(0, eig.values[eig.order[0]]);
        double[] none = new double[p];
        for (int k = 0; k < p; k++) {
            double value = k < n ? eig.values[eig.order[k]] : 0;
            // below this the direction is round-off of a zero eigenvalue (centring removes one; duplicate rows more)
            if (value <= largest * 1e-12 || value <= 0) {
                axes[k] = none;
                continue;
            }
            checkCancelled.run();
            variance[k] = value;
            double[] axis = new double[p];
            for (int i = 0; i < n; i++) {
                double u = eig.vectors.get(i, eig.order[k]);
                double[] row = rows[i];
                for (int j = 0; j < p; j++) {
                    axis[j] += u * row[j];
                }
            }
            double norm = Math.sqrt(Products.dot(axis, axis, 0, p));
            for (int j = 0; j < p; j++) {
                axis[j] /= norm;
            }
            fixSign(axis);
            axes[k] = axis;
        }
        return new PrincipalAxes(columns, mean, axes, variance);
    }

    static void fixSign(double[] axis) {
        int biggest = 0;
        for (int j = 0; j < axis.length; j++) {
            if (Math.abs(axis[j]) > Math.abs(axis[biggest]) + 1e-12) {
                biggest = j;
            }
        }
        if (axis[biggest] < 0) {
            for (int j = 0; j < axis.length; j++) {
                axis[j] = -axis[j];
            }
        }
    }

    /** A symmetric eigendecomposition with the eigenvalue indices sorted by decreasing value. */
    private record Eigen(double[] values, DenseMatrix vectors, Integer[] order) {
        static Eigen of(double[][] symmetric) {
            var eig = DenseMatrix.createDenseMatrix(symmetric).eigenDecomposition().orElseThrow(() -> new NodeFailure(
                    "The covariance matrix of the PCA columns could not be decomposed.", "Check the columns for infinite values."));
            double[] values = eig.eigenvalues().toArray();
            Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -values[k]));
            return new Eigen(values, eig.eigenvectors(), order);
        }
    }

    /** Share of the total variance along each axis; all zero when the columns are constant. */
    double[] varianceRatio() {
        return Arrays.stream(variance).map(v -> totalVariance > 0 ? v / totalVariance : 0).toArray();
    }
}
