package org.anneal.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The TeX a lecturer writes in a lesson, as far as a lesson needs it: sub- and superscripts, {@code \frac}, {@code \sqrt},
 * Greek letters, the usual operators and relations, {@code \mathrm}/{@code \text}, accents ({@code \hat x}) and
 * {@code \left( \right)}. Anything else is kept as written (an unknown {@code \command} shows as itself), so a lesson
 * never fails to open because of a formula.
 */
public final class TexParser {
    static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("epsilon", "ϵ"),
            Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("vartheta", "ϑ"),
            Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"),
            Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"),
            Map.entry("upsilon", "υ"), Map.entry("phi", "ϕ"), Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"),
            Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"));
    /** Relations and binary operators: set with a space either side, as TeX does. */
    static final Map<String, String> SPACED = Map.ofEntries(
            Map.entry("cdot", "·"), Map.entry("times", "×"), Map.entry("pm", "±"), Map.entry("mp", "∓"), Map.entry("le", "≤"), Map.entry("leq", "≤"),
            Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("neq", "≠"), Map.entry("ne", "≠"), Map.entry("approx", "≈"), Map.entry("sim", "∼"),
            Map.entry("propto", "∝"), Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"), Map.entry("Rightarrow", "⇒"),
            Map.entry("in", "∈"), Map.entry("notin", "∉"), Map.entry("subset", "⊂"), Map.entry("equiv", "≡"), Map.entry("mid", "|"),
            Map.entry("ll", "≪"), Map.entry("gg", "≫"), Map.entry("div", "÷"), Map.entry("cup", "∪"), Map.entry("cap", "∩"));
    static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("infty", "∞"), Map.entry("sum", "∑"), Map.entry("prod", "∏"), Map.entry("int", "∫"), Map.entry("partial", "∂"),
            Map.entry("nabla", "∇"), Map.entry("ldots", "…"), Map.entry("cdots", "⋯"), Map.entry("dots", "…"), Map.entry("lVert", "‖"),
            Map.entry("rVert", "‖"), Map.entry("|", "‖"), Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("{", "{"), Map.entry("}", "}"),
            Map.entry("%", "%"), Map.entry("$", "$"), Map.entry("_", "_"), Map.entry("#", "#"), Map.entry("&", "&"), Map.entry("degree", "°"),
            Map.entry("circ", "∘"), Map.entry("AA", "Å"), Map.entry("hbar", "ℏ"), Map.entry("ell", "ℓ"), Map.entry("forall", "∀"), Map.entry("exists", "∃"));
    static final Map<String, String> SPACES = Map.of(",", " ", ";", " ", ":", " ", "!", "", " ", " ", "quad", "  ", "qquad", "    ");
    /** Function names set upright ("sin x", not the italic product s·i·n). */
    static final List<String> FUNCTIONS = List.of("sin", "cos", "tan", "log", "ln", "exp", "max", "min", "arg", "argmax", "argmin", "det",
            "sup", "inf", "lim", "tanh", "sinh", "cosh", "Var", "E", "Pr");
    /** Combining accents: \hat x = x̂. */
    static final Map<String, String> ACCENTS = Map.of("hat", "\u0302", "bar", "\u0304", "overline", "\u0305", "tilde", "\u0303",
            "vec", "\u20D7", "dot", "\u0307", "ddot", "\u0308");

    private final String src;
    private int pos;

    private TexParser(String src) {
        this.src = src;
    }

    /** The formula of a TeX text (without the dollars); never throws. */
    public static Formula parse(String tex) {
        TexParser p = new TexParser(tex == null ? "" : tex);
        List<Formula> items = new ArrayList<>();
        while (p.pos < p.src.length()) {
            items.addAll(p.row());
            if (p.pos < p.src.length()) {
                p.pos++; // a stray '}': skip it and go on
            }
        }
        return new Formula.Row(items);
    }

    /** The formula as one line of Unicode: {@code x^2 - \frac{1}{n}} reads {@code x² − 1/n}. */
    public static String plain(String tex) {
        return parse(tex).plain().replaceAll(" {2,}", " ").strip();
    }

    /** Atoms up to the closing brace of a group (not consumed) or the end. */
    private List<Formula> row() {
        List<Formula> items = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '}') {
                return items;
            }
            if (c == '^' || c == '_') {
                pos++;
                Formula script = atom();
                script = script == null ? new Formula.Sym("", false) : script;
                Formula base = items.isEmpty() ? new Formula.Sym("", false) : items.remove(items.size() - 1);
                items.add(attach(base, c == '^' ? script : null, c == '_' ? script : null));
                continue;
            }
            Formula a = atom();
            if (a instanceof Formula.Sym s && (s.text().equals(" − ") || s.text().equals(" + ")) && unaryAfter(items)) {
                a = new Formula.Sym(s.text().strip(), false); // -1, (-x), x = -1: a sign, not a subtraction
            }
            if (a != null) {
                items.add(a);
            }
        }
        return items;
    }

    private static boolean unaryAfter(List<Formula> items) {
        if (items.isEmpty()) {
            return true;
        }
        String t = items.get(items.size() - 1) instanceof Formula.Sym s ? s.text() : "x";
        return t.endsWith(" ") || t.equals("(") || t.equals("[") || t.equals(",");
    }

    /** x_i^2: both scripts on one base, whichever comes first. */
    private static Formula attach(Formula base, Formula sup, Formula sub) {
        if (base instanceof Formula.Scripted s && (sup == null ? s.sub() == null : s.sup() == null)) {
            return new Formula.Scripted(s.base(), sup != null ? sup : s.sup(), sub != null ? sub : s.sub());
        }
        return new Formula.Scripted(base, sup, sub);
    }

    /** One atom: a group, a command with its arguments, or one character; null for what prints nothing (spaces). */
    private Formula atom() {
        skipSpaces();
        if (pos >= src.length()) {
            return new Formula.Sym("", false);
        }
        char c = src.charAt(pos++);
        if (c == '{') {
            List<Formula> inner = row();
            if (pos < src.length()) {
                pos++; // the closing brace
            }
            return inner.size() == 1 ? inner.get(0) : new Formula.Row(inner);
        }
        if (c == '\\') {
            return command();
        }
        if (Character.isLetter(c)) {
            return new Formula.Sym(String.valueOf(c), true);
        }
        if (Character.isDigit(c) || c == '.') {
            StringBuilder n = new StringBuilder().append(c);
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                n.append(src.charAt(pos++));
            }
            return new Formula.Sym(n.toString(), false);
        }
        return switch (c) {
            case '=', '<', '>' -> new Formula.Sym(" " + c + " ", false);
            case '+' -> new Formula.Sym(" + ", false);
            case '-' -> new Formula.Sym(" − ", false);
            case '*' -> new Formula.Sym("∗", false);
            case '\'' -> new Formula.Sym("′", false);
            case '~' -> new Formula.Sym(" ", false);
            default -> new Formula.Sym(String.valueOf(c), false);
        };
    }

    private Formula command() {
        String name = commandName();
        if (GREEK.containsKey(name)) {
            return new Formula.Sym(GREEK.get(name), false);
        }
        if (SPACED.containsKey(name)) {
            return new Formula.Sym(" " + SPACED.get(name) + " ", false);
        }
        if (SYMBOLS.containsKey(name)) {
            return new Formula.Sym(SYMBOLS.get(name), false);
        }
        if (SPACES.containsKey(name)) {
            return new Formula.Sym(SPACES.get(name), false);
        }
        if (FUNCTIONS.contains(name)) {
            return new Formula.Sym(name + " ", false);
        }
        if (ACCENTS.containsKey(name)) {
            Formula arg = atom();
            return new Formula.Sym(arg.plain() + ACCENTS.get(name), arg instanceof Formula.Sym s && s.italic());
        }
        return switch (name) {
            case "frac", "dfrac", "tfrac" -> new Formula.Frac(atom(), atom());
            case "sqrt" -> new Formula.Sqrt(atom());
            case "mathrm", "text", "textrm", "operatorname", "mathbf", "mathit", "mathsf", "mathcal", "mathbb" -> upright(name);
            case "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr" -> delimiter();
            default -> new Formula.Sym("\\" + name + " ", false);
        };
    }

    /** The text of \mathrm{...} or \text{...}, upright and as written (spaces kept in \text). */
    private Formula upright(String name) {
        skipSpaces();
        if (pos >= src.length() || src.charAt(pos) != '{') {
            Formula a = atom();
            return new Formula.Sym(a.plain(), name.equals("mathit"));
        }
        int depth = 0;
        StringBuilder sb = new StringBuilder();
        for (pos++; pos < src.length(); pos++) {
            char c = src.charAt(pos);
            if (c == '}' && depth-- == 0) {
                pos++;
                break;
            }
            depth += c == '{' ? 1 : 0;
            sb.append(c);
        }
        String t = sb.toString();
        return new Formula.Sym(name.startsWith("text") ? t : t.replace(" ", ""), name.equals("mathit"));
    }

    /** \left( is just "(", \right. is nothing. */
    private Formula delimiter() {
        skipSpaces();
        if (pos >= src.length()) {
            return null;
        }
        char c = src.charAt(pos);
        if (c == '\\') {
            pos++;
            return command();
        }
        pos++;
        return c == '.' ? null : new Formula.Sym(String.valueOf(c), false);
    }

    private String commandName() {
        int start = pos;
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
        if (pos == start && pos < src.length()) {
            pos++; // \, \{ \| and friends: one character
        }
        return src.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }
}
