package org.anneal.nodes.evaluate;

/**
 * How rows are dealt into cross-validation folds. A node offers the ones that make sense for it (a tune node
 * also {@link #AUTO}, which it resolves from the rows before any fold is formed).
 */
public enum FoldStrategy {
    /** Chosen from the rows: group folds when they carry a group, stratified for classes, else random. */
    AUTO,
    RANDOM,
    /** Each class's share kept in every fold. */
    STRATIFIED,
    /** Every group in one fold only. */
    GROUP,
    /** Consecutive blocks in row order, no shuffle (scikit-learn's KFold(shuffle=False)). */
    CONTIGUOUS,
    /** One fold per row. */
    LEAVE_ONE_OUT
}
