package org.anneal.nodes.sciml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anneal.spec.ConfigError;

/**
 * A list of {@code name = value} pairs typed into one text param ({@code "a = 1, Q = 50000"}): the start values of a
 * curve fit's parameters, or its constants. Separated by commas or semicolons; names are plain identifiers so that a
 * formula can use them without backticks.
 */
final class NamedValues {

    private static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\\S+)\\s*");

    private NamedValues() {
    }

    /**
     * The pairs in the order written.
     *
     * @throws ConfigError at {@code param} naming the piece that is not {@code name = number}, or a repeated name
     */
    static Map<String, Double> parse(String text, String param) throws ConfigError {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String piece : text.split("[,;]")) {
            if (piece.isBlank()) {
                continue;
            }
            Matcher m = PAIR.matcher(piece);
            Double value = m.matches() ? number(m.group(2)) : null;
            if (value == null) {
                throw ConfigError.atParam(param, "'" + piece.strip() + "' in " + param + " is not of the form name = number.",
                        "Write the " + param + " as a = 1, Q = 50000 (a decimal point, not a comma, inside numbers).");
            }
            if (out.put(m.group(1), value) != null) {
                throw ConfigError.atParam(param, "'" + m.group(1) + "' is given twice in " + param + ".", "Give each name once.");
            }
        }
        return out;
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
