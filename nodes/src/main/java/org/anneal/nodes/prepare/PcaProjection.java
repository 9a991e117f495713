package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;

/**
 * Learnt PCA: replaces the fitted columns by the scores on the first {@code components} axes, named
 * {@code pc1, pc2, …}. With {@code whiten} each score is divided by the standard deviation along its axis, so every
 * component has unit variance on the fit rows.
 */
record PcaProjection(PrincipalAxes axes, int components, boolean whiten) implements FittedTransform {
    /**
     * Rows per parallel piece of the scores (fixed, so the pieces depend on the shapes only; shorter loops cost more than
     * a second core gives).
     */
    private static final int ROWS = 512;

    static String scoreName(int k) {
        return "pc" + (k + 1);
    }

    @Override
    public String describe() {
        double[] ratio = axes.varianceRatio();
        double kept = 0;
        for (int k = 0; k < components; k++) {
            kept += ratio[k];
        }
        return String.format(Locale.ROOT, "PCA of %d column(s) to %d component(s)%s, keeping %.1f %% of the variance",
                axes.columns().size(), components, whiten ? " (whitened)" : "", 100 * kept);
    }

    @Override
    public List<String> columns() {
        return axes.columns();
    }

    @Override
    public Table apply(Table data) {
        List<String> cols = axes.columns();
        double[][] x = new double[cols.size()][];
        NumericColumn[] found = TableEdits.numericColumns(data, cols);
        for (int j = 0; j < cols.size(); j++) {
            x[j] = found[j].values();
        }
        int n = data.rowCount();
        double[][] scores = new double[components][n];
        int pieces = (n + ROWS - 1) / ROWS;
        int halves = pieces == 1 && components > 1 ? 2 : 1; // a single piece of rows: its components in two halves instead
        IntStream.range(0, pieces * halves).parallel().forEach(t -> {
            int b = t / halves;
            int h = t % halves;
            scoreRows(x, scores, b * ROWS, Math.min(n, (b + 1) * ROWS), h * components / halves, (h + 1) * components / halves);
        });
        requireEveryValue(found, scores);
        List<Column> made = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            double sd = Math.sqrt(axes.variance()[k]);
            double[] score = scores[k];
            // a zero-variance axis has nothing to whiten: its scores are all zero anyway
            if (whiten && sd > 0) {
                for (int i = 0; i < n; i++) {
                    score[i] /= sd;
                }
            }
            made.add(new NumericColumn(scoreName(k), ColumnRole.FEATURE, score));
        }
        return TableEdits.apply(data, cols, made);
    }

    /** A missing value makes its rows' scores NaN: only then are the columns searched for it (the data is read once). */
    private static void requireEveryValue(NumericColumn[] columns, double[][] scores) {
        for (double[] score : scores) {
            for (double v : score) {
                if (Double.isNaN(v)) {
                    for (NumericColumn c : columns) {
                        if (PrincipalAxes.anyMissing(c.values())) {
                            throw new NodeFailure("Column '" + c.name() + "' has " + c.missingCount()
                                    + " missing value(s); a row cannot be projected without all of them.",
                                    "Impute the column (prepare.impute, fitted on the training rows) before PCA.");
                        }
                    }
                    return; // NaN from infinite values, not from a missing one: as before, the scores say so
                }
            }
        }
    }

    /**
     * Rows [i0, i1) of scores [k0, k1), column by column over contiguous values, every component while the column is in
     * cache; each score still adds its terms {@code (x − mean)·loading} in column order, as the row-by-row sum did, and
     * each row is one thread's, so the scores are the same bits on any number of threads.
     */
    private void scoreRows(double[][] x, double[][] scores, int i0, int i1, int k0, int k1) {
        double[] mean = axes.mean();
        double[][] loading = axes.axes();
        for (int j = 0; j < x.length; j++) {
            for (int k = k0; k < k1; k++) {
                addScaled(scores[k], x[j], mean[j], loading[k][j], i0, i1);
            }
        }
    }

    private static void addScaled(double[] score, double[] column, double mean, double loading, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            score[i] += (column[i] - mean) * loading;
        }
    }
}
