package org.anneal.lineage;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.TensorColumn;

/**
 * Rows compared by their cells' identity ({@link Column#key}) without building the keys as text, which cost D1 seconds
 * on a million rows: a number by its bits (every NaN one value, -0.0 as 0.0, exactly when their texts are equal), a
 * category by a hash of its text, a tensor by its content hash. A 64-bit row hash finds the candidates;
 * {@link #same} then compares the cells, so a hash collision can never make two different rows equal.
 */
final class RowHashes {
    private final Column[] cols;
    private final long[][] levelHashes;
    private final boolean[] byText;

    /** Hashes of rows of {@code cols}; {@code partner} holds the same columns of the table compared with (or null). */
    RowHashes(List<Column> cols, List<Column> partner) {
        this.cols = cols.toArray(Column[]::new);
        this.levelHashes = new long[this.cols.length][];
        this.byText = new boolean[this.cols.length];
        for (int j = 0; j < this.cols.length; j++) {
            Column c = this.cols[j];
            // a number on one side, a category on the other (never after a split, but possible): their texts compare
            byText[j] = partner != null && partner.get(j).getClass() != c.getClass();
            if (c instanceof CategoricalColumn cat) {
                levelHashes[j] = cat.levels().stream().mapToLong(RowHashes::text).toArray();
            }
        }
    }

    private static final long SEED = 0x9E3779B97F4A7C15L;

    /**
     * Every row's hash, a piece of rows at a time and column by column within a piece (a tight loop per column rather than
     * a dispatch per cell, over hashes that stay in cache while every column is folded in: one pass through memory, not
     * one per column); equal rows (as {@link #same} says) always give equal hashes. Each cell is folded in by one
     * multiplication and a rotation, and each row's hash mixed fully once at the end: a full mix per cell was most of D1's
     * time on a million rows of twenty columns (issue 16, "Performance"); a hash only finds candidates, so its quality
     * decides speed, never an answer.
     */
    long[] hashes(int rows) {
        return hashes(rows, null);
    }

    /** As {@link #hashes(int)}, over the columns {@code only} (null: every column): equal rows still hash alike. */
    long[] hashes(int rows, int[] only) {
        long[] h = new long[rows];
        long missing = text("");
        int width = only == null ? cols.length : only.length;
        for (int from = 0; from < rows; from = Chunks.end(from, rows)) {
            int to = Chunks.end(from, rows);
            java.util.Arrays.fill(h, from, to, SEED);
            for (int jj = 0; jj < width; jj++) {
                int j = only == null ? jj : only[jj];
                if (!byText[j] && cols[j] instanceof NumericColumn n) {
                    foldNumbers(h, n.values(), from, to);
                } else if (!byText[j] && cols[j] instanceof CategoricalColumn c) {
                    foldCodes(h, c.codes(), levelHashes[j], missing, from, to);
                } else {
                    for (int i = from; i < to; i++) {
                        h[i] = fold(h[i], cell(j, i));
                    }
                }
            }
            mixAll(h, from, to);
            CheckBounds.checkInterrupted();
        }
        return h;
    }

    /** Rows sampled, evenly spread, to rank the columns by their distinct values for {@link #screenColumns}. */
    private static final int SAMPLE = 512;
    /** Columns the screening hash takes at most. */
    private static final int SCREEN = 3;

    /**
     * A few columns whose hash alone nearly tells rows apart, for a first screen of the copies that reads a few columns
     * instead of all (on a million rows the reading of every column was most of D1's time, issue 16): the numeric ones
     * (compared by their bits) with the most distinct values among {@value #SAMPLE} rows spread evenly over the table; null
     * when there are none or they share values too often, and every column is hashed. Two equal rows are equal on these
     * columns, so the screen misses no copy; the rows it pairs are compared cell by cell as always.
     */
    int[] screenColumns(int rows) {
        int n = Math.min(rows, SAMPLE);
        List<int[]> ranked = new java.util.ArrayList<>(); // {distinct values in the sample, column}
        for (int j = 0; j < cols.length; j++) {
            if (!byText[j] && cols[j] instanceof NumericColumn c) {
                long[] bits = new long[n];
                for (int s = 0; s < n; s++) {
                    bits[s] = canonical(c.values()[(int) ((long) s * rows / n)]);
                }
                java.util.Arrays.sort(bits);
                int distinct = n == 0 ? 0 : 1;
                for (int s = 1; s < n; s++) {
                    distinct += bits[s] != bits[s - 1] ? 1 : 0;
                }
                ranked.add(new int[] {distinct, j});
            }
        }
        ranked.sort((a, b) -> a[0] != b[0] ? Integer.compare(b[0], a[0]) : Integer.compare(a[1], b[1]));
        int take = Math.min(SCREEN, ranked.size());
        if (take == 0 || take == cols.length) {
            return null;
        }
        double combinations = 1;
        for (int i = 0; i < take; i++) {
            combinations *= ranked.get(i)[0];
        }
        if (combinations < (double) n * n) {
            return null; // the sample alone would pair many rows: a screen on these columns would pair too many
        }
        return ranked.stream().limit(take).mapToInt(r -> r[1]).sorted().toArray();
    }

    // The loops over a piece of rows stand alone, each in a small static method that ends once a piece: in a cold process
    // (anneal run) the JIT compiles it once and keeps it for every column and piece ({@link Chunks}); a loop inside the
    // loop over columns was compiled with its surroundings and thrown away at the end of each column (issue 16)

    private static void foldNumbers(long[] h, double[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            h[i] = fold(h[i], canonical(v[i]));
        }
    }

    private static void foldCodes(long[] h, int[] codes, long[] levelHashes, long missing, int from, int to) {
        for (int i = from; i < to; i++) {
            h[i] = fold(h[i], codes[i] < 0 ? missing : levelHashes[codes[i]]);
        }
    }

    private static void mixAll(long[] h, int from, int to) {
        for (int i = from; i < to; i++) {
            h[i] = mix(h[i]);
        }
    }

    /** One cell folded into a row's running hash: a bijection of the hash for each cell value. */
    private static long fold(long h, long cell) {
        return Long.rotateLeft((h ^ cell) * 0x9E3779B97F4A7C15L, 27);
    }

    private long cell(int j, int row) {
        Column c = cols[j];
        if (byText[j]) {
            return text(c.key(row));
        }
        if (c instanceof NumericColumn n) {
            return canonical(n.values()[row]);
        }
        if (c instanceof CategoricalColumn cat) {
            int code = cat.codes()[row];
            return code < 0 ? text("") : levelHashes[j][code];
        }
        if (c instanceof TensorColumn t) {
            if (t.isMissing(row)) {
                return text("");
            }
            long[] h = t.contentHash(row);
            return h[0] ^ Long.rotateLeft(h[1], 17);
        }
        return text(c.key(row));
    }

    /** Whether row {@code i} of these columns and row {@code k} of {@code other}'s have equal keys in every cell. */
    boolean same(int i, RowHashes other, int k) {
        for (int j = 0; j < cols.length; j++) {
            Column a = cols[j];
            Column b = other.cols[j];
            if (a instanceof NumericColumn x && b instanceof NumericColumn y) {
                if (canonical(x.values()[i]) != canonical(y.values()[k])) {
                    return false;
                }
            } else if (a instanceof TensorColumn x && b instanceof TensorColumn y) {
                if (x.isMissing(i) != y.isMissing(k) || !x.isMissing(i) && !java.util.Arrays.equals(x.contentHash(i), y.contentHash(k))) {
                    return false;
                }
            } else if (!a.key(i).equals(b.key(k))) {
                return false;
            }
        }
        return true;
    }

    /** A number's bits with the two cases where different bits print the same text made one. */
    static long canonical(double v) {
        return v == 0 ? 0 : Double.doubleToLongBits(v);
    }

    static long text(String s) {
        long h = 0xC2B2AE3D27D4EB4FL ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    static long mix(long k) {
        return TensorColumn.avalanche(k);
    }

    /**
     * Open addressing from a 64-bit key (already well mixed) to the rows that have it, chained; built once over one side,
     * probed with the other. A slot packs 32 bits of the key with the key's first row, and a bit per slot-sized range of
     * keys, small enough to stay in cache, answers most probes for absent keys before the table is read: on a million
     * rows the probes are what the near-copy search waits on. Two keys alike in those bits share a chain, so a chain can
     * hold rows of another key: callers compare the rows they find, as they must anyway.
     */
    static final class Index {
        private final long[] slots; // high half: 32 bits of the key; low half: first row + 1 (0 = empty)
        private final long[] present; // one bit per key bucket: some row has a key there
        private final int[] next;
        private final int mask;
        private final int presentMask;

        Index(long[] rowKeys, boolean[] skip) {
            int cap = Integer.highestOneBit(Math.max(2, rowKeys.length + rowKeys.length / 2)) << 1;
            slots = new long[cap];
            present = new long[Math.max(1, cap / 16)]; // 4 bits per slot
            presentMask = present.length * 64 - 1;
            next = new int[rowKeys.length];
            mask = cap - 1;
            // backwards, so each chain lists its rows in order; a piece at a time ({@link Chunks}), the last piece first
            int n = rowKeys.length;
            for (int to = n; to > 0; to -= Chunks.ROWS) {
                insert(rowKeys, skip, Math.max(0, to - Chunks.ROWS), to);
                CheckBounds.checkInterrupted();
            }
        }

        /** Rows {@code to - 1} down to {@code from}. */
        private void insert(long[] rowKeys, boolean[] skip, int from, int to) {
            for (int r = to - 1; r >= from; r--) {
                if (skip != null && skip[r]) {
                    continue;
                }
                long key = rowKeys[r];
                int s = slot(key);
                next[r] = (int) slots[s] - 1;
                slots[s] = (key & 0xFFFFFFFF00000000L) | (r + 1L);
                int bit = (int) (key >>> 7) & presentMask;
                present[bit >>> 6] |= 1L << bit;
            }
        }

        private int slot(long key) {
            int s = (int) key & mask;
            long tag = key & 0xFFFFFFFF00000000L;
            while (slots[s] != 0 && (slots[s] & 0xFFFFFFFF00000000L) != tag) {
                s = (s + 1) & mask;
            }
            return s;
        }

        /** The first row with this key (or one alike in the bits kept), or -1. */
        int first(long key) {
            int bit = (int) (key >>> 7) & presentMask;
            if ((present[bit >>> 6] & 1L << bit) == 0) {
                return -1;
            }
            return (int) slots[slot(key)] - 1;
        }

        /** The row after {@code row} in its chain, or -1. */
        int next(int row) {
            return next[row];
        }
    }
}
