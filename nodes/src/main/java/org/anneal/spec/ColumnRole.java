package org.anneal.spec;

/**
 * What a column is for. Roles are declared at the source and carried by every table spec downstream, so
 * learners know their target and the leakage analysis knows groups, times and post-outcome columns.
 */
public enum ColumnRole {
    FEATURE, TARGET, GROUP, TIME, ID, IGNORE, PREDICTION;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
