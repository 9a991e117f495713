package org.anneal.ml;

import org.anneal.spec.Task;

import org.anneal.data.Table;
import org.anneal.spec.ExecContext;

/**
 * An unfitted learning algorithm with its settings: the value on a LEARNER wire. {@code train.fit} turns it
 * into a {@link TrainedModel}; keeping the two apart lets one learner feed several fits (cross-validation,
 * tuning) without any state leaking between them.
 */
public interface Learner {
    /** What it predicts. */
    Task task();

    /** Human description with settings, e.g. "Ridge regression (lambda = 0.1)". */
    String describe();

    /**
     * Fits on {@code train}, using its target column and the given features.
     *
     * @throws org.anneal.spec.NodeFailure for data it cannot learn from (missing values, collinearity)
     */
    TrainedModel fit(Table train, java.util.List<String> features, String target, ExecContext ctx);

    /** The hyperparameters a tune node may vary, with their current values. */
    default java.util.Map<String, Double> hyperparameters() {
        return java.util.Map.of();
    }

    /** This learner with one hyperparameter changed; unknown names are refused. */
    default Learner with(String hyperparameter, double value) {
        throw new IllegalArgumentException(describe() + " has no tunable hyperparameter '" + hyperparameter + "'");
    }
}
