package org.anneal.ml;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The data behind a chart: the value on a PLOT wire. Engine-side and toolkit-free, so the editor (JavaFX)
 * and the command line (PNG) draw the same thing. Immutable; arrays are copied in and out.
 *
 * @param kind    how to draw it
 * @param title   chart title
 * @param xLabel  x-axis label, with unit when there is one
 * @param yLabel  y-axis label
 * @param series  the data series (empty for a heat map)
 * @param guides  reference lines such as the 45° line of a parity plot
 * @param heatmap the cells of a heat map (confusion matrix), else null
 * @param spans   x intervals shaded across the whole height (a signal's events, windows flagged as anomalous)
 */
public record Plot(Kind kind, String title, String xLabel, String yLabel, List<Series> series, List<Guide> guides, Heatmap heatmap,
                   List<Span> spans) {

    public enum Kind {
        /** points (parity, residuals, embeddings coloured by series) */
        SCATTER,
        /** connected points in x order (curves: learning, validation, ROC, loss, scree) */
        LINE,
        /** one bar per x label (importances, coefficients) */
        BAR,
        /** a matrix of cells (confusion matrix) */
        HEATMAP
    }

    /**
     * One named series. {@code low}/{@code high} optionally give a band per point (an uncertainty interval or
     * ± one standard deviation); {@code labels} optionally name the points (bar categories, row ids).
     */
    public record Series(String name, double[] x, double[] y, double[] low, double[] high, List<String> labels) {
        public Series {
            Objects.requireNonNull(name);
            x = x.clone();
            y = y.clone();
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
            }
            low = low == null ? null : checkLength(name, low.clone(), x.length);
            high = high == null ? null : checkLength(name, high.clone(), x.length);
            labels = labels == null ? List.of() : List.copyOf(labels);
        }

        public static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y, null, null, null);
        }

        public static Series withBand(String name, double[] x, double[] y, double[] low, double[] high) {
            return new Series(name, x, y, low, high, null);
        }

        public int size() {
            return x.length;
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] low() {
            return low == null ? null : low.clone();
        }

        @Override
        public double[] high() {
            return high == null ? null : high.clone();
        }

        public boolean hasBand() {
            return low != null && high != null;
        }

        private static double[] checkLength(String name, double[] v, int n) {
            if (v.length != n) {
                throw new IllegalArgumentException("series '" + name + "': band has " + v.length + " values for " + n + " points");
            }
            return v;
        }
    }

    /** A straight reference line y = slope·x + intercept, drawn across the visible range. */
    public record Guide(String name, double slope, double intercept) {
        /** The 45° line of a parity plot: predicted equals true. */
        public static Guide identity() {
            return new Guide("y = x", 1, 0);
        }

        /** y = 0, the zero line of a residual plot. */
        public static Guide zero() {
            return new Guide("y = 0", 0, 0);
        }
    }

    /**
     * An x interval [from, to] shaded over the whole plot height, behind the series: where a signal was high after a
     * trigger event, a window flagged as anomalous. Spans of one name share a colour and one legend entry.
     */
    public record Span(String name, double from, double to) {
        public Span {
            Objects.requireNonNull(name);
            if (!(from <= to)) {
                throw new IllegalArgumentException("span '" + name + "' runs from " + from + " to " + to);
            }
        }
    }

    /**
     * Cells of a heat map: {@code values[row][col]}; rows are drawn top to bottom. {@code squareCells}: draw every cell
     * square (the pixels of a map keep their shape) instead of stretching the cells to fill the plot area.
     */
    public record Heatmap(List<String> rowLabels, List<String> colLabels, double[][] values, boolean squareCells) {
        public Heatmap(List<String> rowLabels, List<String> colLabels, double[][] values) {
            this(rowLabels, colLabels, values, false);
        }

        public Heatmap {
            rowLabels = List.copyOf(rowLabels);
            colLabels = List.copyOf(colLabels);
            double[][] copy = new double[values.length][];
            for (int r = 0; r < values.length; r++) {
                if (values[r].length != colLabels.size()) {
                    throw new IllegalArgumentException("heat map row " + r + " has " + values[r].length + " cells for " + colLabels.size() + " columns");
                }
                copy[r] = values[r].clone();
            }
            if (copy.length != rowLabels.size()) {
                throw new IllegalArgumentException("heat map has " + copy.length + " rows for " + rowLabels.size() + " labels");
            }
            values = copy;
        }

        public double get(int row, int col) {
            return values[row][col];
        }

        @Override
        public double[][] values() {
            double[][] copy = new double[values.length][];
            for (int r = 0; r < values.length; r++) {
                copy[r] = values[r].clone();
            }
            return copy;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Heatmap h && rowLabels.equals(h.rowLabels) && colLabels.equals(h.colLabels) && Arrays.deepEquals(values, h.values)
                    && squareCells == h.squareCells;
        }

        @Override
        public int hashCode() {
            return Objects.hash(rowLabels, colLabels, Arrays.deepHashCode(values), squareCells);
        }
    }

    public Plot {
        Objects.requireNonNull(kind);
        series = series == null ? List.of() : List.copyOf(series);
        guides = guides == null ? List.of() : List.copyOf(guides);
        spans = spans == null ? List.of() : List.copyOf(spans);
        if (kind == Kind.HEATMAP && heatmap == null) {
            throw new IllegalArgumentException("a heat map plot needs its cells");
        }
    }

    public static Plot of(Kind kind, String title, String xLabel, String yLabel, List<Series> series, List<Guide> guides) {
        return new Plot(kind, title, xLabel, yLabel, series, guides, null, List.of());
    }

    /** This plot with {@code more} shaded x intervals. */
    public Plot withSpans(List<Span> more) {
        List<Span> all = new java.util.ArrayList<>(spans);
        all.addAll(more);
        return new Plot(kind, title, xLabel, yLabel, series, guides, heatmap, all);
    }

    public static Plot heatmap(String title, String xLabel, String yLabel, Heatmap cells) {
        return new Plot(Kind.HEATMAP, title, xLabel, yLabel, List.of(), List.of(), cells, List.of());
    }
}
