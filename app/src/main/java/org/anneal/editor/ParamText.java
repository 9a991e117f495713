package org.anneal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.anneal.spec.ParamDescriptor;

/**
 * What a student types into an inspector field, read as the JSON value of a parameter and checked against
 * its declaration (type, range, choices) before anything is committed. Lists may be typed as
 * {@code a, b} or as JSON {@code ["a", "b"]}; lists of numbers also as {@code 64, 32}, {@code [64, 32]} or {@code 3 3}.
 */
public final class ParamText {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The outcome of reading a field: the value (null = use the default) or the message saying what is wrong. */
    public record Reading(JsonNode value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private ParamText() {
    }

    public static Reading read(ParamDescriptor p, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() && p.type() != org.anneal.spec.ParamType.TEXT) {
            return p.required() && !p.hasDefault() ? new Reading(null, "'" + p.name() + "' is required.") : new Reading(null, null);
        }
        JsonNode v;
        switch (p.type()) {
            case REAL, INTEGER -> {
                try {
                    v = F.numberNode(new java.math.BigDecimal(t.replace('−', '-')));
                } catch (NumberFormatException e) {
                    return new Reading(null, "'" + t + "' is not a number" + (p.rangeText().isEmpty() ? "." : "; enter one " + p.rangeText() + "."));
                }
            }
            case BOOLEAN -> {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    return new Reading(null, "Enter true or false.");
                }
                v = F.booleanNode(Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT)));
            }
            case COLUMNS, TEXT_LIST -> v = list(t);
            case INTEGER_LIST, REAL_LIST -> {
                Reading numbers = numbers(t, p.type() == org.anneal.spec.ParamType.INTEGER_LIST);
                if (!numbers.ok()) {
                    return numbers;
                }
                v = numbers.value();
            }
            default -> v = F.textNode(t);
        }
        try {
            p.convert(v);
            return new Reading(v, null);
        } catch (ParamDescriptor.Invalid e) {
            return new Reading(null, e.getMessage());
        }
    }

    /** "64, 32", "[64, 32]" or "3 3" as a JSON array of numbers; the first word that is no number is named. */
    static Reading numbers(String t, boolean whole) {
        String inner = t.replaceAll("^\\[|]$", "").trim();
        ArrayNode a = F.arrayNode();
        if (inner.isEmpty()) {
            return new Reading(a, null);
        }
        String[] words = inner.split("[,;\\s]+");
        for (int i = 0; i < words.length; i++) {
            try {
                java.math.BigDecimal d = new java.math.BigDecimal(words[i].replace('−', '-'));
                boolean fitsInt = whole && d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
                a.add(fitsInt ? F.numberNode(d.intValue()) : F.numberNode(d)); // 3.0 in a kernel is stored as 3
            } catch (NumberFormatException e) {
                return new Reading(null, "'" + words[i] + "' (value " + (i + 1) + ") is not a number; write numbers separated by commas, e.g. 64, 32.");
            }
        }
        return new Reading(a, null);
    }

    static ArrayNode list(String t) {
        if (t.startsWith("[")) {
            try {
                JsonNode parsed = org.anneal.graph.Json.MAPPER.readTree(t);
                if (parsed.isArray()) {
                    return (ArrayNode) parsed;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // not JSON after all: read it as a comma-separated list below
            }
            t = t.replaceAll("^\\[|]$", "");
        }
        ArrayNode a = F.arrayNode();
        for (String s : t.split(",")) {
            String name = s.trim().replaceAll("^\"|\"$", "");
            if (!name.isEmpty()) {
                a.add(name);
            }
        }
        return a;
    }

    /** The text a field shows for a stored value: plain words for text, "a, b" for lists. */
    public static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<String> names = new java.util.ArrayList<>();
            v.forEach(e -> names.add(e.isTextual() ? e.textValue() : e.toString()));
            return String.join(", ", names);
        }
        return v.toString();
    }
}
