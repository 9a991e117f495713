package org.anneal.spec;

/** The kind of prediction a learner makes; decides which targets and metrics fit. */
public enum Task {
    REGRESSION, CLASSIFICATION,
    /** Unsupervised grouping of rows: no target, scores such as inertia and silhouette. */
    CLUSTERING,
    /** Per-pixel classification: a mask (a class number for every pixel) predicted for every image; scored by IoU and Dice. */
    SEGMENTATION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
