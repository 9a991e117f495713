package org.anneal.spec;

import java.util.Map;

/**
 * Implemented by the {@code Params} of a node whose output for one row can, depending on its settings, use rows that come
 * later in time (a centred or leading window, a backward fill). On time-indexed data the leakage analysis reports such a
 * configuration (rule L8) and offers {@link #pastOnly()} as the quick fix; the node type stays a plain row-wise step.
 */
public interface LooksAhead {
    /** Why these settings use later rows, in words a student follows; null when they use past rows only. */
    String lookAhead();

    /** Parameter values (name → a string, number or list, as in the workflow file) that make the node use past rows only. */
    Map<String, ?> pastOnly();

    /** What to change, in words, for the L8 finding's fix. */
    default String pastOnlyFix() {
        return TRAILING_WINDOW;
    }

    /** The fix of a window step (prepare.rolling), the first member. */
    String TRAILING_WINDOW = "a trailing window (alignment 'trailing'), and no backward fill";
}
