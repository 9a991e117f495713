package org.anneal.spec;

import java.util.List;

/**
 * Left as the plan ({@link Specs#withPlan}) of a node that computes a new column from other columns of the same row, so
 * that the leakage analysis sees what the new column is made of before anything runs: a feature computed from the target
 * is the target in disguise (issue 16, family 5).
 */
public interface DerivesColumn {
    /** The new column's name. */
    String column();

    /** The columns of the input its value is computed from. */
    List<String> uses();

    /** The role the new column takes. */
    ColumnRole role();
}
