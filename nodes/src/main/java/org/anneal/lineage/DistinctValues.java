package org.anneal.lineage;

import java.util.Arrays;

/**
 * The distinct values of a numeric column as {@code Double.equals} tells them apart (by their bits: every NaN one value,
 * -0.0 and 0.0 two), without boxing: a {@code HashMap<Double, …>} or {@code DoubleStream.distinct()} over a million rows
 * cost the checks seconds and gigabytes (issue 16, "Performance"). Each row gets the number of its value's group, in the
 * order the values first occur.
 */
final class DistinctValues {
    private final int[] group;
    private final int count;

    DistinctValues(double[] v) {
        group = new int[v.length];
        int cap = Integer.highestOneBit(Math.max(2, v.length + v.length / 2)) << 1;
        long[] keys = new long[cap];
        int[] ids = new int[cap]; // group + 1; 0 = empty slot
        int mask = cap - 1;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            long b = Double.doubleToLongBits(v[i]);
            int s = (int) RowHashes.mix(b) & mask;
            while (ids[s] != 0 && keys[s] != b) {
                s = (s + 1) & mask;
            }
            if (ids[s] == 0) {
                keys[s] = b;
                ids[s] = ++n;
            }
            group[i] = ids[s] - 1;
            if ((i & 0xFFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
        count = n;
    }

    int count() {
        return count;
    }

    /** The group of row {@code i}: 0 for the first value met, 1 for the next new one, and so on. */
    int of(int i) {
        return group[i];
    }

    /**
     * Whether the values certainly hold more than {@code limit} distinct ones: a bit per hash slot, set by each value, counts
     * a lower bound of the distinct values (different slots, different values) and stops as soon as it passes the limit.
     * A measured quantity (nearly every value new) is told in half a pass over a table that stays in cache: four to eight
     * bits per value of the limit (a quarter of a megabyte for a limit of 400,000, within a core's own cache), which the
     * values of a measured column pass after reading a few per cent more of them than with a table twice or four times
     * as large, each read far cheaper; false says only "maybe not", and the caller counts exactly.
     */
    static boolean moreThan(double[] v, int limit) {
        if (limit >= v.length) {
            return false;
        }
        int bits = Integer.highestOneBit((int) Math.max(64, Math.min(1 << 24, limit * 8L)));
        long[] seen = new long[bits >>> 6];
        int mask = bits - 1;
        int set = 0;
        for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) { // a piece at a time ({@link Chunks})
            set = mark(v, from, Chunks.end(from, v.length), seen, mask, set, limit);
            if (set > limit) {
                return true;
            }
        }
        return false;
    }

    /** Sets the bits of values {@code from} to {@code to}; returns the bits set, stopping once they pass {@code limit}. */
    private static int mark(double[] v, int from, int to, long[] seen, int mask, int set, int limit) {
        for (int i = from; i < to; i++) {
            int h = (int) RowHashes.mix(Double.doubleToLongBits(v[i])) & mask;
            long bit = 1L << h;
            if ((seen[h >>> 6] & bit) == 0) {
                seen[h >>> 6] |= bit;
                if (++set > limit) {
                    return set;
                }
            }
        }
        return set;
    }

    /**
     * How many distinct values, exactly, over one or more arrays taken together. Each value's bits go through one mix (a
     * bijection, so distinct bits stay distinct); the top 8 bits of the mix scatter the values into parts small enough
     * that each part's table stays in cache, then each part is counted (a plain table over a million values waits on
     * memory at every probe).
     */
    static int count(double[]... columns) {
        return new Counter().count(columns);
    }

    /**
     * {@link #count} with its buffers kept from one call to the next: D9 counts twenty columns of a million rows in a row,
     * and fresh 8 MB buffers per column cost more than the counting (issue 16, "Performance"). The mix is computed twice
     * (once to size the parts, once to fill them) rather than stored: a few multiplications are cheaper than a pass
     * through 8 MB of memory. Not for use by two threads at once.
     */
    static final class Counter {
        private static final int PARTS = 256;
        private static final int SHIFT = 56; // the top 8 bits of the mix choose the part
        private long[] byPart = new long[0];
        private long[] table = new long[64];
        private final int[] start = new int[PARTS + 1];
        private final int[] at = new int[PARTS];

        int count(double[]... columns) {
            Arrays.fill(start, 0);
            int total = 0;
            for (double[] v : columns) {
                total += v.length;
                for (double x : v) {
                    start[(int) (RowHashes.mix(Double.doubleToLongBits(x)) >>> SHIFT) + 1]++;
                }
            }
            for (int p = 0; p < PARTS; p++) {
                start[p + 1] += start[p];
            }
            if (byPart.length < total) {
                byPart = new long[total];
            }
            System.arraycopy(start, 0, at, 0, PARTS);
            for (double[] v : columns) {
                for (double x : v) {
                    long h = RowHashes.mix(Double.doubleToLongBits(x));
                    byPart[at[(int) (h >>> SHIFT)]++] = h;
                }
            }
            CheckBounds.checkInterrupted();
            int n = 0;
            for (int p = 0; p < PARTS; p++) {
                n += countPart(start[p], start[p + 1]);
            }
            return n;
        }

        private int countPart(int from, int to) {
            int cap = Integer.highestOneBit(Math.max(2, (to - from) * 2)) << 1;
            if (table.length < cap) {
                table = new long[cap];
            }
            Arrays.fill(table, 0, cap, 0);
            int mask = cap - 1;
            int n = 0;
            boolean zero = false; // the slots' empty mark is 0, the mix of +0.0's bits: counted on the side
            for (int i = from; i < to; i++) {
                long h = byPart[i];
                if (h == 0) {
                    n += zero ? 0 : 1;
                    zero = true;
                    continue;
                }
                int s = (int) h & mask; // the low bits: the top ones are alike within a part
                while (table[s] != 0 && table[s] != h) {
                    s = (s + 1) & mask;
                }
                if (table[s] == 0) {
                    table[s] = h;
                    n++;
                }
            }
            return n;
        }
    }
}
