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

    /** Parameter values (name → JSON text value) that make the node use past rows only. */
    Map<String, String> pastOnly();
}
