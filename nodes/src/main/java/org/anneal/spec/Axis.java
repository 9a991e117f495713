package org.anneal.spec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One axis of a tensor column's {@link Shape}: a name ("energy", "y", "channel"), a length, a unit and, for the axes of
 * spectra and signals, the physical value of every index (the grid). A grid is either regular ({@code start + i·step}, what
 * most instruments write) or listed value by value (a calibrated, non-linear axis). Two spectrum libraries on different
 * grids must not be mixed silently, so {@link #sameGrid} is what a node checks at configure time.
 *
 * @param name   what the axis runs over
 * @param size   number of indices, at least 1
 * @param unit   unit of the grid values ("eV", "°", "cm⁻¹", "s"); "" when none
 * @param start  value at index 0 of a regular grid; NaN when the grid is listed or absent
 * @param step   spacing of a regular grid; NaN when the grid is listed or absent
 * @param values the value at every index of a listed grid (length {@code size}); null for a regular grid or none
 */
public record Axis(String name, int size, String unit, double start, double step, double[] values) {
    /** Largest mismatch, as a share of one grid step, at which two grids still count as the same (rounding in files). */
    static final double GRID_TOLERANCE = 1e-6;

    public Axis {
        Objects.requireNonNull(name);
        unit = unit == null ? "" : unit;
        if (size < 1) {
            throw new IllegalArgumentException("axis '" + name + "' has size " + size + "; every axis needs at least one index");
        }
        if (values != null) {
            if (values.length != size) {
                throw new IllegalArgumentException("axis '" + name + "' has " + size + " indices but " + values.length + " grid values");
            }
            values = values.clone();
            start = Double.NaN;
            step = Double.NaN;
        } else if (Double.isNaN(start) != Double.isNaN(step)) {
            throw new IllegalArgumentException("axis '" + name + "': a regular grid needs both start and step");
        }
    }

    /** An axis without physical values: image rows and columns, colour channels, detector channels. */
    public static Axis of(String name, int size) {
        return new Axis(name, size, "", Double.NaN, Double.NaN, null);
    }

    /** An axis whose index {@code i} stands for {@code start + i·step} {@code unit}. */
    public static Axis regular(String name, int size, String unit, double start, double step) {
        if (!Double.isFinite(start) || !Double.isFinite(step) || step == 0) {
            throw new IllegalArgumentException("axis '" + name + "': start and step must be finite and the step non-zero");
        }
        return new Axis(name, size, unit, start, step, null);
    }

    /** An axis with its value at every index, as read from a file with a calibrated axis. */
    public static Axis listed(String name, String unit, double[] values) {
        return new Axis(name, values.length, unit, Double.NaN, Double.NaN, values);
    }

    /** A copy of the listed grid values (the record's array is never handed out, so an axis cannot change). */
    @Override
    public double[] values() {
        return values == null ? null : values.clone();
    }

    public boolean hasGrid() {
        return values != null || !Double.isNaN(start);
    }

    /** The physical value at index {@code i}; NaN without a grid. */
    public double value(int i) {
        return values != null ? values[i] : start + i * step;
    }

    /**
     * Whether two axes put the same physical value at every index: same length and unit, and grids that agree to within a
     * millionth of a step (a regular grid and a listed one agree when the listed values lie on it). Two axes without a
     * grid agree when their lengths do; an axis with a grid never agrees with one without, since nothing says how the
     * second is aligned.
     */
    public boolean sameGrid(Axis o) {
        if (size != o.size || hasGrid() != o.hasGrid()) {
            return false;
        }
        if (!hasGrid()) {
            return true;
        }
        if (!unit.equals(o.unit)) {
            return false;
        }
        double spacing = size == 1 ? Math.max(Math.abs(value(0)), 1) : Math.abs(value(size - 1) - value(0)) / (size - 1);
        double tol = GRID_TOLERANCE * Math.max(spacing, Double.MIN_NORMAL);
        for (int i = 0; i < size; i++) {
            if (!(Math.abs(value(i) - o.value(i)) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /** "0–20.47 keV" (first to last value and the unit), or "" without a grid. */
    public String range() {
        if (!hasGrid()) {
            return "";
        }
        String r = number(value(0)) + "–" + number(value(size - 1));
        return unit.isEmpty() ? r : r + " " + unit;
    }

    /** A value as short as it reads well: 0, 20.47, 1.5e-05. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axis a && a.name.equals(name) && a.size == size && a.unit.equals(unit)
                && Double.compare(a.start, start) == 0 && Double.compare(a.step, step) == 0 && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, size, unit, start, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return name + "[" + size + (hasGrid() ? ", " + range() : "") + "]";
    }
}
