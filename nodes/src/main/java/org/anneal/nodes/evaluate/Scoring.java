package org.anneal.nodes.evaluate;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;

/** Scores a fitted model on rows that carry the target; shared by cross-validation, tuning and the curves. */
public final class Scoring {
    public static final List<String> REGRESSION = List.of("r2", "rmse", "mae", "mse");
    public static final List<String> CLASSIFICATION = List.of("accuracy", "balanced_accuracy", "f1_macro");

    private Scoring() {
    }

    public static Metrics score(TrainedModel m, Table rows) {
        return score(m.task(), rows, m.target(), m.predict(rows), m.classes());
    }

    /**
     * @param predicted for a classifier, indices into {@code classes} (the model's class order, which can differ from
     *                  the column's levels when a fold lacks a class)
     */
    public static Metrics score(Task task, Table rows, String target, double[] predicted, List<String> classes) {
        if (task == Task.REGRESSION) {
            return RegressionMetrics.of(rows.numeric(target).values(), predicted);
        }
        CategoricalColumn y = (CategoricalColumn) rows.column(target).orElseThrow();
        return ClassificationMetrics.of(y.codes(), levelCodes(predicted, classes, y.levels()), y.levels(), null);
    }

    /** Predicted class indices in the model's order turned into codes of the column's levels. */
    public static int[] levelCodes(double[] predicted, List<String> classes, List<String> levels) {
        int[] out = new int[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            out[i] = levels.indexOf(classes.get((int) predicted[i]));
        }
        return out;
    }

    public static boolean higherIsBetter(String metric) {
        return !List.of("rmse", "mae", "mse").contains(metric);
    }

    public static List<String> metricsFor(Task task) {
        return task == Task.REGRESSION ? REGRESSION : CLASSIFICATION;
    }
}
