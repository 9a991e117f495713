package org.anneal.lineage;

/**
 * D4's index of training rows by grid cell ({@link NearGrid}), laid out for a search that visits the test rows in the
 * order of their cell on the first key feature: the rows are grouped into bands of neighbouring cells on that feature,
 * and each band keeps its own bit filter and chain heads of cell keys, its rows' keys, chains and a first value to
 * compare, side by side. A test row's probes land in one or two bands, which stay in cache while that band's test rows are searched;
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
    /** Band → its first position; a band's positions (and its chain heads) run to the next band's first. */
    private final int[] start;
    /** Band → its first word of {@link #present}; a band's words run to the next band's first. */
    private final int[] filterStart;
    /**
     * Two bits of one word per key of each band (sixteen bits for each of its rows), set for the keys its rows have: a
     * band's bits are a few kilobytes, so a probe for an absent cell (most probes) is answered from the closest cache, and
     * rarely (a few in a hundred) sent on to the chains.
     */
    private final long[] present;
    /**
     * A band's chain heads, one per row of the band at the band's positions: the first position + 1 (0: none) of the rows
     * whose key falls in that bucket. Chains are short, and a row of another key met on one is passed over by its key.
     */
    private final int[] heads;
    /** Position → the next position in its chain, or -1. */
    private final int[] next;
    /** Position → the row's cell key. */
    private final long[] keyAt;
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
        // every pass over the rows a piece at a time, each loop in a method of its own ({@link Chunks})
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE, 0}; // smallest cell, largest, rows kept
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            range(cells, skip, range, from, Chunks.end(from, n));
        }
        long lo = range[0];
        long hi = range[1];
        int kept = (int) range[2];
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
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            count(cells, skip, perBucket, from, Chunks.end(from, n));
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
        start = new int[bands + 1];
        int[] rowBand = new int[n];
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            bands(cells, skip, rowBand, from, Chunks.end(from, n));
        }
        filterStart = new int[bands + 1];
        for (int b = 0; b < bands; b++) {
            filterStart[b + 1] = filterStart[b] + (start[b + 1] + 3) / 4;
            start[b + 1] += start[b];
        }
        rows = new int[kept];
        first = new float[kept];
        keyAt = new long[kept];
        int[] at = java.util.Arrays.copyOf(start, bands);
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            place(keys, skip, firstZ, rowBand, at, from, Chunks.end(from, n));
            CheckBounds.checkInterrupted();
        }
        heads = new int[kept];
        present = new long[filterStart[bands]];
        next = new int[kept];
        for (int b = 0; b < bands; b++) {
            for (int p = start[b + 1] - 1; p >= start[b]; p--) { // backwards, so each chain lists its rows in order
                insert(keyAt[p], p, b);
            }
            if ((b & 63) == 0) {
                CheckBounds.checkInterrupted();
            }
        }
    }

    private static void range(long[] cells, boolean[] skip, long[] range, int from, int to) {
        for (int r = from; r < to; r++) {
            if (!skip[r]) {
                range[0] = Math.min(range[0], cells[r]);
                range[1] = Math.max(range[1], cells[r]);
                range[2]++;
            }
        }
    }

    private void count(long[] cells, boolean[] skip, int[] perBucket, int from, int to) {
        for (int r = from; r < to; r++) {
            if (!skip[r]) {
                perBucket[bucket(cells[r])]++;
            }
        }
    }

    /** The band of rows {@code from} to {@code to}, counted in {@link #start} (one place on, for the sums). */
    private void bands(long[] cells, boolean[] skip, int[] rowBand, int from, int to) {
        for (int r = from; r < to; r++) {
            if (!skip[r]) {
                rowBand[r] = bandOf[bucket(cells[r])];
                start[rowBand[r] + 1]++;
            }
        }
    }

    /** Rows {@code from} to {@code to} put at their positions, in order within each band. */
    private void place(long[] keys, boolean[] skip, double[] firstZ, int[] rowBand, int[] at, int from, int to) {
        for (int r = from; r < to; r++) {
            if (!skip[r]) {
                int p = at[rowBand[r]]++;
                rows[p] = r;
                keyAt[p] = keys[r];
                first[p] = (float) firstZ[r];
            }
        }
    }

    private int bucket(long cell) {
        return (int) ((Math.min(Math.max(cell, minCell), maxCell) - minCell) >>> shift);
    }

    int bands() {
        return start.length - 1;
    }

    /** The band of a cell on the first key feature: cells beyond the training rows' share the outermost band. */
    int band(long cell) {
        return bandOf[bucket(cell)];
    }

    private void insert(long key, int p, int band) {
        present[filterWord(key, band)] |= filterBits(key);
        int h = head(key, band);
        next[p] = heads[h] - 1;
        heads[h] = p + 1;
    }

    /** The chain head of the key in its band (from the key's lower bits, as the filter's bit is from the upper). */
    private int head(long key, int band) {
        return start[band] + (int) (((key & 0xFFFFFFFFL) * (start[band + 1] - start[band])) >>> 32);
    }

    /** The word of {@link #present} for this key in its band (from the key's upper bits, as the head is from the lower). */
    private int filterWord(long key, int band) {
        int from = filterStart[band];
        return from + (int) (((key >>> 44) * (filterStart[band + 1] - from)) >>> 20);
    }

    /** The key's two bits in its word, from upper bits of the key other than the word's. */
    private static long filterBits(long key) {
        return 1L << (key >>> 32) | 1L << (key >>> 38);
    }

    /** The first position with this key in the band, or -1. */
    int first(long key, int band) {
        if (start[band + 1] == start[band]) {
            return -1; // no row in this band
        }
        long bits = filterBits(key);
        if ((present[filterWord(key, band)] & bits) != bits) {
            return -1;
        }
        return sameKey(heads[head(key, band)] - 1, key);
    }

    /** The position after {@code p} with the same key, or -1. */
    int next(int p, long key) {
        return sameKey(next[p], key);
    }

    private int sameKey(int p, long key) {
        while (p >= 0 && keyAt[p] != key) {
            p = next[p];
        }
        return p;
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
