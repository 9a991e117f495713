package org.anneal.lineage;

/**
 * Rows in the order of their cell on D9's key feature, the rows of one cell in row order, each with one value carried
 * beside it ({@link TwinScan}): a stable radix sort of the cells' keys, eleven bits a pass, so that the comparison reads
 * the training rows of neighbouring cells as one run of memory, and meets the test rows in the same order. Sorting
 * both sides costs a few sequential passes; a table from cell to rows (a counting sort over millions of cells) cost a
 * random read into it per row and per test row (issue 16, "Performance").
 */
final class CellOrder {
    private static final int DIGIT = 11;
    private static final int RADIX = 1 << DIGIT;

    /** The keys (unsigned), ascending; equal keys in the order the rows were given. */
    final long[] keys;
    final int[] rows;
    final double[] values;
    final int size;

    private CellOrder(long[] keys, int[] rows, double[] values, int size) {
        this.keys = keys;
        this.rows = rows;
        this.values = values;
        this.size = size;
    }

    /**
     * The first {@code size} entries sorted by key (compared unsigned), stably; the arrays given are the sort's own (they
     * are overwritten, and may be the ones returned).
     */
    static CellOrder sort(long[] keys, int[] rows, double[] values, int size) {
        if (size == 0) {
            return new CellOrder(keys, rows, values, 0);
        }
        long most = 0;
        for (int i = 0; i < size; i++) {
            most |= keys[i];
        }
        int passes = (64 - Long.numberOfLeadingZeros(most) + DIGIT - 1) / DIGIT;
        int[][] count = new int[passes][RADIX];
        for (int from = 0; from < size; from = Chunks.end(from, size)) {
            histogram(keys, from, Chunks.end(from, size), count);
        }
        long[] k2 = null;
        int[] r2 = null;
        double[] v2 = null;
        for (int pass = 0; pass < passes; pass++) {
            int[] at = count[pass];
            int shift = pass * DIGIT;
            if (at[(int) ((keys[0] >>> shift) & (RADIX - 1))] == size) {
                continue; // every key has this digit: the order stays
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = at[d];
                at[d] = sum;
                sum += c;
            }
            if (k2 == null) {
                k2 = new long[size];
                r2 = new int[size];
                v2 = new double[size];
            }
            for (int from = 0; from < size; from = Chunks.end(from, size)) {
                scatter(keys, rows, values, k2, r2, v2, at, shift, from, Chunks.end(from, size));
            }
            long[] k = keys;
            keys = k2;
            k2 = k;
            int[] r = rows;
            rows = r2;
            r2 = r;
            double[] v = values;
            values = v2;
            v2 = v;
            CheckBounds.checkInterrupted();
        }
        return new CellOrder(keys, rows, values, size);
    }

    private static void histogram(long[] keys, int from, int to, int[][] count) {
        for (int i = from; i < to; i++) {
            long k = keys[i];
            for (int pass = 0; pass < count.length; pass++) {
                count[pass][(int) ((k >>> (pass * DIGIT)) & (RADIX - 1))]++;
            }
        }
    }

    private static void scatter(long[] keys, int[] rows, double[] values, long[] k2, int[] r2, double[] v2, int[] at, int shift,
            int from, int to) {
        for (int i = from; i < to; i++) {
            long k = keys[i];
            int p = at[(int) ((k >>> shift) & (RADIX - 1))]++;
            k2[p] = k;
            r2[p] = rows[i];
            v2[p] = values[i];
        }
    }

    /** The first place whose key is at least {@code key} (unsigned), or {@link #size}. */
    int lowerBound(long key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(keys[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
