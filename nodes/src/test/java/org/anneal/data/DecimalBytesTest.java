package org.anneal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalBytesTest {
    static double parse(String s, char mark) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return DecimalBytes.parse(b, 0, b.length, (byte) mark);
    }

    /** Read here or left to Double.parseDouble: never a different double. */
    @Test
    void numbersAreReadExactlyAsDoubleParseDouble() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Double.toString(Double.longBitsToDouble(r.nextLong()));
                case 1 -> String.format(java.util.Locale.ROOT, "%." + r.nextInt(12) + "f", r.nextGaussian() * Math.pow(10, r.nextInt(12)));
                case 2 -> (r.nextBoolean() ? "-" : "") + r.nextInt(1_000_000) + "." + r.nextInt(1_000_000) + "e" + (r.nextInt(60) - 30);
                default -> Long.toString(r.nextLong() >> r.nextInt(64));
            };
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            double fast = DecimalBytes.parse(b, 0, b.length, (byte) '.');
            if (!Double.isNaN(fast)) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(fast), s);
            }
        }
    }

    @Test
    void theCommonShapesAreReadHereTheRestLeftToDoubleParseDouble() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(parse("-0", '.')));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(parse("-0.000e5", '.')));
        assertEquals(256.750392, parse("256.750392", '.'));
        assertEquals(7.85, parse("7,85", ','));
        assertEquals(0.5, parse("+.5", '.'));
        assertEquals(5.0, parse("5.", '.'));
        assertEquals(1e5, parse("1E5", '.'));
        assertEquals(1e-3, parse("1e-3", '.'));
        for (String other : new String[] {"", ".", "-", "e5", "1e", "1e+", "NaN", "Infinity", "1d", "0x1p3", " 1", "1 ", "1.5", "1,5,3",
            "1e400", "4.9e-324", "12345678901234567890", "9007199254740993", "1e1234567"}) {
            assertTrue(Double.isNaN(parse(other, ',')), other);
        }
        assertTrue(Double.isNaN(parse("1,5", '.')));
    }
}
