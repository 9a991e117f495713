package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;

/**
 * The spectra line view, for plot.spectra and the editor's Spectra chart alike: spectra overlaid on their physical axis
 * (the axis name and unit on x), each line named after its group in a colour column (series of one name share a colour
 * and a legend entry, so forty spectra of three phases read as three colours), and optionally each group's mean ± one
 * standard deviation per channel as a band, over every row of the group, not only the lines drawn.
 */
public final class SpectrumTraces {
    /** A numeric colour column is cut into this many equal-width ranges. */
    static final int BINS = 4;

    private SpectrumTraces() {
    }

    /**
     * @param names  how a line is named (a colour column: rows of one value share a colour); null = "row k"
     * @param lines  most lines drawn, spread evenly over the rows (0 = none)
     * @param band   add each group's mean ± sd
     */
    public static Plot overlay(TensorColumn c, Column names, int lines, boolean band, String title) {
        Axis axis = c.shape().axis(0);
        int n = axis.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = axis.hasGrid() ? axis.value(i) : i;
        }
        List<Integer> present = new ArrayList<>();
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                present.add(r);
            }
        }
        String[] group = groups(names, c.size());
        List<Plot.Series> series = new ArrayList<>();
        int shown = Math.min(lines, present.size());
        for (int k = 0; k < shown; k++) {
            int r = present.get((int) ((long) k * present.size() / shown)); // evenly over the table, so every group shows
            series.add(Plot.Series.of(group[r], x, row(c, r)));
        }
        if (band) {
            series.addAll(bands(c, present, group, x));
        }
        String xLabel = axis.hasGrid() ? axis.name() + (axis.unit().isEmpty() ? "" : " (" + axis.unit() + ")") : axis.name() + " (channel)";
        String yLabel = c.unit().isEmpty() ? "intensity" : "intensity (" + c.unit() + ")";
        return Plot.of(Plot.Kind.LINE, title, xLabel, yLabel, series, List.of());
    }

    /** What the default title says: how many of how many spectra, and how they are coloured. */
    public static String describe(TensorColumn c, Column names, int lines, boolean band) {
        int present = c.size() - c.missingCount();
        int shown = Math.min(lines, present);
        String what = shown == 0 ? "" : shown < present ? shown + " of " + present + " spectra" : shown + " spectr" + (shown == 1 ? "um" : "a");
        String mean = band ? (what.isEmpty() ? "" : ", ") + "mean ± sd" + (names == null ? "" : " per group") : "";
        return c.name() + (names == null ? "" : " by " + names.name()) + ": " + what + mean;
    }

    private static double[] row(TensorColumn c, int r) {
        double[] y = new double[c.rowSize()];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.values()[c.offset(r) + i];
        }
        return y;
    }

    /** Each row's group name: a category, a range of a number, or the row number. */
    static String[] groups(Column names, int rows) {
        String[] out = new String[rows];
        if (names instanceof NumericColumn num) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (!num.isMissing(r)) {
                    lo = Math.min(lo, num.get(r));
                    hi = Math.max(hi, num.get(r));
                }
            }
            double width = hi > lo ? (hi - lo) / BINS : 1;
            for (int r = 0; r < rows; r++) {
                int b = num.isMissing(r) ? -1 : Math.min(BINS - 1, (int) ((num.get(r) - lo) / width));
                out[r] = b < 0 ? num.name() + " missing"
                        : String.format(Locale.ROOT, "%s %.3g–%.3g", num.name(), lo + b * width, hi > lo ? lo + (b + 1) * width : hi);
            }
            return out;
        }
        for (int r = 0; r < rows; r++) {
            out[r] = names == null ? "row " + (r + 1) : names.isMissing(r) ? names.name() + " missing" : names.text(r);
        }
        return out;
    }

    /** Per group (all rows when there are no groups), the channel-wise mean and the band mean ± sd. */
    private static List<Plot.Series> bands(TensorColumn c, List<Integer> present, String[] group, double[] x) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int r : present) {
            byGroup.computeIfAbsent(group[r].startsWith("row ") ? "all spectra" : group[r], g -> new ArrayList<>()).add(r);
        }
        List<Plot.Series> out = new ArrayList<>();
        int n = x.length;
        byGroup.forEach((name, rows) -> {
            double[] mean = new double[n];
            for (int r : rows) {
                for (int i = 0; i < n; i++) {
                    mean[i] += c.values()[c.offset(r) + i];
                }
            }
            for (int i = 0; i < n; i++) {
                mean[i] /= rows.size();
            }
            double[] sq = new double[n]; // a second pass over the deviations: no cancellation at high counts
            for (int r : rows) {
                for (int i = 0; i < n; i++) {
                    double d = c.values()[c.offset(r) + i] - mean[i];
                    sq[i] += d * d;
                }
            }
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                double sd = rows.size() > 1 ? Math.sqrt(sq[i] / (rows.size() - 1)) : 0;
                lo[i] = mean[i] - sd;
                hi[i] = mean[i] + sd;
            }
            out.add(Plot.Series.withBand(name, x, mean, lo, hi));
        });
        return out;
    }
}
