package org.anneal.spec;

/** The kind of prediction a learner makes; decides which targets and metrics fit. */
public enum Task {
    REGRESSION, CLASSIFICATION,
    /** Unsupervised grouping of rows: no target, scores such as inertia and silhouette. */
    CLUSTERING;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
