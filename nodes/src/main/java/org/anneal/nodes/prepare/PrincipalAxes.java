package org.anneal.nodes.prepare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.NodeFailure;
import org.tribuo.math.la.DenseMatrix;

/**
 * Principal axes of a set of numeric columns: the column means and the eigenvectors of the sample covariance
 * matrix, sorted by decreasing variance. The symmetric eigendecomposition is Tribuo's
 * ({@link DenseMatrix#eigenDecomposition()}, tribuo-math); Tribuo 4.3 has no SVD, and for the few dozen columns of a
 * teaching dataset the eigenvectors of XᵀX/(n-1) are the right singular vectors of the centred matrix X.
 *
 * <p>Each axis's sign is fixed so that its largest-magnitude loading is positive: eigenvectors are only defined up
 * to sign, and without a convention the same data could give mirrored score plots from one library version to the next.
 *
 * @param mean     column means over the fit rows
 * @param axes     {@code axes[k][j]}: loading of column j on component k, unit length, k by decreasing variance
 * @param variance variance along each axis (eigenvalues, n - 1 denominator), decreasing
 */
record PrincipalAxes(List<String> columns, double[] mean, double[][] axes, double[] variance) {

    static PrincipalAxes fit(Table fit, List<String> columns, Runnable checkCancelled) {
        int p = columns.size();
        int n = fit.rowCount();
        if (n < 2) {
            throw new NodeFailure("PCA needs at least two fit rows; it got " + n + ".", "Connect more rows to 'fit'.");
        }
        double[][] x = new double[p][];
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            NumericColumn c = fit.numeric(columns.get(j));
            if (c.missingCount() > 0) {
                throw new NodeFailure("Column '" + c.name() + "' has " + c.missingCount() + " missing value(s) in the fit rows; PCA needs every value.",
                        "Impute the column (prepare.impute) or drop the rows with missing values before PCA.");
            }
            x[j] = c.values();
            mean[j] = Arrays.stream(x[j]).sum() / n;
        }
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            checkCancelled.run();
            for (int b = a; b < p; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (x[a][i] - mean[a]) * (x[b][i] - mean[b]);
                }
                cov[a][b] = s / (n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        var eig = DenseMatrix.createDenseMatrix(cov).eigenDecomposition().orElseThrow(() -> new NodeFailure(
                "The covariance matrix of the PCA columns could not be decomposed.", "Check the columns for infinite values."));
        double[] values = eig.eigenvalues().toArray();
        DenseMatrix vectors = eig.eigenvectors();
        Integer[] order = IntStream.range(0, p).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -values[k]));
        double[][] axes = new double[p][p];
        double[] variance = new double[p];
        for (int k = 0; k < p; k++) {
            int src = order[k];
            // round-off can make the eigenvalue of a constant direction slightly negative
            variance[k] = Math.max(0, values[src]);
            int biggest = 0;
            for (int j = 0; j < p; j++) {
                axes[k][j] = vectors.get(j, src);
                if (Math.abs(axes[k][j]) > Math.abs(axes[k][biggest]) + 1e-12) {
                    biggest = j;
                }
            }
            if (axes[k][biggest] < 0) {
                for (int j = 0; j < p; j++) {
                    axes[k][j] = -axes[k][j];
                }
            }
        }
        return new PrincipalAxes(columns, mean, axes, variance);
    }

    /** Share of the total variance along each axis; all zero when the columns are constant. */
    double[] varianceRatio() {
        double total = Arrays.stream(variance).sum();
        return Arrays.stream(variance).map(v -> total > 0 ? v / total : 0).toArray();
    }
}
