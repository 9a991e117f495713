package org.anneal.lineage;

import java.util.Arrays;

/**
 * {@link FixedDecimals#of} and {@link FixedDecimals#mark} in one pass over the values: each value's whole number is
 * computed once, to tell whether it is one and to set its bit, while the value is at hand (two passes over twenty columns
 * of a million rows read them twice from memory, and rounded each twice; issue 16, "Performance"). The bitmap's range
 * is not known before the last value, so it starts as a window about the first value and is widened (the bits kept,
 * shifted by whole words) when a value falls outside; a value that needs more decimals than those before had sends the
 * values before through the bitmap again, in the new unit (as the two passes marked every value in the last one). The
 * answers are the two passes' exactly: the same values are accepted or refused in the same order, the same whole numbers
 * are marked (counted from the window's start rather than the smallest one, which a view keeps as its base); a value
 * beyond any window a view can have stops the marking, and the bitmap is then marked as the two passes did.
 */
final class ReadAndMark {
    /** Words of the first window when no buffer is given. */
    private static final int FIRST_WORDS = 1 << 12;

    private final double[][] columns;
    private int d;
    private double unit = 1;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;
    private boolean negZero;
    private boolean posZero;
    private boolean firstTwoZeros;
    private int firstDistinct = -1;
    /** Whether the values are still marked as they are read. */
    private boolean marking = true;
    private long[] bits;
    /** Words of the window, and the whole number its bit 0 stands for (a multiple of 64); no window yet while 0 words. */
    private int words;
    private long origin;

    private ReadAndMark(double[][] columns, long[] buffer) {
        this.columns = columns;
        this.bits = buffer;
    }

    /**
     * {@link FixedDecimals#of} of these columns, its bitmap marked ({@link FixedDecimals#bits}, in {@code buffer} when that
     * is long enough, cleared as needed) and the first column's distinct values counted when there are more; or null.
     */
    static FixedDecimals read(long[] buffer, double[]... columns) {
        return new ReadAndMark(columns, buffer).read();
    }

    private FixedDecimals read() {
        for (int c = 0; c < columns.length; c++) {
            double[] v = columns[c];
            for (int from = 0; from < v.length; ) {
                int to = Chunks.end(from, v.length);
                int stop = marking ? pass(v, from, to) : plain(v, from, to);
                if (stop == to) {
                    from = to;
                } else if (!event(c, stop)) {
                    return null;
                } else {
                    from = stop; // the value read again, now in the unit or window it asked for
                }
            }
            firstTwoZeros |= v == columns[0] && negZero && posZero;
            if (v == columns[0] && columns.length > 1 && marking) {
                firstDistinct = FixedDecimals.bitsSet(bits, words) + (firstTwoZeros ? 1 : 0);
            }
            CheckBounds.checkInterrupted();
        }
        if (!(Math.max(Math.abs(lo), Math.abs(hi)) * unit < FixedDecimals.MAX_WHOLE)) {
            return null; // nothing read, an infinity, or numbers too large for the exactness argument
        }
        long min = (long) Math.rint(lo * unit);
        long top = (long) Math.rint(hi * unit);
        if (top - min + 1 > FixedDecimals.MAX_SPAN) {
            return null;
        }
        boolean twoZeros = negZero && posZero;
        if (!marking) {
            FixedDecimals view = new FixedDecimals(columns, d, min, top - min + 1, twoZeros, firstTwoZeros, lo, hi);
            long[] marked = view.mark(bits);
            return view.marked(marked, view.firstDistinct());
        }
        return new FixedDecimals(columns, d, origin, top - origin + 1, twoZeros, firstTwoZeros, lo, hi).marked(bits, firstDistinct);
    }

    /**
     * Reads and marks values {@code from} to {@code to}; returns where it stopped: {@code to}, or a value that is no whole
     * number in the unit so far or falls outside the window (nothing of it kept yet).
     */
    private int pass(double[] v, int from, int to) {
        double unit = this.unit;
        double lo = this.lo;
        double hi = this.hi;
        boolean negZero = this.negZero;
        boolean posZero = this.posZero;
        long[] bits = this.bits;
        long origin = this.origin;
        long size = (long) words << 6;
        int i = from;
        for (; i < to; i++) {
            double x = v[i];
            double r = Math.rint(x * unit);
            if (r / unit != x) { // also a NaN
                break;
            }
            long m = (long) r - origin;
            if (m < 0 || m >= size) { // also no window yet, or an infinity
                break;
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            if (x == 0) {
                if (Double.doubleToRawLongBits(x) < 0) {
                    negZero = true;
                } else {
                    posZero = true;
                }
            }
            bits[(int) (m >>> 6)] |= 1L << m;
        }
        this.lo = lo;
        this.hi = hi;
        this.negZero = negZero;
        this.posZero = posZero;
        return i;
    }

    /** {@link #pass} once the marking stopped: reads only ({@code FixedDecimals.Reading}'s loop). */
    private int plain(double[] v, int from, int to) {
        double unit = this.unit;
        double lo = this.lo;
        double hi = this.hi;
        boolean negZero = this.negZero;
        boolean posZero = this.posZero;
        int i = from;
        for (; i < to; i++) {
            double x = v[i];
            if (Math.rint(x * unit) / unit != x) {
                break;
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            if (x == 0) {
                if (Double.doubleToRawLongBits(x) < 0) {
                    negZero = true;
                } else {
                    posZero = true;
                }
            }
        }
        this.lo = lo;
        this.hi = hi;
        this.negZero = negZero;
        this.posZero = posZero;
        return i;
    }

    /**
     * Value i of column c stopped a pass: more decimals (as {@code FixedDecimals.Reading} takes them, the values before
     * marked again in the new unit), or a wider window. False when the values are no view.
     */
    private boolean event(int c, int i) {
        double x = columns[c][i];
        if (Math.rint(x * unit) / unit != x) {
            int more = ResolutionTwins.decimals(x);
            if (more <= d || more > FixedDecimals.MAX_DECIMALS) {
                return false;
            }
            d = more; // a multiple of 10^-d is one of 10^-more too: the values before stay whole numbers
            unit = FixedDecimals.POW10[d];
            if (Math.rint(x * unit) / unit != x) {
                return false;
            }
            if (marking) {
                markAgain(c, i);
            }
            return true;
        }
        widen(x);
        return true;
    }

    /** The whole numbers of the values read so far, {@code {lowest, highest}} in the unit now, or null when none were read. */
    private long[] marks() {
        return lo <= hi ? new long[] {(long) Math.rint(lo * unit), (long) Math.rint(hi * unit)} : null;
    }

    /** Makes the window hold value x as well as the values marked, keeping their bits; or stops the marking. */
    private void widen(double x) {
        if (!(Math.abs(x) * unit < FixedDecimals.MAX_WHOLE)) {
            marking = false;
            return;
        }
        long m = (long) Math.rint(x * unit);
        long[] marked = marks();
        long low = marked == null ? m : Math.min(m, marked[0]);
        long high = marked == null ? m : Math.max(m, marked[1]);
        long oldOrigin = origin;
        int oldWords = words;
        long[] old = bits;
        if (!window(low, high)) {
            return;
        }
        if (marked != null && oldWords > 0) {
            int w0 = (int) ((marked[0] - oldOrigin) >>> 6);
            int w1 = (int) ((marked[1] - oldOrigin) >>> 6);
            int shift = (int) ((oldOrigin - origin) >> 6);
            System.arraycopy(old, w0, bits, w0 + shift, w1 - w0 + 1);
            Arrays.fill(bits, 0, w0 + shift, 0);
            Arrays.fill(bits, w1 + shift + 1, words, 0);
        } else {
            Arrays.fill(bits, 0, words, 0);
        }
    }

    /**
     * A window for whole numbers {@code low} to {@code high} (twice their span, at least the buffer's, centred on them; the
     * most a view can span and 128 bits), its
     * bits not yet cleared; false (the marking stopped) when no view can span them.
     */
    private boolean window(long low, long high) {
        long need = high - low + 1;
        if (need > FixedDecimals.MAX_SPAN) {
            marking = false;
            return false;
        }
        long most = (FixedDecimals.MAX_SPAN >> 6) + 2;
        long least = Math.max((2 * need + 63) >> 6, (need + 128 + 63) >> 6); // room for 64 bits of alignment on either side
        long size = Math.min(most, Math.max(Math.max(least, words), bits == null ? FIRST_WORDS : bits.length));
        long room = (size << 6) - need;
        origin = Math.floorDiv(low - room / 2, 64) * 64;
        words = (int) size;
        if (bits == null || bits.length < words) {
            bits = new long[words];
        }
        return true;
    }

    /** Marks the values before value i of column c again in the unit now, in a window for them. */
    private void markAgain(int c, int i) {
        long[] marked = marks();
        if (marked == null) {
            words = 0; // nothing marked: the next value opens a window
            return;
        }
        if (!(Math.max(Math.abs(lo), Math.abs(hi)) * unit < FixedDecimals.MAX_WHOLE) || !window(marked[0], marked[1])) {
            marking = false;
            return;
        }
        Arrays.fill(bits, 0, words, 0);
        for (int b = 0; b < c; b++) {
            FixedDecimals.mark(bits, columns[b], unit, origin);
            if (columns[b] == columns[0] && columns.length > 1) {
                firstDistinct = FixedDecimals.bitsSet(bits, words) + (firstTwoZeros ? 1 : 0);
            }
        }
        for (int from = 0; from < i; from = Chunks.end(from, i)) {
            FixedDecimals.mark(bits, columns[c], from, Chunks.end(from, i), unit, origin);
        }
    }
}
