package org.anneal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;

/**
 * The columns of a CSV read while it grows: numbers, or category codes with their levels in order of first
 * appearance. Shared by both readers in {@link CsvReader} so that they cannot disagree on how a table is built.
 */
final class ColumnBuffers {
    final double[][] nums;
    final int[][] codes;
    private final List<Map<String, Integer>> dict = new ArrayList<>();
    private final List<List<String>> levels = new ArrayList<>();
    private int capacity = 1024;
    /** Rows held so far. */
    int rows;

    ColumnBuffers(List<ColumnType> types) {
        int width = types.size();
        nums = new double[width][];
        codes = new int[width][];
        for (int c = 0; c < width; c++) {
            if (types.get(c) == ColumnType.NUMERIC) {
                nums[c] = new double[capacity];
            } else {
                codes[c] = new int[capacity];
            }
            dict.add(new HashMap<>());
            levels.add(new ArrayList<>());
        }
    }

    /** Grows the columns to {@code expected} rows at once, sparing the copies of growing step by step. */
    void reserve(long expected) {
        if (expected > capacity && expected < Integer.MAX_VALUE - 8) {
            capacity = (int) expected;
            for (int c = 0; c < nums.length; c++) {
                if (nums[c] != null) {
                    nums[c] = Arrays.copyOf(nums[c], capacity);
                } else {
                    codes[c] = Arrays.copyOf(codes[c], capacity);
                }
            }
        }
    }

    /** Makes room for row {@link #rows}. */
    void ensureRoom() {
        if (rows < capacity) {
            return;
        }
        capacity = (int) Math.min(Integer.MAX_VALUE - 8, capacity + (long) (capacity >> 1));
        for (int c = 0; c < nums.length; c++) {
            if (nums[c] != null) {
                nums[c] = Arrays.copyOf(nums[c], capacity);
            } else {
                codes[c] = Arrays.copyOf(codes[c], capacity);
            }
        }
    }

    /** The code of category {@code v} in column {@code c}, adding it as the next level when new. */
    int code(int c, String v) {
        final List<String> lv = levels.get(c);
        return dict.get(c).computeIfAbsent(v, k -> {
            lv.add(k);
            return lv.size() - 1;
        });
    }

    Table build(CsvFormat format, Map<String, ColumnRole> roles) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < nums.length; c++) {
            cols.add(column(format, roles, c, nums[c] != null ? Arrays.copyOf(nums[c], rows) : null,
                    nums[c] != null ? null : Arrays.copyOf(codes[c], rows)));
            nums[c] = null; // the buffer may go before the next column is copied
            codes[c] = null;
        }
        return new Table(cols);
    }

    /**
     * The rows of {@code head} followed by those of {@code tail}, read from the rest of the same file, as one table. The
     * tail's category codes are renumbered into the head's levels, new levels appended in the tail's order of first
     * appearance: the numbering one reader going through the whole file gives.
     */
    static Table build(ColumnBuffers head, ColumnBuffers tail, CsvFormat format, Map<String, ColumnRole> roles) {
        int rows = Math.addExact(head.rows, tail.rows);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < head.nums.length; c++) {
            if (head.nums[c] != null) {
                double[] v = Arrays.copyOf(head.nums[c], rows);
                System.arraycopy(tail.nums[c], 0, v, head.rows, tail.rows);
                cols.add(head.column(format, roles, c, v, null));
            } else {
                List<String> tailLevels = tail.levels.get(c);
                int[] renumber = new int[tailLevels.size()];
                for (int i = 0; i < renumber.length; i++) {
                    renumber[i] = head.code(c, tailLevels.get(i));
                }
                int[] k = Arrays.copyOf(head.codes[c], rows);
                for (int r = 0; r < tail.rows; r++) {
                    int t = tail.codes[c][r];
                    k[head.rows + r] = t < 0 ? -1 : renumber[t];
                }
                cols.add(head.column(format, roles, c, null, k));
            }
            head.nums[c] = tail.nums[c] = null;
            head.codes[c] = tail.codes[c] = null;
        }
        return new Table(cols);
    }

    private Column column(CsvFormat format, Map<String, ColumnRole> roles, int c, double[] values, int[] categoryCodes) {
        String name = format.header().get(c);
        ColumnRole role = roles.getOrDefault(name, ColumnRole.FEATURE);
        String unit = format.units().get(c);
        return values != null ? new NumericColumn(name, role, values, unit) : new CategoricalColumn(name, role, categoryCodes, levels.get(c), unit);
    }
}
