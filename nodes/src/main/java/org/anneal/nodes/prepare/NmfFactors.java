package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/**
 * Non-negative matrix factorisation X ≈ W·H for the squared (Frobenius) error, by coordinate descent from an NNDSVDa
 * start as scikit-learn's default ({@link NmfUpdates}): neither Tribuo nor the DL4J modules on the classpath have NMF.
 * H (components × columns) is what is learnt; the weights W of other rows are found with H held fixed, so applying the
 * state learns nothing from them and treats each row on its own.
 *
 * <p>Each component is scaled to unit length (its weights take the scale), and components are ordered by their total
 * weight on the fit rows, so that the first one explains the most.
 *
 * @param h         {@code h[c][j]}: weight of column j in component c
 * @param tolerance the stopping rule's, also used when expressing new rows
 */
record NmfFactors(List<String> columns, double[][] h, int iterations, double tolerance, double fitError) implements FittedTransform {

    static String weightName(int c) {
        return "nmf" + (c + 1);
    }

    /** Learns H and returns it with the relative error ‖X − WH‖ / ‖X‖ reached on the fit rows. */
    static NmfFactors fit(double[][] x, List<String> columns, int r, int iterations, double tol, long seed, Runnable checkCancelled) {
        return fit(x, columns, r, iterations, tol, seed, checkCancelled, e -> { });
    }

    static NmfFactors fit(double[][] x, List<String> columns, int r, int iterations, double tol, long seed, Runnable checkCancelled,
                          DoubleConsumer everyRound) {
        int n = x.length;
        int p = columns.size();
        NmfUpdates.Data data = NmfUpdates.Data.of(x);
        double[][] wt = new double[r][n];
        double[][] h = new double[r][p];
        NmfUpdates.start(data, wt, h, seed, checkCancelled);
        double error = NmfUpdates.fit(data, wt, h, iterations, tol, checkCancelled, everyRound);
        // unit-length components, weights carrying the scale
        for (int c = 0; c < r; c++) {
            double len = Math.sqrt(Arrays.stream(h[c]).map(v -> v * v).sum());
            if (len > 0) {
                for (int j = 0; j < p; j++) {
                    h[c][j] /= len;
                }
                for (int i = 0; i < n; i++) {
                    wt[c][i] *= len;
                }
            }
        }
        double[] total = Arrays.stream(wt).mapToDouble(w -> Arrays.stream(w).sum()).toArray();
        Integer[] order = IntStream.range(0, r).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -total[c]).thenComparing(c -> h[c], Arrays::compare));
        double[][] sorted = Arrays.stream(order).map(c -> h[c]).toArray(double[][]::new);
        return new NmfFactors(columns, sorted, iterations, tol, error);
    }

    /** The weights of each row with H fixed, {@code w[i][c]}. */
    double[][] weights(double[][] x) {
        double[][] wt = NmfUpdates.weights(NmfUpdates.Data.of(x), h, iterations, tolerance);
        double[][] w = new double[x.length][h.length];
        for (int c = 0; c < h.length; c++) {
            for (int i = 0; i < x.length; i++) {
                w[i][c] = wt[c][i];
            }
        }
        return w;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "NMF of %d column(s) into %d component(s), relative error %.3g on the fit rows",
                columns.size(), h.length, fitError);
    }

    @Override
    public Table apply(Table data) {
        double[][] w = weights(matrix(data, columns));
        List<Column> made = new ArrayList<>();
        for (int c = 0; c < h.length; c++) {
            double[] v = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                v[i] = w[i][c];
            }
            made.add(new NumericColumn(weightName(c), ColumnRole.FEATURE, v));
        }
        return TableEdits.apply(data, columns, made);
    }

    /** Row-major values; NMF is defined for non-negative data only, so a negative or missing value fails naming its column. */
    static double[][] matrix(Table t, List<String> columns) {
        double[][] x = new double[t.rowCount()][columns.size()];
        NumericColumn[] found = TableEdits.numericColumns(t, columns);
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = found[j];
            long negative = 0;
            double smallest = 0;
            for (int i = 0; i < x.length; i++) {
                double v = c.get(i);
                if (Double.isNaN(v)) {
                    throw new NodeFailure("Column '" + c.name() + "' has missing values; NMF needs every value.",
                            "Impute the column (prepare.impute, fitted on the training rows) before NMF.");
                }
                if (v < 0) {
                    negative++;
                    smallest = Math.min(smallest, v);
                }
                x[i][j] = v;
            }
            if (negative > 0) {
                throw new NodeFailure("Column '" + c.name() + "' has " + negative + " negative value(s) (smallest " + smallest
                        + "); NMF splits rows into non-negative parts and cannot represent them.",
                        "Feed the raw non-negative values (intensities, fractions), or rescale with prepare.minmax; standardized columns are negative half the time.");
            }
        }
        return x;
    }
}
