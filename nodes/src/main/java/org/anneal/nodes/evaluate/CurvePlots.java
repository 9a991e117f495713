package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.ml.Plot;

/** Builds validation- and learning-curve plots: one line per series, a ±1 sd band when the scores come from folds. */
public final class CurvePlots {
    private CurvePlots() {
    }

    /** A point of a curve: x, mean score and its sd across folds (NaN when scored once). */
    public record Point(double x, double mean, double sd) {
    }

    /**
     * One series from points (sorted by x). A positive x axis spanning two decades is drawn as log10(x), since the
     * plot has no log axis; the caller names the axis accordingly.
     */
    public static Plot.Series series(String name, List<Point> points, boolean logX) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(java.util.Comparator.comparingDouble(Point::x));
        int n = sorted.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean band = false;
        for (int i = 0; i < n; i++) {
            Point p = sorted.get(i);
            x[i] = logX ? Math.log10(p.x()) : p.x();
            y[i] = p.mean();
            band |= !Double.isNaN(p.sd());
            double sd = Double.isNaN(p.sd()) ? 0 : p.sd();
            lo[i] = p.mean() - sd;
            hi[i] = p.mean() + sd;
        }
        return band ? Plot.Series.withBand(name, x, y, lo, hi) : Plot.Series.of(name, x, y);
    }

    /** Groups points into series by a label (e.g. the value of a second hyperparameter), keeping first-seen order. */
    public static List<Plot.Series> grouped(List<String> labels, List<Point> points, boolean logX) {
        Map<String, List<Point>> by = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            by.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(points.get(i));
        }
        List<Plot.Series> out = new ArrayList<>();
        by.forEach((label, pts) -> out.add(series(label, pts, logX)));
        return out;
    }

    /**
     * R² has no lower bound: one fold of a degree-15 polynomial can score −10⁸ and flatten every other point of the
     * curve onto a line. Below this floor the plot draws R² at the floor (the scores table keeps the exact values).
     */
    public static final double R2_FLOOR = -1;

    /** The series with R² means and bands drawn within [{@link #R2_FLOOR}, 1]; unchanged for other metrics or when all fit. */
    private static List<Plot.Series> floored(String metric, List<Plot.Series> series) {
        if (!metric.equals("r2") || !belowFloor(series)) {
            return series;
        }
        List<Plot.Series> out = new ArrayList<>();
        for (Plot.Series s : series) {
            double[] y = clip(s.y());
            out.add(new Plot.Series(s.name(), s.x(), y, s.low() == null ? null : clip(s.low()), s.high() == null ? null : clip(s.high()), s.labels()));
        }
        return out;
    }

    /** Whether {@link #floored} changes anything: the plot's title then says so. */
    private static boolean belowFloor(List<Plot.Series> series) {
        for (Plot.Series s : series) {
            for (double[] a : new double[][] {s.y(), s.low()}) {
                if (a != null && java.util.Arrays.stream(a).anyMatch(v -> v < R2_FLOOR)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A training/cross-validation curve: a line plot of the series scored by {@code metric}, R² drawn within [−1, 1]
     * (see {@link #floored}); {@code what} ends up in the title, "Learning curve (5-fold CV, ±1 sd)".
     */
    public static Plot curve(String what, int folds, String xLabel, String metric, List<Plot.Series> series) {
        String note = metric.equals("r2") && belowFloor(series) ? "; R² below −1 drawn at −1" : "";
        return Plot.of(Plot.Kind.LINE, what + " (" + folds + "-fold CV, ±1 sd" + note + ")", xLabel, metric, floored(metric, series), List.of());
    }

    private static double[] clip(double[] a) {
        return java.util.Arrays.stream(a).map(v -> Math.min(1, Math.max(v, R2_FLOOR))).toArray(); // R² ≤ 1: a mean + sd above it is spread, not score
    }

    public static String axisLabel(String name, boolean logX) {
        return logX ? "log10(" + name + ")" : name;
    }
}
