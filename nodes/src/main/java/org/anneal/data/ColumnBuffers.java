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
            String name = format.header().get(c);
            ColumnRole role = roles.getOrDefault(name, ColumnRole.FEATURE);
            String unit = format.units().get(c);
            cols.add(nums[c] != null
                    ? new NumericColumn(name, role, Arrays.copyOf(nums[c], rows), unit)
                    : new CategoricalColumn(name, role, Arrays.copyOf(codes[c], rows), levels.get(c), unit));
        }
        return new Table(cols);
    }
}
