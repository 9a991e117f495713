package org.anneal.lesson;

import java.util.List;

/**
 * A formula from a lesson ({@code $y = \beta_0 + \beta_1 x^2$}), parsed from a small TeX subset by {@link TexParser}
 * into a tree that the editor draws with real sub- and superscripts and stacked fractions, and that the command line
 * prints as readable Unicode ({@code y = β₀ + β₁ x²}). Lecturers write the TeX they know; nothing needs a browser.
 */
public sealed interface Formula {

    /** The formula as one line of Unicode text. */
    String plain();

    /** A symbol, number, operator or word; {@code italic} for single-letter variables, as TeX sets them. */
    record Sym(String text, boolean italic) implements Formula {
        @Override
        public String plain() {
            return text;
        }
    }

    /** Atoms side by side. */
    record Row(List<Formula> items) implements Formula {
        public Row {
            items = List.copyOf(items);
        }

        @Override
        public String plain() {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append(i.plain()));
            return sb.toString();
        }
    }

    /** A base with a superscript and/or a subscript (either may be null). */
    record Scripted(Formula base, Formula sup, Formula sub) implements Formula {
        @Override
        public String plain() {
            return base.plain() + (sub == null ? "" : script(sub.plain(), Scripts.SUB, "_")) + (sup == null ? "" : script(sup.plain(), Scripts.SUP, "^"));
        }

        /** ² and ₀ where Unicode has them, else x^(n+1): never a wrong character. */
        private static String script(String s, String[] table, String mark) {
            s = s.replace(" ", ""); // a script is set tight: x^{n+1}
            String mapped = Scripts.map(s, table);
            if (mapped != null) {
                return mapped;
            }
            return mark + (s.length() == 1 ? s : "(" + s + ")");
        }
    }

    /** A fraction: stacked in a display formula, {@code a/b} in running text. */
    record Frac(Formula num, Formula den) implements Formula {
        @Override
        public String plain() {
            return grouped(num.plain()) + "/" + grouped(den.plain());
        }
    }

    /** A square root. */
    record Sqrt(Formula radicand) implements Formula {
        @Override
        public String plain() {
            return "√" + grouped(radicand.plain());
        }
    }

    /** {@code (a + b)} for a compound part, {@code a} or {@code 25x} alone: a/b reads wrong once either side has an operator. */
    static String grouped(String s) {
        boolean simple = s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || "₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) >= 0);
        return simple || s.startsWith("(") && s.endsWith(")") && s.indexOf(')') == s.length() - 1 ? s : "(" + s + ")";
    }

    /** Unicode super- and subscript characters. */
    final class Scripts {
        static final String[] SUP = table("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ");
        static final String[] SUB = table("0123456789+-=()aeoxhklmnpstijruv", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ");

        private Scripts() {
        }

        private static String[] table(String from, String to) {
            String[] t = new String[128];
            for (int i = 0; i < from.length(); i++) {
                t[from.charAt(i)] = String.valueOf(to.charAt(i));
            }
            return t;
        }

        /** The text in script characters, or null when one of them has none. */
        static String map(String s, String[] table) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i) == '−' ? '-' : s.charAt(i);
                if (c >= 128 || table[c] == null) {
                    return null;
                }
                sb.append(table[c]);
            }
            return sb.isEmpty() ? null : sb.toString();
        }
    }
}
