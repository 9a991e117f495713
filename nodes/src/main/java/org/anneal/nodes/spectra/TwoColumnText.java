package org.anneal.nodes.spectra;

import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link SpectrumFile#readTwoColumn}: one pass over the file's bytes, numbers parsed where they lie
 * (no String per line or per number), for files written the usual way: {@code x<sep>intensity} per line, # comments,
 * at most one header line before the data. Anything else (a third column, a stray character, an axis that does not
 * increase, a number this parser does not take) returns null, and the line-by-line reader reads the file again and
 * reports what is wrong with its line: this path never decides an error, so both give the same result for every file.
 *
 * <p>Numbers are exact: a decimal of up to 18 significant digits whose power of ten is within ±22 is one correctly
 * rounded IEEE multiplication or division of two exact doubles (Clinger 1990), the same double Double.parseDouble
 * returns; other numbers go to Double.parseDouble.
 */
final class TwoColumnText {
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final byte[] b;
    private int pos;
    /** The last number parsed. */
    private double value;

    /** A parser over {@code bytes} (also used cell by cell on EMSA data lines). */
    TwoColumnText(byte[] bytes) {
        this.b = bytes;
    }

    /** Whether the bytes [from, to) are one number this parser takes, then in {@link #value()}. */
    boolean numberIn(int from, int to) {
        pos = from;
        return number() && pos == to;
    }

    double value() {
        return value;
    }

    /** What separates EMSA cells: the line reader's pattern with empty cells dropped, i.e. Java's \s, commas, semicolons. */
    static boolean emsaSeparator(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ',' || c == ';';
    }

    /** The points as {x, intensity} arrays, or null when the file needs the line-by-line reader. */
    static double[][] points(byte[] bytes) {
        return new TwoColumnText(bytes).read();
    }

    private double[][] read() {
        double[] xs = new double[Math.max(16, b.length / 12)];
        double[] ys = new double[xs.length];
        int count = 0;
        while (pos < b.length) {
            int lineStart = pos;
            skipBlanks();
            if (pos == b.length || endOfLine(b[pos]) || b[pos] == '#') {
                skipLine();
                continue;
            }
            boolean pair = number();
            double x = value;
            pair = pair && separator() && number();
            double y = value;
            skipBlanks();
            if (!pair || pos < b.length && !endOfLine(b[pos])) {
                if (count > 0 || !headerLine(lineStart)) {
                    return null;
                }
                continue;
            }
            skipLine();
            if (count > 0 && !(x > xs[count - 1])) {
                return null;
            }
            if (count == xs.length) {
                xs = java.util.Arrays.copyOf(xs, 2 * count);
                ys = java.util.Arrays.copyOf(ys, 2 * count);
            }
            xs[count] = x;
            ys[count++] = y;
        }
        return count == 0 ? null : new double[][] {java.util.Arrays.copyOf(xs, count), java.util.Arrays.copyOf(ys, count)};
    }

    /** A first line whose first cell is not a number is a header, as the line reader decides it; then it is skipped. */
    private boolean headerLine(int lineStart) {
        pos = lineStart;
        skipLine();
        int end = pos;
        while (end > lineStart && endOfLine(b[end - 1])) {
            end--;
        }
        String line = new String(b, lineStart, end - lineStart, StandardCharsets.ISO_8859_1).strip();
        String first = line.split(SpectrumFile.CELL_SEPARATOR)[0];
        try {
            Double.parseDouble(first);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean endOfLine(byte c) {
        return c == '\n' || c == '\r';
    }

    private static boolean blank(byte c) {
        return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
    }

    private void skipBlanks() {
        while (pos < b.length && blank(b[pos])) {
            pos++;
        }
    }

    /** Past the next line break (\n, \r or \r\n; an empty line between counts for nothing). */
    private void skipLine() {
        while (pos < b.length && !endOfLine(b[pos])) {
            pos++;
        }
        while (pos < b.length && endOfLine(b[pos])) {
            pos++;
        }
    }

    /** Blanks with at most one comma or semicolon among them: one cell boundary for the line reader's pattern. */
    private boolean separator() {
        int start = pos;
        int marks = 0;
        while (pos < b.length && (blank(b[pos]) || b[pos] == ',' || b[pos] == ';')) {
            marks += b[pos] == ',' || b[pos] == ';' ? 1 : 0;
            pos++;
        }
        return pos > start && marks <= 1;
    }

    /** [+-]? digits [. digits] [(e|E) [+-]? digits], at least one mantissa digit, into {@link #value}. */
    private boolean number() {
        int start = pos;
        boolean negative = false;
        if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
            negative = b[pos++] == '-';
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (; pos < b.length; pos++) {
            byte c = b[pos];
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                    if (significant <= 18) {
                        mantissa = 10 * mantissa + (c - '0');
                    }
                }
                if (point && significant <= 18) {
                    scale--;
                } else if (!point && significant > 18) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            pos = start;
            return false;
        }
        int exponent = 0;
        if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            boolean minus = false;
            if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                minus = b[pos++] == '-';
            }
            int expStart = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9' && pos - expStart < 6) {
                exponent = 10 * exponent + (b[pos++] - '0');
            }
            if (pos == expStart || (pos < b.length && b[pos] >= '0' && b[pos] <= '9')) {
                pos = start;
                return false;
            }
            exponent = minus ? -exponent : exponent;
        }
        int e10 = scale + exponent;
        if (significant <= 18 && mantissa <= (1L << 53) && e10 >= -22 && e10 <= 22) {
            double v = e10 >= 0 ? mantissa * POW10[e10] : mantissa / POW10[-e10];
            value = negative ? -v : v;
        } else {
            value = Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
        }
        return Double.isFinite(value);
    }
}
