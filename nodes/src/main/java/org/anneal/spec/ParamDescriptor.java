package org.anneal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a node type, read from the {@link Param} annotation and the Java type of its record
 * component. Converts JSON values to Java values with range and choice checks.
 */
public record ParamDescriptor(String name, ParamType type, JsonNode defaultJson, double min, double max,
                              List<String> choices, String doc, boolean required) {

    public ParamDescriptor {
        choices = List.copyOf(choices);
    }

    /** A JSON value that does not fit this parameter; message and fix are for the user. */
    public static final class Invalid extends Exception {
        private final String fix;

        Invalid(String message, String fix) {
            super(message, null, false, false);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    public boolean hasDefault() {
        return defaultJson != null;
    }

    /** Converts a JSON value to the Java value of the record component, checking type, range and choices. */
    public Object convert(JsonNode v) throws Invalid {
        switch (type) {
            case REAL -> {
                if (!v.isNumber()) {
                    throw mismatch(v, "a number");
                }
                return checkRange(v.doubleValue());
            }
            case INTEGER -> {
                if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
                    throw mismatch(v, "a whole number");
                }
                checkRange(v.doubleValue());
                return v.intValue();
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw mismatch(v, "true or false");
                }
                return v.booleanValue();
            }
            case TEXT, COLUMN, PATH -> {
                if (!v.isTextual()) {
                    throw mismatch(v, "text in quotes");
                }
                return v.textValue();
            }
            case CHOICE -> {
                if (!v.isTextual() || !choices.contains(v.textValue())) {
                    throw new Invalid("'" + name + "' is " + v + " but must be one of " + String.join(", ", choices) + ".",
                            "Pick one of: " + String.join(", ", choices));
                }
                return v.textValue();
            }
            case COLUMNS, TEXT_LIST -> {
                if (!v.isArray()) {
                    throw mismatch(v, "a list of names in [ ]");
                }
                List<String> out = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isTextual()) {
                        throw mismatch(v, "a list of names in quotes");
                    }
                    out.add(e.textValue());
                }
                return List.copyOf(out);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private double checkRange(double d) throws Invalid {
        if (Double.isNaN(d) || d < min || d > max) {
            throw new Invalid("'" + name + "' is " + fmt(d) + " but must be " + rangeText() + ".",
                    "Enter a value " + rangeText() + ".");
        }
        return d;
    }

    /** "between 0 and 1", "at least 0", ... or empty when unbounded. */
    public String rangeText() {
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return "between " + fmt(min) + " and " + fmt(max);
        }
        if (lo) {
            return "at least " + fmt(min);
        }
        if (hi) {
            return "at most " + fmt(max);
        }
        return "";
    }

    private Invalid mismatch(JsonNode v, String expected) {
        return new Invalid("'" + name + "' is " + v + " but must be " + expected + ".",
                "Write " + expected + ", for example " + example() + ".");
    }

    private String example() {
        if (defaultJson != null && !defaultJson.isNull()) {
            return defaultJson.toString();
        }
        return switch (type) {
            case REAL -> "0.5";
            case INTEGER -> "3";
            case BOOLEAN -> "true";
            case COLUMNS, TEXT_LIST -> "[\"a\", \"b\"]";
            default -> "\"text\"";
        };
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static JsonNode emptyFor(ParamType type) {
        return switch (type) {
            case COLUMNS, TEXT_LIST -> JsonNodeFactory.instance.arrayNode();
            case TEXT, COLUMN, PATH -> JsonNodeFactory.instance.textNode("");
            default -> null;
        };
    }
}
