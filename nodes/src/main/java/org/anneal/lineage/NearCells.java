package org.anneal.lineage;

/**
 * D4's index of training rows by grid cell ({@link NearGrid}), laid out for a search that visits the test rows in the
 * order of their cell on the first key feature: the rows are grouped into bands of neighbouring cells on that feature,
 * and each band keeps its own open-addressing table of cell keys, its rows' chains and a first value to compare, side by
 * side. A test row's probes land in one or two bands, which stay in cache while that band's test rows are searched;
 * one table for all rows (16 MB on a million rows) made nearly every probe a miss of cache and of address translation
 * (issue 16, "Performance"). Which rows a cell holds is the same either way: the layout changes the work, not the answer.
 */
final class NearCells {
    /** Rows a band holds at most, unless one coarse bucket of cells holds more: a band's table and rows fit in cache. */
    static final int BAND_ROWS = 4096;
    /** Buckets the cells of the first key feature are counted in before they are grouped into bands. */
    private static final int BUCKETS = 1 << 16;

    private final long minCell;
    private final long maxCell;
    private final int shift;
    /** Bucket of cells → band; bands follow the cells' order, so neighbouring cells are in the same or the next band. */
    private final int[] bandOf;
    /** Band → its first slot; a band's slots run to the next band's first. */
    private final int[] tableStart;
    /** High half: the key's upper 32 bits; low half: the first position of the rows with that key + 1 (0 = empty). */
    private final long[] slots;
    /** Position → the next position with the same key bits in its band, or -1. */
    private final int[] next;
    /** Position → training row; positions run band by band. */
    private final int[] rows;
    /** Position → the row's standardized value on the feature compared first, rounded to float (see {@link #surelyFar}). */
    private final float[] first;

    /**
     * @param keys   every row's cell key (well mixed)
     * @param cells  every row's cell on the first key feature
     * @param skip   rows left out (a missing value)
     * @param firstZ every row's standardized value on the feature compared first
     */
    NearCells(long[] keys, long[] cells, boolean[] skip, double[] firstZ) {
        int n = keys.length;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        int kept = 0;
        for (int r = 0; r < n; r++) {
            if (!skip[r]) {
                lo = Math.min(lo, cells[r]);
                hi = Math.max(hi, cells[r]);
                kept++;
            }
        }
        if (kept == 0) {
            lo = hi = 0;
        }
        minCell = lo;
        maxCell = hi;
        int s = 0;
        while (Long.compareUnsigned((hi - lo) >>> s, BUCKETS - 1) > 0) { // hi - lo as unsigned: cells may span every long
            s++;
        }
        shift = s;
        int[] perBucket = new int[(int) ((hi - lo) >>> s) + 1];
        for (int r = 0; r < n; r++) {
            if (!skip[r]) {
                perBucket[bucket(cells[r])]++;
            }
        }
        bandOf = new int[perBucket.length];
        int band = 0;
        int inBand = 0;
        for (int b = 0; b < perBucket.length; b++) {
            if (inBand > 0 && inBand + perBucket[b] > BAND_ROWS) {
                band++;
                inBand = 0;
            }
            bandOf[b] = band;
            inBand += perBucket[b];
        }
        int bands = band + 1;
        int[] start = new int[bands + 1]; // band → first position
        int[] rowBand = new int[n];
        for (int r = 0; r < n; r++) {
            if (!skip[r]) {
                rowBand[r] = bandOf[bucket(cells[r])];
                start[rowBand[r] + 1]++;
            }
        }
        tableStart = new int[bands + 1];
        for (int b = 0; b < bands; b++) {
            tableStart[b + 1] = tableStart[b] + 2 * start[b + 1]; // at most half full, so a probe for an absent key ends soon
            start[b + 1] += start[b];
        }
        rows = new int[kept];
        first = new float[kept];
        long[] posKeys = new long[kept];
        int[] at = java.util.Arrays.copyOf(start, bands);
        for (int r = 0; r < n; r++) { // rows in order within each band
            if (!skip[r]) {
                int p = at[rowBand[r]]++;
                rows[p] = r;
                posKeys[p] = keys[r];
                first[p] = (float) firstZ[r];
            }
        }
        slots = new long[tableStart[bands]];
        next = new int[kept];
        for (int b = 0; b < bands; b++) {
            for (int p = start[b + 1] - 1; p >= start[b]; p--) { // backwards, so each chain lists its rows in order
                insert(posKeys[p], p, b);
            }
            if ((b & 63) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
    }

    private int bucket(long cell) {
        return (int) ((Math.min(Math.max(cell, minCell), maxCell) - minCell) >>> shift);
    }

    int bands() {
        return tableStart.length - 1;
    }

    /** The band of a cell on the first key feature: cells beyond the training rows' share the outermost band. */
    int band(long cell) {
        return bandOf[bucket(cell)];
    }

    private void insert(long key, int p, int band) {
        int s = slot(key, band);
        next[p] = (int) slots[s] - 1;
        slots[s] = (key & 0xFFFFFFFF00000000L) | (p + 1L);
    }

    /** The slot of the key in its band's table: the one holding its upper bits, or the empty one where it would go. */
    private int slot(long key, int band) {
        int from = tableStart[band];
        int size = tableStart[band + 1] - from;
        int s = (int) (((key & 0xFFFFFFFFL) * size) >>> 32); // the lower bits pick the slot, the upper ones are kept
        long tag = key & 0xFFFFFFFF00000000L;
        while (slots[from + s] != 0 && (slots[from + s] & 0xFFFFFFFF00000000L) != tag) {
            s = s + 1 == size ? 0 : s + 1;
        }
        return from + s;
    }

    /** The first position with this key (or one alike in its upper bits) in the band, or -1. */
    int first(long key, int band) {
        if (tableStart[band + 1] == tableStart[band]) {
            return -1;
        }
        return (int) slots[slot(key, band)] - 1;
    }

    /** The position after {@code p} in its chain, or -1. */
    int next(int p) {
        return next[p];
    }

    /** The training row at position {@code p}. */
    int row(int p) {
        return rows[p];
    }

    /**
     * Whether the row at position {@code p} is surely farther than {@code limit} from {@code z} on the feature compared
     * first, as {@code Math.abs(value - z) > limit} on the row's exact value would say: the float differs from that value
     * by less than 2^-23 of it, the margin is far wider, and NaN or an infinity never rules a row out.
     */
    boolean surelyFar(int p, double z, double limit) {
        double f = first[p];
        return Math.abs(f - z) > limit + 1e-6 * (1 + Math.abs(f) + Math.abs(limit));
    }
}
