package org.anneal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Values a workflow file can hold but Anneal cannot use or write back (issue 14): a lone UTF-16 surrogate ({@code "\ud800"})
 * that validated and then failed every save, and a number too large for a double ({@code 1e309}, read as Infinity, which
 * then turned every metric into NaN). Found at load, with their JSON pointer, instead of after all the work.
 */
final class UnwritableValues {
    private UnwritableValues() {
    }

    /** The first bad value: its JSON pointer and what is wrong with it; null when there is none. */
    static String[] find(JsonNode n, String pointer) {
        if (n.isTextual() && loneSurrogate(n.textValue())) {
            return new String[] {pointer, "holds a lone UTF-16 surrogate (an escape like \\ud800 without its pair), which cannot be saved"};
        }
        if (n.isNumber() && n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
            return new String[] {pointer, "is a number too large for Anneal (" + n.asText() + ")"};
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String[] bad = find(n.get(i), pointer + "/" + i);
                if (bad != null) {
                    return bad;
                }
            }
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (loneSurrogate(e.getKey())) {
                    return new String[] {pointer, "has a field name with a lone UTF-16 surrogate, which cannot be saved"};
                }
                String[] bad = find(e.getValue(), p);
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    static boolean loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
