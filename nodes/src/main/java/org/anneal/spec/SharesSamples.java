package org.anneal.spec;

/**
 * Implemented by the {@code Params} of a node whose output rows are windows of a signal that may overlap (a stride below
 * the window length): neighbouring rows then hold the same samples. Split by time, such rows need a gap of at least
 * {@link #sharedSpan} between the last training row and the first test row, or the two sides share measurements (rule L8).
 */
public interface SharesSamples {
    /**
     * The time, in the unit of the output rows' time column, from a window's start to its last sample when windows
     * overlap; 0 when they do not. {@code in} is the node's input table (the grid's step may be read from it).
     */
    double sharedSpan(TableSpec in);
}
