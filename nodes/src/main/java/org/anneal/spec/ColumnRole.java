package org.anneal.spec;

/**
 * What a column is for. Roles are declared at the source and carried by every table spec downstream, so
 * learners know their target and the leakage analysis knows groups, times and post-outcome columns.
 */
public enum ColumnRole {
    FEATURE, TARGET, GROUP, TIME, ID, IGNORE, PREDICTION,
    /**
     * Measured after the outcome (a yield strength when predicting "meets spec"). Learners use it like a feature,
     * which is exactly the leak the analysis reports; ignore it at the source to train honestly.
     */
    POST_OUTCOME;

    /** Columns a learner trains on. */
    public boolean isUsedAsFeature() {
        return this == FEATURE || this == POST_OUTCOME;
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
