package org.anneal.spec;

/**
 * How a node treats rows, as far as the leakage analysis is concerned. Declared once per node type; the
 * static analysis reads nothing else about a node's behaviour.
 */
public enum LeakageRole {
    /** Brings rows in (a file, a generator); rows start as "all rows, unsplit". */
    SOURCE,
    /** Partitions rows into train / validation / test (or folds). */
    SPLIT,
    /** Learns state from the rows on its fit input (scaler statistics, model weights). */
    FIT,
    /** Applies state learnt elsewhere to the rows on its data input. */
    APPLY,
    /** Row-wise and stateless: what comes out depends only on the row itself. */
    STATELESS,
    /** Scores predictions; its rows must be held out from every fit upstream. */
    EVALUATE,
    /** Writes or displays a value; nothing downstream. */
    SINK
}
