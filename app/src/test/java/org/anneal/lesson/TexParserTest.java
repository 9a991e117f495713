package org.anneal.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The TeX a lesson uses, read into a formula tree and printed as Unicode a student can read in a terminal. */
class TexParserTest {

    @Test
    void scriptsGreekAndOperatorsReadAsUnicode() {
        assertEquals("y = β₀ + β₁x + β₂x²", TexParser.plain("y = \\beta_0 + \\beta_1 x + \\beta_2 x^2"));
        assertEquals("R²", TexParser.plain("R^2"));
        assertEquals("σ² = 0.1²", TexParser.plain("\\sigma^2 = 0.1^2"));
        assertEquals("x⁻¹ · xᵢ ≤ 10³", TexParser.plain("x^{-1} \\cdot x_i \\le 10^3"));
        assertEquals("xₙ₊₁", TexParser.plain("x_{n+1}"), "a script is set tight, and in script characters when Unicode has them");
        assertEquals("e^(−x²/2)", TexParser.plain("e^{-x^2/2}"), "no wrong character where Unicode has none: a marked group");
        assertEquals("xₘₐₓ", TexParser.plain("x_{\\mathrm{max}}"));
        assertEquals("x_(max,2)", TexParser.plain("x_{\\text{max, 2}}"));
    }

    @Test
    void fractionsRootsAndFunctions() {
        assertEquals("y = 1/(1 + 25x²)", TexParser.plain("y = \\frac{1}{1 + 25x^2}"));
        assertEquals("√(a + b)", TexParser.plain("\\sqrt{a+b}"));
        assertEquals("sin θ", TexParser.plain("\\sin\\theta"));
        assertEquals("(a + b)/2", TexParser.plain("\\frac{a+b}{2}"));
        assertEquals("x = −1", TexParser.plain("x = -1"), "a sign, not a subtraction");
        assertEquals("(−x)", TexParser.plain("\\left(-x\\right)"));
        assertEquals("y\u0302 − y", TexParser.plain("\\hat{y} - y"), "a combining hat");
        assertEquals("N(0, 0.1²)", TexParser.plain("N(0,\\,0.1^2)"));
    }

    @Test
    void theTreeKeepsScriptsAndFractionsForDrawing() {
        Formula.Row row = (Formula.Row) TexParser.parse("x_i^2");
        Formula.Scripted s = assertInstanceOf(Formula.Scripted.class, row.items().get(0));
        assertEquals("x", s.base().plain());
        assertEquals("2", s.sup().plain());
        assertEquals("i", s.sub().plain());
        Formula.Frac f = assertInstanceOf(Formula.Frac.class, ((Formula.Row) TexParser.parse("\\frac{a}{b}")).items().get(0));
        assertEquals("a", f.num().plain());
        Formula.Scripted only = assertInstanceOf(Formula.Scripted.class, ((Formula.Row) TexParser.parse("a^b")).items().get(0));
        assertNull(only.sub());
    }

    @Test
    void whatItDoesNotKnowItShowsAsWrittenAndNeverThrows() {
        assertEquals("\\weird x", TexParser.plain("\\weird x"));
        for (String broken : new String[] {"x^", "\\frac{a}", "{{x", "}x}", "\\", "_", "\\left", "\\sqrt", "\\mathrm{ab"}) {
            TexParser.plain(broken); // no exception
        }
        assertEquals("x", TexParser.plain("}x}"));
    }
}
