package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Names;
import org.anneal.spec.TableSpec;

/** Column names or shell-style patterns ("comp_*", "T?"), resolved against a table's columns. */
final class ColumnPatterns {
    private ColumnPatterns() {
    }

    /**
     * The columns matched by the patterns, in the order the patterns list them (table order within one pattern),
     * without repeats. A pattern that matches nothing is a located error: it is almost always a typo.
     */
    static List<String> resolve(TableSpec t, List<String> patterns, String param) throws ConfigError {
        Set<String> out = new LinkedHashSet<>();
        for (String p : patterns) {
            List<String> hits = matches(t.names(), p);
            if (hits.isEmpty()) {
                String closest = Names.closest(p, t.names());
                throw ConfigError.atParam(param, "'" + p + "' matches no column of the input table.",
                        (closest != null ? "Did you mean '" + closest + "'? " : "") + "Columns available: " + String.join(", ", t.names())
                                + (isPattern(p) ? "" : ". Use * for any run of characters and ? for one character."));
            }
            out.addAll(hits);
        }
        return new ArrayList<>(out);
    }

    static List<String> matches(List<String> names, String pattern) {
        if (!isPattern(pattern)) {
            return names.contains(pattern) ? List.of(pattern) : List.of();
        }
        Pattern re = glob(pattern);
        return names.stream().filter(n -> re.matcher(n).matches()).toList();
    }

    static boolean isPattern(String p) {
        return p.indexOf('*') >= 0 || p.indexOf('?') >= 0;
    }

    private static Pattern glob(String p) {
        StringBuilder re = new StringBuilder();
        for (String part : p.split("((?<=[*?])|(?=[*?]))")) {
            re.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(re.toString());
    }
}
