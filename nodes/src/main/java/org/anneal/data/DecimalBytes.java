package org.anneal.data;

/**
 * Decimal numbers read straight from a byte buffer, so that a CSV cell needs no String. Only the common shape is
 * read here; everything else is left to Double.parseDouble, which decides what counts as a number.
 */
final class DecimalBytes {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private DecimalBytes() {
    }

    /**
     * The number in {@code b[s, e)} when it is plain decimal ({@code [+-]digits[.digits][e[+-]digits]}) with at most
     * 18 digits and a value computable exactly: a mantissa up to 2^53 times or divided by a power of ten
     * up to 10^22, both exact in a double, so the one rounding gives the correctly rounded result that
     * Double.parseDouble gives (Clinger's fast path). NaN for everything else, which goes to the String parse.
     */
    static double parse(byte[] b, int s, int e, byte mark) {
        int p = s;
        boolean negative = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long m = 0;
        int start = p;
        for (; p < e; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
        }
        int digits = p - start;
        int exp = 0;
        if (p < e && b[p] == mark) {
            int fraction = ++p;
            for (; p < e; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
            }
            exp = fraction - p;
            digits -= exp;
        }
        // more than 18 digits (leading zeros included) may have overflowed m: Double.parseDouble reads those
        if (digits == 0 || digits > 18) {
            return Double.NaN;
        }
        if (p < e && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean negExp = false;
            if (p < e && (b[p] == '-' || b[p] == '+')) {
                negExp = b[p] == '-';
                p++;
            }
            int x = 0;
            int count = 0;
            for (; p < e; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9 || ++count > 6) {
                    return Double.NaN;
                }
                x = x * 10 + d;
            }
            if (count == 0) {
                return Double.NaN;
            }
            exp += negExp ? -x : x;
        }
        if (p != e) {
            return Double.NaN;
        }
        return exact(m, exp, negative);
    }

    /**
     * {@code ±m · 10^exp} when one rounding gives it exactly (m up to 2^53, |exp| up to 22), else NaN. Shared by
     * {@link #parse} and the CSV reader's one-pass path, so a number reads the same either way.
     */
    static double exact(long m, int exp, boolean negative) {
        double v;
        if (m == 0) {
            v = 0.0;
        } else if (m > (1L << 53) || exp < -22 || exp > 22) {
            return Double.NaN;
        } else {
            v = exp >= 0 ? m * POW10[exp] : m / POW10[-exp];
        }
        return negative ? -v : v;
    }
}
