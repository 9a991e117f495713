package org.anneal.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.Shape;

/**
 * One tensor per row (an image, a spectrum, a signal window), all of one {@link Shape}, stored as a single float array of
 * rows × shape-size values, row after row, so a row is one contiguous slice and a network batch is a copy of slices. A
 * missing row (an image that failed to load) is flagged in {@code missing} and holds NaN. Float, not double: images and
 * spectra carry no more precision, and a large image set is half the memory.
 *
 * @param values  row {@code r} occupies {@code values[r·size … (r+1)·size)}, in the shape's axis order (last axis fastest)
 * @param missing one flag per row
 * @param unit    unit of the values (counts, intensity); "" when unknown. The axes' units are on the shape.
 */
public record TensorColumn(String name, ColumnRole role, Shape shape, float[] values, boolean[] missing, String unit) implements Column {
    public TensorColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        Objects.requireNonNull(shape);
        Objects.requireNonNull(values);
        Objects.requireNonNull(missing);
        unit = unit == null ? "" : unit;
        if (shape.isScalar()) {
            throw new IllegalArgumentException("tensor column '" + name + "' needs a shape with at least one axis");
        }
        if (values.length != (long) missing.length * shape.size()) {
            throw new IllegalArgumentException("tensor column '" + name + "': " + values.length + " values are not " + missing.length
                    + " rows of " + shape.dimsText());
        }
    }

    /** A column from one array per row ({@code null} for a missing row), each of {@code shape.size()} values. */
    public static TensorColumn of(String name, ColumnRole role, Shape shape, List<float[]> rows) {
        int size = shape.size();
        if ((long) rows.size() * size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor column '" + name + "': " + rows.size() + " rows of " + shape.dimsText()
                    + " do not fit in one array");
        }
        float[] v = new float[rows.size() * size];
        boolean[] miss = new boolean[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            float[] row = rows.get(r);
            if (row == null) {
                miss[r] = true;
                Arrays.fill(v, r * size, (r + 1) * size, Float.NaN);
            } else if (row.length != size) {
                throw new IllegalArgumentException("tensor column '" + name + "': row " + (r + 1) + " has " + row.length
                        + " values, the shape " + shape.dimsText() + " needs " + size);
            } else {
                System.arraycopy(row, 0, v, r * size, size);
            }
        }
        return new TensorColumn(name, role, shape, v, miss, "");
    }

    @Override
    public ColumnType type() {
        return ColumnType.TENSOR;
    }

    @Override
    public ColumnSpec spec() {
        return ColumnSpec.tensor(name, role, shape, unit);
    }

    @Override
    public int size() {
        return missing.length;
    }

    /** Values per row. */
    public int rowSize() {
        return shape.size();
    }

    /** Where row {@code row} starts in {@link #values}. */
    public int offset(int row) {
        return row * shape.size();
    }

    /** A copy of one row's tensor. */
    public float[] get(int row) {
        int n = shape.size();
        return Arrays.copyOfRange(values, row * n, (row + 1) * n);
    }

    @Override
    public boolean isMissing(int row) {
        return missing[row];
    }

    @Override
    public Column withRole(ColumnRole r) {
        return new TensorColumn(name, r, shape, values, missing, unit);
    }

    @Override
    public Column renamed(String n) {
        return new TensorColumn(n, role, shape, values, missing, unit);
    }

    public TensorColumn withUnit(String u) {
        return new TensorColumn(name, role, shape, values, missing, u);
    }

    /** The rows at {@code index}, copied slice by slice into one new contiguous array. */
    @Override
    public Column rows(int[] index) {
        for (int i : index) {
            if (i < 0 || i >= missing.length) {
                throw new IndexOutOfBoundsException("row " + i + " of " + missing.length);
            }
        }
        return rowsOrMissing(index);
    }

    /** Like {@link #rows}, but index -1 gives a missing row (a left row without a match in a join). */
    public TensorColumn rowsOrMissing(int[] index) {
        int n = shape.size();
        if ((long) index.length * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor column '" + name + "': " + index.length + " rows of " + shape.dimsText()
                    + " do not fit in one array");
        }
        float[] out = new float[index.length * n];
        boolean[] miss = new boolean[index.length];
        for (int i = 0; i < index.length; i++) {
            int r = index[i];
            if (r < 0) {
                miss[i] = true;
                Arrays.fill(out, i * n, (i + 1) * n, Float.NaN);
            } else {
                miss[i] = missing[r];
                System.arraycopy(values, r * n, out, i * n, n);
            }
        }
        return new TensorColumn(name, role, shape, out, miss, unit);
    }

    /**
     * One row per group: the value-by-value mean of the group's rows that are not missing (replicate spectra of one sample
     * averaged into one); a group whose rows are all missing gives a missing row.
     */
    public TensorColumn meanOfRows(List<int[]> groups) {
        int n = shape.size();
        float[] out = new float[groups.size() * n];
        boolean[] miss = new boolean[groups.size()];
        double[] sum = new double[n];
        for (int g = 0; g < groups.size(); g++) {
            Arrays.fill(sum, 0);
            int count = 0;
            for (int r : groups.get(g)) {
                if (!missing[r]) {
                    for (int i = 0; i < n; i++) {
                        sum[i] += values[r * n + i];
                    }
                    count++;
                }
            }
            miss[g] = count == 0;
            for (int i = 0; i < n; i++) {
                out[g * n + i] = count == 0 ? Float.NaN : (float) (sum[i] / count);
            }
        }
        return new TensorColumn(name, role, shape, out, miss, unit);
    }

    /** The mean of one row's values, NaN values left out (NaN when there are none). */
    public double mean(int row) {
        int n = shape.size();
        double sum = 0;
        int count = 0;
        for (int i = row * n; i < (row + 1) * n; i++) {
            float x = values[i];
            if (!Float.isNaN(x)) {
                sum += x;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** A summary, never the values themselves (a row may hold millions): "[64×64×1] mean 0.42"; "" when missing. */
    @Override
    public String text(int row) {
        if (missing[row]) {
            return "";
        }
        double m = mean(row);
        return "[" + shape.dimsText() + "] " + (Double.isNaN(m) ? "no values" : "mean " + shortNumber(m));
    }

    /**
     * A 128-bit hash of the row's float bits, as 32 hex digits; "" when missing. Equal tensors give equal keys (0.0 and -0.0
     * count as equal, as they do in numeric columns, and every NaN is the same NaN); two different tensors share a key
     * with a probability of about 2⁻¹²⁸, so an exact-copy test by key does not need to compare values.
     */
    @Override
    public String key(int row) {
        if (missing[row]) {
            return "";
        }
        long[] h = contentHash(row);
        return String.format("%016x%016x", h[0], h[1]);
    }

    /** Two independent 64-bit lanes over the row's values, each finished with MurmurHash3's avalanche step. */
    public long[] contentHash(int row) {
        int n = shape.size();
        long h1 = 0x9E3779B97F4A7C15L ^ n;
        long h2 = 0xC2B2AE3D27D4EB4FL ^ n;
        for (int i = row * n; i < (row + 1) * n; i++) {
            float x = values[i];
            long b = (x == 0 ? 0 : Float.floatToIntBits(x)) & 0xFFFFFFFFL;
            h1 = Long.rotateLeft(h1 ^ (b * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
            h2 = Long.rotateLeft(h2 ^ (b * 0xFF51AFD7ED558CCDL), 29) * 0xC4CEB9FE1A85EC53L;
        }
        h1 = avalanche(h1);
        h2 = avalanche(h2);
        return new long[] {h1 + h2, h2 + h1 + h1};
    }

    /** MurmurHash3's 64-bit finalizer: every input bit moves about half the output bits (also hashes the leakage checks' rows). */
    public static long avalanche(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    private static String shortNumber(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorColumn c && c.name.equals(name) && c.role == role && c.unit.equals(unit) && c.shape.equals(shape)
                && Arrays.equals(c.missing, missing) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, unit, shape, Arrays.hashCode(missing), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TensorColumn[" + name + ", " + role + ", " + missing.length + " rows of " + shape.describe() + "]";
    }
}
