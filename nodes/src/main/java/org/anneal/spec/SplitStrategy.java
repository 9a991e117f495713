package org.anneal.spec;

/** How a SPLIT node assigns rows; the leakage analysis checks it against the source's group and time columns. */
public enum SplitStrategy {
    /** Not a split. */
    NONE,
    /** Rows assigned at random (stratified or not): groups and time order are ignored. */
    RANDOM,
    /** Whole groups assigned to one side. */
    GROUP,
    /** Earlier rows train, later rows test. */
    TIME
}
