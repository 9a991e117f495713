package org.anneal.ml;

/** The kind of prediction a learner makes; decides which targets and metrics fit. */
public enum Task {
    REGRESSION, CLASSIFICATION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
