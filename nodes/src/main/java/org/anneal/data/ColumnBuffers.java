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
 * A piece of a big file ({@link CsvPieces}) writes its rows straight into the table's columns, from {@link #offset}.
 */
final class ColumnBuffers {
    final double[][] nums;
    final int[][] codes;
    /** Where row 0 goes in the arrays. */
    final int offset;
    /** The arrays are the table's, shared with the other pieces: they never grow, and a piece fills at most its share. */
    private final boolean fixed;
    private final List<Map<String, Integer>> dict = new ArrayList<>();
    private final List<List<String>> levels = new ArrayList<>();
    private int capacity;
    /** Rows held so far. */
    int rows;

    ColumnBuffers(List<ColumnType> types) {
        this(types, new double[types.size()][], new int[types.size()][], 0, 1024, false);
        for (int c = 0; c < types.size(); c++) {
            if (types.get(c) == ColumnType.NUMERIC) {
                nums[c] = new double[capacity];
            } else {
                codes[c] = new int[capacity];
            }
        }
    }

    /** Rows {@code offset} to {@code offset + share - 1} of the table's columns {@code nums} / {@code codes} (null where the other kind). */
    ColumnBuffers(List<ColumnType> types, double[][] nums, int[][] codes, int offset, int share) {
        this(types, nums.clone(), codes.clone(), offset, offset + share, true);
    }

    private ColumnBuffers(List<ColumnType> types, double[][] nums, int[][] codes, int offset, int capacity, boolean fixed) {
        this.nums = nums;
        this.codes = codes;
        this.offset = offset;
        this.capacity = capacity;
        this.fixed = fixed;
        for (int c = 0; c < types.size(); c++) {
            dict.add(new HashMap<>());
            levels.add(new ArrayList<>());
        }
    }

    /** Grows the columns to {@code expected} rows at once, sparing the copies of growing step by step. */
    void reserve(long expected) {
        if (!fixed && expected > capacity && expected < Integer.MAX_VALUE - 8) {
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

    /** Rows that fit without growing the columns. */
    int room() {
        return capacity - offset - rows;
    }

    /** Whether every column holds numbers. */
    boolean allNumeric() {
        for (double[] n : nums) {
            if (n == null) {
                return false;
            }
        }
        return true;
    }

    /** Makes room for row {@link #rows}; false when a piece's share is full. */
    boolean ensureRoom() {
        if (offset + rows < capacity) {
            return true;
        }
        if (fixed) {
            return false;
        }
        capacity = (int) Math.min(Integer.MAX_VALUE - 8, capacity + (long) (capacity >> 1));
        for (int c = 0; c < nums.length; c++) {
            if (nums[c] != null) {
                nums[c] = Arrays.copyOf(nums[c], capacity);
            } else {
                codes[c] = Arrays.copyOf(codes[c], capacity);
            }
        }
        return true;
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
        return join(List.of(this), format, roles);
    }

    /**
     * The rows of {@code parts}, read from consecutive pieces of one file, end to end as one table. The later parts'
     * category codes are renumbered into the first part's levels, new levels appended in order of first appearance:
     * the numbering one reader going through the whole file gives. Parts that filled the table's columns row after
     * row are the table; otherwise (a growing buffer, or pieces with blank lines in their share) the rows are copied,
     * each part's column let go once copied.
     */
    static Table join(List<ColumnBuffers> parts, CsvFormat format, Map<String, ColumnRole> roles) {
        ColumnBuffers head = parts.get(0);
        int rows = 0;
        for (ColumnBuffers p : parts) {
            rows = Math.addExact(rows, p.rows);
        }
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < head.nums.length; c++) {
            String name = format.header().get(c);
            ColumnRole role = roles.getOrDefault(name, ColumnRole.FEATURE);
            String unit = format.units().get(c);
            boolean numeric = head.nums[c] != null;
            Object column = filled(parts, c, rows) ? (numeric ? head.nums[c] : head.codes[c]) : numeric ? new double[rows] : new int[rows];
            int at = 0;
            for (int i = 0; i < parts.size(); i++) {
                ColumnBuffers p = parts.get(i);
                Object from = numeric ? p.nums[c] : p.codes[c];
                if (from != column) {
                    System.arraycopy(from, p.offset, column, at, p.rows);
                }
                if (!numeric && i > 0) {
                    p.renumber(c, head, (int[]) column, at);
                }
                at += p.rows;
                p.nums[c] = null;
                p.codes[c] = null;
            }
            cols.add(numeric ? new NumericColumn(name, role, (double[]) column, unit)
                    : new CategoricalColumn(name, role, (int[]) column, head.levels.get(c), unit));
        }
        return new Table(cols);
    }

    /** Whether the parts wrote column {@code c}'s {@code rows} rows into one array of that length, each right after the one before. */
    private static boolean filled(List<ColumnBuffers> parts, int c, int rows) {
        Object array = parts.get(0).nums[c] != null ? parts.get(0).nums[c] : parts.get(0).codes[c];
        int at = 0;
        for (ColumnBuffers p : parts) {
            if ((p.nums[c] != null ? p.nums[c] : p.codes[c]) != array || p.offset != at) {
                return false;
            }
            at += p.rows;
        }
        return at == (array instanceof double[] d ? d.length : ((int[]) array).length);
    }

    /** This part's codes of column {@code c}, now at {@code at} in {@code k}, as codes of {@code head}'s levels. */
    private void renumber(int c, ColumnBuffers head, int[] k, int at) {
        List<String> mine = levels.get(c);
        int[] to = new int[mine.size()];
        for (int l = 0; l < to.length; l++) {
            to[l] = head.code(c, mine.get(l));
        }
        for (int r = at; r < at + rows; r++) {
            k[r] = k[r] < 0 ? -1 : to[k[r]];
        }
    }
}
