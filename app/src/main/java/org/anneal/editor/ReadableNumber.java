package org.anneal.editor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a person reads them in a table or beside a metric: four significant digits (R² 0.9346, not 0.934567123),
 * never fewer digits than the whole part has (12346, not 1.235e4), whole numbers as they are (counts, ids, years), and
 * powers of ten only for very large or very small values (2.5e-5). The full value is what Copy puts on the clipboard.
 */
final class ReadableNumber {
    static final int SIGNIFICANT = 4;

    private ReadableNumber() {
    }

    /** The value for reading; "" for a missing one (NaN). */
    static String of(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e9 || a < 1e-3) {
            BigDecimal m = new BigDecimal(v).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN));
            int exponent = m.precision() - m.scale() - 1;
            String mantissa = m.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + exponent;
        }
        int wholeDigits = a < 1 ? 0 : (int) Math.floor(Math.log10(a)) + 1;
        BigDecimal rounded = wholeDigits >= SIGNIFICANT
                ? new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN)
                : new BigDecimal(v).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** The full value, for the clipboard: the shortest text that reads back as the same double. */
    static String full(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
