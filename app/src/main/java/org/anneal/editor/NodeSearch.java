package org.anneal.editor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.anneal.spec.NodeDescriptor;

/**
 * How the palette and the quick-add popup match a typed query to node types. With seventy blocks, almost
 * every doc mentions "fit" or "model", so a match in the title or id must outrank a match in the doc: a
 * student typing "ridge" wants Ridge regression, not every step that could sit in front of it.
 */
final class NodeSearch {
    /** No match at all. */
    static final int NONE = Integer.MAX_VALUE;

    private NodeSearch() {
    }

    /**
     * 0: the title or id contains the query as typed; 1: every word is in the title or id; 2: every word is
     * somewhere in title, id or doc; {@link #NONE} otherwise. An empty query matches everything at 0.
     */
    static int rank(NodeDescriptor d, String query) {
        String q = query.toLowerCase(Locale.ROOT).trim();
        if (q.isEmpty()) {
            return 0;
        }
        String name = (d.title() + " " + d.id()).toLowerCase(Locale.ROOT);
        if (name.contains(q)) {
            return 0;
        }
        List<String> words = Arrays.asList(q.split("\\s+"));
        if (words.stream().allMatch(name::contains)) {
            return 1;
        }
        String hay = name + " " + d.doc().toLowerCase(Locale.ROOT);
        return words.stream().allMatch(hay::contains) ? 2 : NONE;
    }

    /** Whether any of {@code all} matches by title or id (rank 0 or 1). */
    static boolean anyByName(java.util.Collection<NodeDescriptor> all, String query) {
        return all.stream().anyMatch(d -> rank(d, query) <= 1);
    }
}
