package org.anneal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a node type, read from the {@link Param} annotation and the Java type of its record
 * component. Converts JSON values to Java values with range and choice checks.
 *
 * @param enumType the enum of a {@link ParamType#CHOICE} declared as an enum component (its constants are the
 *                 choices, bound to the constant); null for a string with listed choices and for other types
 * @param tunable  whether tuning may vary it ({@link Param#tunable()})
 */
public record ParamDescriptor(String name, ParamType type, JsonNode defaultJson, double min, double max,
                              List<String> choices, String doc, boolean required, Class<? extends Enum<?>> enumType,
                              boolean tunable) {

    public ParamDescriptor {
        choices = List.copyOf(choices);
    }

    public ParamDescriptor(String name, ParamType type, JsonNode defaultJson, double min, double max,
                           List<String> choices, String doc, boolean required) {
        this(name, type, defaultJson, min, max, choices, doc, required, null, false);
    }

    /** A JSON value that does not fit this parameter; message and fix are for the user. */
    public static final class Invalid extends Exception {
        private final String fix;
        private final String element;

        Invalid(String message, String fix) {
            this(message, fix, "");
        }

        Invalid(String message, String fix, String element) {
            super(message, null, false, false);
            this.fix = fix;
            this.element = element;
        }

        public String fix() {
            return fix;
        }

        /** Where inside the value the fault is, as a JSON pointer tail ("1" for the second element), or "". */
        public String element() {
            return element;
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
                return enumType == null ? v.textValue() : Choices.parseAny(enumType, v.textValue()).orElseThrow();
            }
            case INTEGER_LIST, REAL_LIST -> {
                return numbers(v);
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

    /**
     * The Java value for a number a tune node or validation curve tries: whole-number params take it rounded
     * (a random search draws between grid points), and the declared range holds as it does in a file.
     */
    public Object tuned(double value) throws Invalid {
        return switch (type) {
            case REAL -> checkRange(value);
            case INTEGER -> {
                double r = Math.floor(value + 0.5); // as Math.round, which the learners used before
                checkRange(r);
                yield (int) r;
            }
            default -> throw new Invalid("'" + name + "' is a " + type.title() + ", not a number to tune.",
                    "Tune a numeric hyperparameter.");
        };
    }

    /** A list of numbers; a wrong element is reported at its index, so the file location points at it. */
    private List<?> numbers(JsonNode v) throws Invalid {
        boolean whole = type == ParamType.INTEGER_LIST;
        String kind = whole ? "whole numbers" : "numbers";
        if (!v.isArray()) {
            throw mismatch(v, "a list of " + kind + " in [ ]");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String at = "'" + name + "' element " + (i + 1) + " of " + v.size();
            if (!e.isNumber() || (whole && e.doubleValue() != Math.rint(e.doubleValue()))) {
                throw new Invalid(at + " is " + e + " but must be " + (whole ? "a whole number" : "a number") + ".",
                        "Write " + kind + ", for example " + example() + ".", Integer.toString(i));
            }
            double d = e.doubleValue();
            if (Double.isNaN(d) || d < min || d > max) {
                throw new Invalid(at + " is " + fmt(d) + " but must be " + rangeText() + ".",
                        "Enter each value " + rangeText() + ".", Integer.toString(i));
            }
            out.add(whole ? (Object) e.intValue() : (Object) d);
        }
        return List.copyOf(out);
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
            case INTEGER_LIST -> "[3, 3]";
            case REAL_LIST -> "[0.1, 1]";
            default -> "\"text\"";
        };
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static JsonNode emptyFor(ParamType type) {
        return switch (type) {
            case COLUMNS, TEXT_LIST, INTEGER_LIST, REAL_LIST -> JsonNodeFactory.instance.arrayNode();
            case TEXT, COLUMN, PATH -> JsonNodeFactory.instance.textNode("");
            default -> null;
        };
    }
}
