package org.anneal.spec;

import java.util.List;
import java.util.Objects;

/**
 * The shape of the tensor in every row of a tensor column: an image {@code [y, x, channel]}, a spectrum {@code [energy]},
 * a signal window {@code [time, channel]}. No axes means a scalar column (numbers, categories). Travels in the column's
 * {@link ColumnSpec}, so a node sees at configure time what each row holds and on which physical grid, before any data
 * is read.
 */
public record Shape(List<Axis> axes) {
    /** The shape of a number or a category: no axes. */
    public static final Shape SCALAR = new Shape(List.of());

    public Shape {
        axes = List.copyOf(axes);
        long n = 1;
        for (Axis a : axes) {
            n *= a.size();
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a tensor of shape " + sizes(axes) + " has more than 2³¹ values per row");
            }
        }
    }

    public static Shape of(Axis... axes) {
        return new Shape(List.of(axes));
    }

    /** An image of {@code h} rows, {@code w} columns and {@code c} channels (1 for grey, 3 for colour), stored row by row. */
    public static Shape image(int h, int w, int c) {
        return of(Axis.of("y", h), Axis.of("x", w), Axis.of("channel", c));
    }

    /** A spectrum or pattern along one axis, usually with its grid (energy in eV, 2θ in degrees, wavenumber in cm⁻¹). */
    public static Shape spectrum(Axis axis) {
        return of(axis);
    }

    /** A window of a signal: {@code time} steps (usually with a grid in s) of {@code channels} sensors each, time-major. */
    public static Shape signal(Axis time, int channels) {
        return of(time, Axis.of("channel", channels));
    }

    public boolean isScalar() {
        return axes.isEmpty();
    }

    public int rank() {
        return axes.size();
    }

    /** Values per row: the product of the axis lengths (1 for a scalar). */
    public int size() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.size();
        }
        return n;
    }

    /** The axis lengths, outermost first. */
    public int[] dims() {
        return axes.stream().mapToInt(Axis::size).toArray();
    }

    public Axis axis(int i) {
        return axes.get(i);
    }

    /**
     * Whether rows of the two shapes can be compared value by value: the same number of axes, and each pair of axes the same
     * length on the same grid ({@link Axis#sameGrid}). Axis names may differ ("energy" and "E" are the same axis).
     */
    public boolean sameGrid(Shape o) {
        Objects.requireNonNull(o);
        if (rank() != o.rank()) {
            return false;
        }
        for (int i = 0; i < rank(); i++) {
            if (!axis(i).sameGrid(o.axis(i))) {
                return false;
            }
        }
        return true;
    }

    /** The lengths alone, "64×64×1"; "scalar" for no axes. */
    public String dimsText() {
        return isScalar() ? "scalar" : sizes(axes);
    }

    /**
     * A short description for headers and messages: "64×64×1" for an image, "2048 ch · 0–20.47 keV" for a spectrum with its
     * grid, "1000×3 · 0–9.99 s" for a signal window; "scalar" for no axes.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(rank() == 1 ? axes.get(0).size() + " ch" : dimsText());
        for (Axis a : axes) {
            if (a.hasGrid()) {
                sb.append(" · ").append(a.range());
            }
        }
        return sb.toString();
    }

    private static String sizes(List<Axis> axes) {
        StringBuilder sb = new StringBuilder();
        for (Axis a : axes) {
            if (sb.length() > 0) {
                sb.append('×');
            }
            sb.append(a.size());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
