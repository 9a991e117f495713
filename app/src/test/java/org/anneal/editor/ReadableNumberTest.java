package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rounded for reading, full on copy: the two texts of a number in the data pane and the metrics table. */
class ReadableNumberTest {

    @Test
    void fourSignificantDigitsNeverFewerThanTheWholePart() {
        assertEquals("0.9346", ReadableNumber.of(0.934567123));
        assertEquals("-0.2617", ReadableNumber.of(-0.26171234));
        assertEquals("7.874", ReadableNumber.of(7.87399999));
        assertEquals("12.5", ReadableNumber.of(12.5), "no trailing zeros");
        assertEquals("12346", ReadableNumber.of(12345.678), "the whole part is never rounded away");
        assertEquals("0.001234", ReadableNumber.of(0.0012341));
        assertEquals("0.1", ReadableNumber.of(0.1));
    }

    @Test
    void wholeNumbersMissingAndExtremeValues() {
        assertEquals("1985", ReadableNumber.of(1985));
        assertEquals("-3", ReadableNumber.of(-3));
        assertEquals("", ReadableNumber.of(Double.NaN));
        assertEquals("2.5e-5", ReadableNumber.of(0.000025));
        assertEquals("6.022e23", ReadableNumber.of(6.02214076e23));
        assertEquals("1.235e9", ReadableNumber.of(1234567890.5));
        assertEquals("∞", ReadableNumber.of(Double.POSITIVE_INFINITY));
    }

    @Test
    void theFullValueReadsBackExactly() {
        for (double v : new double[] {0.934567123, 1.0 / 3, 12345.678, 2.5e-5, 1985, -0.1}) {
            assertEquals(v, Double.parseDouble(ReadableNumber.full(v)));
        }
        assertEquals("0.934567123", ReadableNumber.full(0.934567123));
        assertEquals("1985", ReadableNumber.full(1985));
    }
}
