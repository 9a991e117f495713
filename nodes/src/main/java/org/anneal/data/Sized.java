package org.anneal.data;

/**
 * A value that knows roughly how many bytes it holds, so the in-memory cache can keep as many results as fit in its
 * budget instead of a fixed number of them (one table of images can weigh more than a thousand metric sets).
 */
public interface Sized {
    /** Approximate bytes of the arrays and objects this value holds, arrays shared with other values included. */
    long bytes();
}
