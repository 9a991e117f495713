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
 * @param maxRounds the round limit and {@code tolerance} the stopping rule's, both also used when expressing new rows
 * @param rounds    the rounds the fit ran; {@code converged} whether the stopping rule (not the limit) ended them
 */
record NmfFactors(List<String> columns, double[][] h, int maxRounds, double tolerance, double fitError, int rounds, boolean converged)
        implements FittedTransform {

    static String weightName(int c) {
        return "nmf" + (c + 1);
    }

    /** Learns H from the fit rows and returns it with the relative error ‖X − WH‖ / ‖X‖ reached on them. */
    static NmfFactors fit(NmfUpdates.Data x, List<String> columns, int r, int maxRounds, double tol, long seed, Runnable checkCancelled) {
        return fit(x, columns, r, maxRounds, tol, seed, checkCancelled, NmfUpdates.RoundListener.NONE);
    }

    static NmfFactors fit(NmfUpdates.Data data, List<String> columns, int r, int maxRounds, double tol, long seed, Runnable checkCancelled,
                          NmfUpdates.RoundListener everyRound) {
        int n = data.n();
        int p = columns.size();
        double[][] wt = new double[r][n];
        double[][] h = new double[r][p];
        NmfUpdates.start(data, wt, h, seed, checkCancelled);
        NmfUpdates.Outcome run = NmfUpdates.fit(data, wt, h, maxRounds, tol, checkCancelled, everyRound);
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
        return new NmfFactors(columns, sorted, maxRounds, tol, run.error(), run.rounds(), run.converged());
    }

    /** The weights of each row with H fixed, {@code w[i][c]}. */
    double[][] weights(double[][] x) {
        double[][] wt = weightsByComponent(NmfUpdates.Data.of(x));
        double[][] w = new double[x.length][h.length];
        for (int c = 0; c < h.length; c++) {
            for (int i = 0; i < x.length; i++) {
                w[i][c] = wt[c][i];
            }
        }
        return w;
    }

    private double[][] weightsByComponent(NmfUpdates.Data x) {
        return NmfUpdates.weights(x, h, maxRounds, tolerance);
    }

    @Override
    public String describe() {
        String stop = converged ? "the stopping rule met" : "the round limit reached before the stopping rule was met";
        return String.format(Locale.ROOT, "NMF of %d column(s) into %d component(s), relative error %.3g on the fit rows after %d round(s) (%s)",
                columns.size(), h.length, fitError, rounds, stop);
    }

    @Override
    public Table apply(Table data) {
        return apply(data, matrix(data, columns));
    }

    /** {@link #apply(Table)} given the columns' values already read ({@link #matrix}), as the node does when fit and data are one table. */
    Table apply(Table data, NmfUpdates.Data x) {
        double[][] wt = weightsByComponent(x);
        List<Column> made = new ArrayList<>();
        for (int c = 0; c < h.length; c++) {
            made.add(new NumericColumn(weightName(c), ColumnRole.FEATURE, wt[c]));
        }
        return TableEdits.apply(data, columns, made);
    }

    /**
     * The columns' values, shared with the table (read, never written); NMF is defined for non-negative data only, so a
     * negative or missing value fails naming its column.
     */
    static NmfUpdates.Data matrix(Table t, List<String> columns) {
        NumericColumn[] found = TableEdits.numericColumns(t, columns);
        double[][] x = new double[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = found[j];
            double[] values = c.values();
            long negative = 0;
            double smallest = 0;
            for (double v : values) {
                if (Double.isNaN(v)) {
                    throw new NodeFailure("Column '" + c.name() + "' has missing values; NMF needs every value.",
                            "Impute the column (prepare.impute, fitted on the training rows) before NMF.");
                }
                if (v < 0) {
                    negative++;
                    smallest = Math.min(smallest, v);
                }
            }
            x[j] = values;
            if (negative > 0) {
                throw new NodeFailure("Column '" + c.name() + "' has " + negative + " negative value(s) (smallest " + smallest
                        + "); NMF splits rows into non-negative parts and cannot represent them.",
                        "Feed the raw non-negative values (intensities, fractions), or rescale with prepare.minmax; standardized columns are negative half the time.");
            }
        }
        return NmfUpdates.Data.ofColumns(x);
    }
}
