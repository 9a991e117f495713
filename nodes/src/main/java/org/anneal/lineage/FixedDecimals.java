package org.anneal.lineage;

/**
 * A feature's values read as whole numbers of one decimal unit, when they are that: a column read from a file written
 * with a fixed number of decimals (an export with six, a balance with two) holds only multiples of 10^-D, so its distinct
 * values are the bits set in a bitmap over their range, already in order. D9 asks of each feature its distinct values
 * and of a few the step between them and their usual decimals ({@link ResolutionTwins}); through the bitmap these cost a
 * pass or two over the values instead of a hash count or a sort of a million numbers (issue 16, "Performance"). The
 * answers are exactly the ones the general code gives ({@link DistinctValues#count}, {@link ResolutionTwins#stepOf},
 * {@link ResolutionTwins#usualDecimals}): a value counts as a whole number m of 10^-D only when m / 10^D gives back its
 * very bits, and the range is held small enough (|m| &lt; 10^14) that different m are different doubles whose gaps order
 * as the whole numbers' gaps do. Anything else (more than {@value #MAX_DECIMALS} decimals, a span over
 * {@value #MAX_SPAN} units, an infinite or missing value) gives no view, and the caller takes the general way.
 */
final class FixedDecimals {
    static final int MAX_DECIMALS = 9;
    /** Bits of the bitmap at most: 16 MB. */
    static final long MAX_SPAN = 1L << 27;
    /** Whole numbers below this stay exact, and their doubles' rounding stays far below one unit (see the class comment). */
    private static final double MAX_WHOLE = 1e14;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    /** Gaps (in units) counted one by one to find the percentile's; a wider one at the percentile sends the caller the general way. */
    private static final int GAP_HISTOGRAM = 1 << 16;

    private final double[][] columns;
    private final int decimals;
    private final double unit;
    private final long min;
    private final long span;
    /** Both -0.0 and 0.0 occur: two values as {@code Double.equals} tells them, one whole number. */
    private final boolean twoZeros;
    /** Both zeros occur in the first column alone. */
    private final boolean firstTwoZeros;
    /** The distinct values of the first column alone, counted by {@link #mark} on its way (-1 before). */
    private int firstDistinct = -1;
    private final double lo;
    private final double hi;

    private FixedDecimals(double[][] columns, int decimals, long min, long span, boolean twoZeros, boolean firstTwoZeros, double lo, double hi) {
        this.columns = columns;
        this.decimals = decimals;
        this.unit = POW10[decimals];
        this.min = min;
        this.span = span;
        this.twoZeros = twoZeros;
        this.firstTwoZeros = firstTwoZeros;
        this.lo = lo;
        this.hi = hi;
    }

    /** The view of these columns taken together, or null when they are not whole numbers of one small decimal unit. */
    static FixedDecimals of(double[]... columns) {
        Reading r = new Reading();
        boolean firstTwoZeros = false;
        for (double[] v : columns) {
            if (!r.read(v)) {
                return null;
            }
            firstTwoZeros |= v == columns[0] && r.negZero && r.posZero;
            CheckBounds.checkInterrupted();
        }
        double unit = POW10[r.d];
        if (!(Math.max(Math.abs(r.lo), Math.abs(r.hi)) * unit < MAX_WHOLE)) {
            return null; // nothing read, an infinity, or numbers too large for the exactness argument
        }
        long min = (long) Math.rint(r.lo * unit);
        long span = (long) Math.rint(r.hi * unit) - min + 1;
        return span > MAX_SPAN ? null : new FixedDecimals(columns, r.d, min, span, r.negZero && r.posZero, firstTwoZeros, r.lo, r.hi);
    }

    /**
     * The decimals, range and zeros of the values read so far, one column at a time: the loop over a column's values is a
     * small method of its own, which the JIT of a cold process compiles once and keeps for every column (inside the loop
     * over the columns it was compiled with its surroundings and thrown away at each column's end).
     */
    private static final class Reading {
        int d;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean negZero;
        boolean posZero;

        /** Reads one column; false when its values are not whole numbers of one small decimal unit. */
        boolean read(double[] v) {
            for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
                if (!read(v, from, Chunks.end(from, v.length))) {
                    return false;
                }
            }
            return true;
        }

        /** Reads values {@code from} to {@code to} of a column, a piece at a time ({@link Chunks}). */
        private boolean read(double[] v, int from, int to) {
            int d = this.d;
            double unit = POW10[d];
            double lo = this.lo;
            double hi = this.hi;
            boolean negZero = this.negZero;
            boolean posZero = this.posZero;
            for (int i = from; i < to; i++) {
                double x = v[i];
                if (Math.rint(x * unit) / unit != x) { // also a NaN; an infinity passes, and the range refuses it
                    int more = ResolutionTwins.decimals(x);
                    if (more <= d || more > MAX_DECIMALS) {
                        return false;
                    }
                    d = more; // a multiple of 10^-d is one of 10^-more too: the values before stay whole numbers
                    unit = POW10[d];
                    if (Math.rint(x * unit) / unit != x) {
                        return false;
                    }
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
            this.d = d;
            this.lo = lo;
            this.hi = hi;
            this.negZero = negZero;
            this.posZero = posZero;
            return true;
        }
    }

    /** The smallest value, as {@code Math.min} over all of them finds it. */
    double lo() {
        return lo;
    }

    /** The largest value, as {@code Math.max} over all of them finds it. */
    double hi() {
        return hi;
    }

    /** The whole numbers present, as bits of {@code buffer} (a larger one when it is too short, cleared as needed). */
    long[] mark(long[] buffer) {
        int words = (int) ((span + 63) >>> 6);
        long[] bits = buffer != null && buffer.length >= words ? buffer : new long[words];
        java.util.Arrays.fill(bits, 0, words, 0);
        for (double[] v : columns) {
            mark(bits, v, unit, min);
            if (v == columns[0] && columns.length > 1) {
                firstDistinct = bitsSet(bits, words) + (firstTwoZeros ? 1 : 0); // a count of the bitmap: no pass over the values
            }
        }
        CheckBounds.checkInterrupted();
        return bits;
    }

    private static void mark(long[] bits, double[] v, double unit, long min) {
        for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
            mark(bits, v, from, Chunks.end(from, v.length), unit, min);
        }
    }

    private static void mark(long[] bits, double[] v, int from, int to, double unit, long min) {
        for (int i = from; i < to; i++) {
            long m = (long) Math.rint(v[i] * unit) - min;
            bits[(int) (m >>> 6)] |= 1L << m;
        }
    }

    /** Distinct values as {@code Double.equals} counts them, from the bits {@link #mark} set. */
    int distinct(long[] bits) {
        return bitsSet(bits, (int) ((span + 63) >>> 6)) + (twoZeros ? 1 : 0);
    }

    /**
     * Distinct values of the first column alone, as {@code Double.equals} counts them, when {@link #mark} counted them on its
     * way (there were more columns); else -1.
     */
    int firstDistinct() {
        return firstDistinct;
    }

    private static int bitsSet(long[] bits, int words) {
        int n = 0;
        for (int w = 0; w < words; w++) {
            n += Long.bitCount(bits[w]);
        }
        return n;
    }

    /**
     * {@link ResolutionTwins#stepOf} of the values: the 75th percentile of the gaps between consecutive distinct values,
     * as doubles. Gaps of fewer units are smaller doubles, so the percentile is among the gaps of the units the count of
     * gaps by units places there; those few are computed and the one at its place selected. NaN when that is a gap wider
     * than {@value #GAP_HISTOGRAM} units (the caller sorts then).
     */
    double step(long[] bits) {
        int words = (int) ((span + 63) >>> 6);
        int distinct = distinct(bits);
        if (distinct < 2) {
            return 0;
        }
        int k = (int) Math.floor(0.75 * (distinct - 2)); // as ResolutionTwins.sortedStep places it
        int[] byUnits = new int[GAP_HISTOGRAM];
        byUnits[0] = twoZeros ? 1 : 0; // 0.0 - (-0.0)
        long prev = -1;
        for (int w = 0; w < words; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) {
                long m = ((long) w << 6) + Long.numberOfTrailingZeros(b);
                if (prev >= 0) {
                    long g = m - prev;
                    if (g < GAP_HISTOGRAM) {
                        byUnits[(int) g]++;
                    }
                }
                prev = m;
            }
        }
        int below = 0;
        int units = 0;
        while (units < GAP_HISTOGRAM && below + byUnits[units] <= k) {
            below += byUnits[units++];
        }
        if (units == GAP_HISTOGRAM) {
            return Double.NaN;
        }
        if (units == 0) {
            return 0.0;
        }
        double[] gaps = new double[byUnits[units]];
        int n = 0;
        prev = -1;
        for (int w = 0; w < words; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) {
                long m = ((long) w << 6) + Long.numberOfTrailingZeros(b);
                if (prev >= 0 && m - prev == units) {
                    gaps[n++] = value(m) - value(prev); // the very subtraction the sorted values would give
                }
                prev = m;
            }
        }
        return OrderStatistic.select(gaps, n, k - below);
    }

    /** The value whole number {@code m} (counted from the minimum) stands for: the column's own double. */
    private double value(long m) {
        return (m + min) / unit;
    }

    /**
     * {@link ResolutionTwins#usualDecimals} of the values: a value m · 10^-D has D decimals less the trailing zeros of m
     * (exactly what {@link ResolutionTwins#decimals} finds, as nothing with fewer decimals rounds to the same double at
     * this size); values outside the range that function answers without text are asked it.
     */
    int usualDecimals() {
        int[] count = new int[13];
        int n = 0;
        for (double[] v : columns) {
            n += countDecimals(count, v, unit, decimals);
            CheckBounds.checkInterrupted();
        }
        return ResolutionTwins.mode(count, n);
    }

    /** Counts the values of {@code v} but zeros by their decimals; returns how many it counted. */
    private static int countDecimals(int[] count, double[] v, double unit, int decimals) {
        int n = 0;
        for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
            n += countDecimals(count, v, from, Chunks.end(from, v.length), unit, decimals);
        }
        return n;
    }

    private static int countDecimals(int[] count, double[] v, int from, int to, double unit, int decimals) {
        int n = 0;
        for (int i = from; i < to; i++) {
            double x = v[i];
            if (x == 0) {
                continue;
            }
            double a = Math.abs(x);
            if (a >= 1e-3 && a < 1e7) {
                long m = (long) Math.rint(a * unit);
                int d = decimals;
                while (d > 0 && m % 10 == 0) {
                    m /= 10;
                    d--;
                }
                count[d]++;
            } else {
                count[ResolutionTwins.decimals(x)]++;
            }
            n++;
        }
        return n;
    }
}
