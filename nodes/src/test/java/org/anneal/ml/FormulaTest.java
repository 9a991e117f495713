package org.anneal.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaTest {

    @Test
    void arrheniusEvaluatesAsWritten() {
        Formula f = Formula.parse("a * exp(-Q / (R * T))", List.of("a", "Q", "R", "T", "unused"));
        assertEquals(List.of("a", "Q", "R", "T"), f.names());
        double v = f.evaluate(Map.of("a", 2.0, "Q", 8.314 * 1000, "R", 8.314, "T", 500.0));
        assertEquals(2.0 * Math.exp(-2.0), v, 1e-12);
    }

    @Test
    void namesWithSymbolsAreWrittenBetweenBackticks() {
        Formula f = Formula.parse("`Cr (wt%)` + 2 * `Ni (wt%)` ^ 2", List.of("Cr (wt%)", "Ni (wt%)"));
        assertEquals(1.0 + 2 * 9.0, f.evaluate(Map.of("Cr (wt%)", 1.0, "Ni (wt%)", 3.0)), 1e-12);
    }

    @Test
    void aNameThatIsAPrefixOfAnotherIsNotConfused() {
        Formula f = Formula.parse("T + T0 + exp(T)", List.of("T", "T0"));
        assertEquals(1 + 5 + Math.exp(1), f.evaluate(Map.of("T", 1.0, "T0", 5.0)), 1e-12);
    }

    @Test
    void eachEvaluatorKeepsItsOwnValues() {
        Formula f = Formula.parse("x * 2", List.of("x"));
        Formula.Evaluator one = f.evaluator().set("x", 1);
        Formula.Evaluator two = f.evaluator().set("x", 10);
        assertEquals(2, one.evaluate(), 0);
        assertEquals(20, two.evaluate(), 0);
    }

    @Test
    void anUnknownNameIsNamedWithTheNamesAllowed() {
        var e = assertThrows(Formula.FormulaException.class, () -> Formula.parse("a * exp(-b * x)", List.of("a", "x")));
        assertTrue(e.getMessage().contains("Unknown name 'b'"), e.getMessage());
        assertTrue(e.getMessage().contains("Names you can use: a, x"), e.getMessage());
    }

    @Test
    void brokenFormulasSayWhatIsWrong() {
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("(a + 1", List.of("a")))
                .getMessage().contains("parentheses"));
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse(" ", List.of("a")))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("a +", List.of("a")))
                .getMessage().contains("a +"));
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("`a + 1", List.of("a")))
                .getMessage().contains("backtick"));
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("`b` + 1", List.of("a")))
                .getMessage().contains("Unknown name `b`"));
    }

    @Test
    void eachErrorSaysWhatToDo() {
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("(a + 1", List.of("a"))).fix().contains("')'"));
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("b", List.of("a"))).fix().contains("Names you can use: a"));
        assertTrue(assertThrows(Formula.FormulaException.class, () -> Formula.parse("", List.of("a"))).fix().contains("a * exp"));
    }

    @Test
    void divisionByZeroIsInfiniteNotAnException() {
        Formula f = Formula.parse("1 / x", List.of("x"));
        double v = f.evaluate(Map.of("x", 0.0));
        assertTrue(Double.isInfinite(v) || Double.isNaN(v));
    }
}
