package org.anneal.ml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;

/**
 * A formula a student types into the inspector ({@code a * exp(-Q / (R * T))}, {@code `Cr (wt%)` + `Ni (wt%)`}),
 * parsed by exp4j rather than by a parser of our own. Names are the ones the caller allows (columns, fitted
 * parameters, constants); a name with spaces or symbols is written between backticks. exp4j's functions
 * ({@code exp log log10 sqrt abs sin cos tanh pow …}, {@code ^} for powers) and constants ({@code pi e}) are
 * available. Implicit multiplication is off so that {@code ab} is never read as {@code a*b} by surprise.
 *
 * <p>A parsed formula is immutable; {@link #evaluator()} gives each thread its own evaluator because exp4j's
 * {@code Expression} keeps variable values inside it.
 */
public final class Formula {

    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");

    private final String text;
    private final List<String> names;
    private final Map<String, String> internalByName;
    private final Expression parsed;

    private Formula(String text, List<String> names, Map<String, String> internalByName, Expression parsed) {
        this.text = text;
        this.names = names;
        this.internalByName = internalByName;
        this.parsed = parsed;
    }

    /**
     * Parses {@code text} allowing only {@code allowed} names.
     *
     * @throws FormulaException with a message a student can act on: the unknown name and the names allowed,
     *     unbalanced parentheses, a missing operand
     */
    public static Formula parse(String text, Collection<String> allowed) {
        if (text == null || text.isBlank()) {
            throw new FormulaException("The formula is empty.", "Write an expression such as a * exp(-b * x).");
        }
        Map<String, String> internalByName = new LinkedHashMap<>();
        Map<String, String> nameByInternal = new LinkedHashMap<>();
        for (String name : allowed) {
            String internal = "_v" + internalByName.size();
            internalByName.put(name, internal);
            nameByInternal.put(internal, name);
        }
        String rewritten = rewrite(text, internalByName, allowed);
        Expression expression;
        try {
            expression = new ExpressionBuilder(rewritten)
                    .variables(nameByInternal.keySet())
                    .implicitMultiplication(false)
                    .build();
        } catch (IllegalArgumentException | java.util.EmptyStackException e) {
            String message = explain(e.getMessage(), text, nameByInternal, allowed);
            throw new FormulaException(message, message.startsWith("Unknown name") ? allowedList(allowed)
                    : message.contains("parentheses") ? "Close every '(' with a ')'."
                    : "Give every operator a value on each side, e.g. a * (b + c).");
        }
        ValidationResult check = expression.validate(false);
        if (!check.isValid()) {
            throw new FormulaException("The formula '" + text + "' is incomplete: "
                    + String.join("; ", check.getErrors()) + ".", "Give every operator and function all its values.");
        }
        List<String> used = new ArrayList<>();
        for (String name : allowed) {
            if (expression.getVariableNames().contains(internalByName.get(name))) {
                used.add(name);
            }
        }
        return new Formula(text, List.copyOf(used), internalByName, expression);
    }

    /** The allowed names this formula uses, in the order they were allowed. */
    public List<String> names() {
        return names;
    }

    public String text() {
        return text;
    }

    /** A new evaluator for the calling thread. */
    public Evaluator evaluator() {
        return new Evaluator(new Expression(parsed));
    }

    /** Evaluates once with the values by name (every name in {@link #names()} must be given). */
    public double evaluate(Map<String, Double> values) {
        Evaluator evaluator = evaluator();
        for (String name : names) {
            Double value = values.get(name);
            if (value == null) {
                throw new FormulaException("No value for '" + name + "' in the formula '" + text + "'.", "Give a value for every name.");
            }
            evaluator.set(name, value);
        }
        return evaluator.evaluate();
    }

    /** Holds variable values for one thread; set the names, then evaluate. */
    public final class Evaluator {
        private final Expression expression;

        private Evaluator(Expression expression) {
            this.expression = expression;
        }

        public Evaluator set(String name, double value) {
            String internal = internalByName.get(name);
            if (internal == null) {
                throw new IllegalArgumentException("'" + name + "' is not a name of the formula '" + text + "'");
            }
            expression.setVariable(internal, value);
            return this;
        }

        /** The value; division by zero and domain errors give infinities or NaN, as in Java arithmetic. */
        public double evaluate() {
            try {
                return expression.evaluate();
            } catch (ArithmeticException e) {
                return Double.NaN;
            }
        }
    }

    /** Replaces `quoted names` and bare names by exp4j-safe identifiers, longest bare names first. */
    private static String rewrite(String text, Map<String, String> internalByName, Collection<String> allowed) {
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String name = quoted.group(1);
            String internal = internalByName.get(name);
            if (internal == null) {
                throw new FormulaException("Unknown name `" + name + "` in the formula '" + text + "'. "
                        + allowedList(allowed), allowedList(allowed));
            }
            quoted.appendReplacement(out, Matcher.quoteReplacement(internal));
        }
        quoted.appendTail(out);
        if (out.indexOf("`") >= 0) {
            throw new FormulaException("A backtick is not closed in the formula '" + text + "'.",
                    "Write a name with spaces or symbols between two backticks: `name (unit)`.");
        }
        String result = out.toString();
        for (Map.Entry<String, String> e : internalByName.entrySet()) {
            String name = e.getKey();
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                result = result.replaceAll("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_(])",
                        Matcher.quoteReplacement(e.getValue()));
            }
        }
        return result;
    }

    private static String explain(String message, String text, Map<String, String> nameByInternal,
            Collection<String> allowed) {
        String m = message == null ? "" : message;
        Matcher unknown = Pattern.compile("Unknown function or variable '([^']*)'").matcher(m);
        if (unknown.find()) {
            return "Unknown name '" + unknown.group(1) + "' in the formula '" + text + "'. " + allowedList(allowed);
        }
        if (m.contains("parenthes")) {
            return "The parentheses do not match in the formula '" + text + "'.";
        }
        for (Map.Entry<String, String> e : nameByInternal.entrySet()) {
            m = m.replace(e.getKey(), e.getValue());
        }
        return "The formula '" + text + "' cannot be read: " + (m.isBlank() ? "it is incomplete" : m) + ".";
    }

    private static String allowedList(Collection<String> allowed) {
        if (allowed.isEmpty()) {
            return "This formula may use no names, only numbers and functions.";
        }
        return "Names you can use: " + String.join(", ", allowed)
                + " (write a name with spaces or symbols between backticks).";
    }

    /** A formula that cannot be parsed or evaluated: what is wrong, and what to do about it. */
    public static final class FormulaException extends IllegalArgumentException {
        private final String fix;

        public FormulaException(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        /** What the student can do, shown as the error's fix. */
        public String fix() {
            return fix;
        }
    }
}
