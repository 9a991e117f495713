package org.anneal.nodes.plot;

import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

/** Configure- and run-time checks the plot nodes share. */
final class PlotSpecs {
    static final String PREDICTIONS_FIX = "Connect the 'predictions' output of evaluate.predict, evaluate.regression or evaluate.classification.";

    private PlotSpecs() {
    }

    /** The spec of a PLOT output drawn from {@code rows}: it carries their lineage but no rows of its own. */
    static ValueSpec plot(TableSpec rows) {
        return ValueSpec.of(DataKind.PLOT, rows.lineage());
    }

    /** The target column (the true values) of a predictions table, of the given type. */
    static ColumnSpec truth(TableSpec t, String port, ColumnType type) throws ConfigError {
        ColumnSpec target = t.requireTarget(port);
        if (target.type() != type) {
            throw ConfigError.atPort(port, "The target '" + target.name() + "' is " + kind(target)
                    + ", but this plot is for " + (type == ColumnType.NUMERIC ? "regression" : "classification") + ".",
                    type == ColumnType.NUMERIC ? "Use plot.confusion or plot.roc for a classifier." : "Use plot.parity or plot.residuals for a regression model.");
        }
        return target;
    }

    /** The {@link #truth} on {@code port} and the prediction column {@code prediction} (the plot's param of that name), both of {@code type}. */
    static void truthAndPrediction(TableSpec t, String port, String prediction, ColumnType type) throws ConfigError {
        truth(t, port, type);
        column(t, prediction, "prediction", type);
    }

    private static String kind(ColumnSpec c) {
        return c.isNumeric() ? "numeric" : c.isTensor() ? "a tensor column" : "categorical";
    }

    /** The named column, which must exist and have the given type. */
    static ColumnSpec column(TableSpec t, String name, String param, ColumnType type) throws ConfigError {
        ColumnSpec c = t.requireColumn(name, param);
        if (c.type() != type) {
            throw ConfigError.atParam(param, "Column '" + name + "' is " + kind(c) + "; this plot needs a "
                    + (type == ColumnType.NUMERIC ? "numeric" : "categorical") + " column here.", PREDICTIONS_FIX);
        }
        return c;
    }

    /** Values of a numeric column; missing values are a data problem the student can fix. */
    static double[] complete(Table t, String name) {
        NumericColumn c = t.numeric(name);
        if (c.missingCount() > 0) {
            throw new NodeFailure("Column '" + name + "' has " + c.missingCount() + " missing value(s); the plot cannot place those rows.",
                    "Drop or fill rows with missing values before predicting.");
        }
        return c.values();
    }

    /**
     * One series of the rows at (x, y); when the predictions carry a standard deviation ({@code <prediction>_sd}, a
     * Gaussian process) and {@code multiplier > 0}, each point gets an error bar of ± multiplier sd around y.
     */
    static org.anneal.ml.Plot.Series withErrorBars(Table t, String prediction, double multiplier, double[] x, double[] y) {
        String name = t.rowCount() + " rows";
        String sdColumn = prediction + org.anneal.nodes.evaluate.Predictions.SD_SUFFIX;
        if (multiplier <= 0 || t.column(sdColumn).isEmpty()) {
            return org.anneal.ml.Plot.Series.of(name, x, y);
        }
        double[] sd = complete(t, sdColumn);
        double[] lo = new double[sd.length];
        double[] hi = new double[sd.length];
        for (int i = 0; i < sd.length; i++) {
            lo[i] = y[i] - multiplier * sd[i];
            hi[i] = y[i] + multiplier * sd[i];
        }
        return org.anneal.ml.Plot.Series.withBand(name + " (± " + multiplier + " sd)", x, y, lo, hi);
    }

    static Column require(Table t, String name) {
        return t.column(name).orElseThrow(() -> new NodeFailure("There is no column '" + name + "' in the rows.", PREDICTIONS_FIX));
    }
}
