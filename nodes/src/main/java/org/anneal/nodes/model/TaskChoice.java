package org.anneal.nodes.model;

import org.anneal.ml.Task;

/** The task a supervised learner block is set to, stored as "regression" or "classification". */
public enum TaskChoice {
    REGRESSION, CLASSIFICATION;

    public Task task() {
        return this == REGRESSION ? Task.REGRESSION : Task.CLASSIFICATION;
    }
}
