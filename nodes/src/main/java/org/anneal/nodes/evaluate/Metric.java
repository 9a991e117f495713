package org.anneal.nodes.evaluate;

import org.anneal.ml.Task;
import org.anneal.spec.Choice;
import org.anneal.spec.Choices;

/** A score a node optimises or plots; {@link #key()} is its name in the metrics a fit reports. */
public enum Metric {
    /** r2 for regression, accuracy for classes. */
    AUTO,
    R2, RMSE, MAE, MSE, ACCURACY,
    @Choice("balanced_accuracy") BALANCED_ACCURACY,
    @Choice("f1_macro") F1_MACRO;

    /** The name the metrics are keyed by, as in the workflow file: "r2", "balanced_accuracy". */
    public String key() {
        return Choices.name(this);
    }

    /** The metric itself, with {@link #AUTO} resolved for the task. */
    public String keyFor(Task task) {
        return this != AUTO ? key() : Scoring.metricsFor(task).get(0);
    }
}
