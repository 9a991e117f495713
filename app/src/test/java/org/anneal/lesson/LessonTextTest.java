package org.anneal.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown lessons with formulas: what the command line prints, and what the Markdown parser never sees. */
class LessonTextTest {

    @Test
    void theFirstParagraphAsPlainTextWithFormulasInUnicode() {
        String md = "# Runge's function\n\nNoisy samples of $y = \\frac{1}{1 + 25x^2}$ on *[-1, 1]*, which defeats **high-degree** "
                + "polynomials; see `model.linear`.\n\nA second paragraph.";
        assertEquals("Noisy samples of y = 1/(1 + 25x²) on [-1, 1], which defeats high-degree polynomials; see model.linear.",
                LessonText.firstParagraph(md));
        assertEquals("", LessonText.firstParagraph(""));
        assertEquals("An image: the parity plot.", LessonText.firstParagraph("An image: ![the parity plot](parity.png)."));
    }

    @Test
    void markdownNeverEatsAFormula() {
        // underscores and stars in a formula would be emphasis, \, an escape, without the placeholders
        assertEquals("a₁b₁ + a₂b₂ and x∗y∗z", LessonText.firstParagraph("$a_1 b_1 + a_2 b_2$ and $x*y*z$"));
        assertEquals("N(0, 0.1²)", LessonText.firstParagraph("$N(0,\\,0.1^2)$"));
    }

    @Test
    void dollarsThatAreMoneyOrCodeStayText() {
        MathSpans.Protected p = MathSpans.protect("costs $5 and $6, or \\$x\\$; `echo $HOME$` stays");
        assertEquals(List.of(), p.spans());
        assertEquals("costs $5 and $6, or $x$; echo $HOME$ stays", LessonText.firstParagraph("costs $5 and $6, or \\$x\\$; `echo $HOME$` stays"));
        MathSpans.Protected fenced = MathSpans.protect("```\n$a$\n```\n$b$");
        assertEquals(List.of(new MathSpans.Span("b", false)), fenced.spans());
    }

    @Test
    void displayFormulasOnOneOrSeveralLines() {
        MathSpans.Protected one = MathSpans.protect("Before\n\n$$E = mc^2$$\n\nAfter");
        assertEquals(List.of(new MathSpans.Span("E = mc^2", true)), one.spans());
        MathSpans.Protected many = MathSpans.protect("$$\n\\hat{y} =\n\\sum_i w_i x_i\n$$");
        assertEquals(List.of(new MathSpans.Span("\\hat{y} = \\sum_i w_i x_i", true)), many.spans());
        assertEquals(List.of("x ", new MathSpans.Span("y", false), " z"), MathSpans.protect("x $y$ z").pieces(MathSpans.protect("x $y$ z").markdown()));
    }
}
