package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.TableSpec;

/**
 * The one number per row that an explanation explains: the prediction of a regression model, or for a classifier
 * the probability of one class (the share of rows predicted as that class when the model gives no probabilities).
 *
 * @param model  the fitted model
 * @param cls    index of the explained class in {@code model.classes()}, or -1 for regression
 */
record ModelOutput(TrainedModel model, int cls) {

    /** @param className the class to explain; empty = the second class (the "positive" one of two) */
    static ModelOutput of(TrainedModel model, String className) {
        if (model.task() == Task.REGRESSION) {
            return new ModelOutput(model, -1);
        }
        int c = className.isEmpty() ? Math.min(1, model.classes().size() - 1) : model.classes().indexOf(className);
        if (c < 0) {
            throw new NodeFailure("The model knows no class '" + className + "'.", "Pick one of " + model.classes() + ".");
        }
        return new ModelOutput(model, c);
    }

    /** Name of the explained class; null for regression. */
    String describeClass() {
        return cls < 0 ? null : model.classes().get(cls);
    }

    /** What the explanation is of, for titles and axis labels. */
    String describe() {
        return cls < 0 ? "predicted " + model.target() : "P(" + model.target() + " = " + model.classes().get(cls) + ")";
    }

    double[] apply(Table rows) {
        if (cls < 0) {
            return model.predict(rows);
        }
        double[][] p = model.probabilities(rows);
        double[] out = new double[rows.rowCount()];
        if (p == null) {
            double[] pred = model.predict(rows);
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) pred[i] == cls ? 1 : 0;
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = p[i][cls];
        }
        return out;
    }

    /** A table of just the model's features, built from value arrays (one per feature, in model order). */
    Table table(double[][] columns) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            cols.add(new NumericColumn(model.features().get(j), ColumnRole.FEATURE, columns[j]));
        }
        return new Table(cols);
    }

    /** The model's feature values of {@code t}, feature-major; refuses missing values. */
    static double[][] features(TrainedModel model, Table t, String port) {
        double[][] out = new double[model.features().size()][];
        for (int j = 0; j < out.length; j++) {
            NumericColumn c = t.numeric(model.features().get(j));
            if (c.missingCount() > 0) {
                throw new NodeFailure("Feature '" + c.name() + "' has missing values in the '" + port + "' rows.",
                        "Fill (prepare.impute) or drop (prepare.drop-missing) missing values before explaining.");
            }
            out[j] = c.values();
        }
        return out;
    }

    /** Configure-time check: the rows on {@code port} hold every feature of the model as a number. */
    static void requireFeatures(ModelSpec model, TableSpec rows, String port) throws ConfigError {
        model.requireFeaturesIn(rows, port);
        for (String f : model.features()) {
            var c = rows.column(f);
            if (c.isEmpty() || !c.get().isNumeric()) {
                throw ConfigError.atPort(port, "The '" + port + "' rows lack the numeric feature '" + f + "' the model was trained with.",
                        "Prepare these rows the same way as the training rows (apply the same transforms).");
            }
        }
    }

    /** Configure-time check: {@code feature} (a parameter naming one input to vary) is one the model reads. */
    static void requireModelFeature(ModelSpec model, String feature) throws ConfigError {
        if (!model.features().contains(feature)) {
            String closest = org.anneal.spec.Names.closest(feature, model.features());
            throw ConfigError.atParam("feature", "'" + feature + "' is not a feature of the model.",
                    (closest != null ? "Did you mean '" + closest + "'? " : "") + "The model's features: " + model.features());
        }
    }
}
