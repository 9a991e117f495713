package org.anneal.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anneal.ml.Plot;

/**
 * The data ranges of a plot's two axes, decided once for the editor's chart and the PNG renderer: every finite
 * point and band inside; bars from zero with one slot per category; a parity or calibration plot (a y = x guide)
 * with the same range on both axes; a horizontal guide (the zero line of residuals) kept in view. Heat maps have
 * no axes ({@link HeatmapLayout}).
 *
 * @param x      the horizontal scale (for bars: -0.5 .. categories - 0.5, one unit per category)
 * @param y      the vertical scale
 * @param square whether the plot area should be square (a parity plot, so y = x really runs at 45°)
 */
public record PlotScales(NiceScale x, NiceScale y, boolean square) {
    /** About this many tick intervals on each axis: readable at the smallest chart the editor draws (240 px). */
    public static final int TICKS = 6;

    public static PlotScales of(Plot plot) {
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY, ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (Plot.Series s : plot.series()) {
            double[] x = s.x(), y = s.y(), lo = s.low(), hi = s.high();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i])) {
                    xlo = Math.min(xlo, x[i]);
                    xhi = Math.max(xhi, x[i]);
                }
                for (double v : new double[] {y[i], lo == null ? y[i] : lo[i], hi == null ? y[i] : hi[i]}) {
                    if (Double.isFinite(v)) {
                        ylo = Math.min(ylo, v);
                        yhi = Math.max(yhi, v);
                    }
                }
            }
        }
        for (Plot.Span sp : plot.spans()) { // a shaded interval stays in view even past the data
            xlo = Math.min(xlo, sp.from());
            xhi = Math.max(xhi, sp.to());
        }
        if (plot.kind() == Plot.Kind.BAR) {
            int n = Math.max(1, categories(plot).size()); // no bars still needs a finite axis
            return new PlotScales(new NiceScale(-0.5, n - 0.5, 1), NiceScale.of(Math.min(0, ylo), Math.max(0, yhi), TICKS), false);
        }
        boolean parity = isParity(plot);
        if (parity && Double.isFinite(xlo) && Double.isFinite(ylo)) {
            double lo = Math.min(xlo, ylo), hi = Math.max(xhi, yhi);
            NiceScale both = NiceScale.of(lo, hi, TICKS);
            return new PlotScales(both, both, true);
        }
        for (Plot.Guide g : plot.guides()) {
            if (g.slope() == 0) {
                ylo = Math.min(ylo, g.intercept());
                yhi = Math.max(yhi, g.intercept());
            }
        }
        return new PlotScales(NiceScale.of(xlo, xhi, TICKS), NiceScale.of(ylo, yhi, TICKS), parity);
    }

    /**
     * The scales of {@code plot} zoomed to x in [lo, hi] (the editor's drag-to-zoom): x covers that range, y the points
     * and bands that fall inside it, so a small peak fills the height. Bars and heat maps are not zoomed.
     */
    public static PlotScales zoomed(Plot plot, double lo, double hi) {
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (Plot.Series s : plot.series()) {
            double[] x = s.x(), y = s.y(), low = s.low(), high = s.high();
            for (int i = 0; i < x.length; i++) {
                if (x[i] >= lo && x[i] <= hi) {
                    for (double v : new double[] {y[i], low == null ? y[i] : low[i], high == null ? y[i] : high[i]}) {
                        if (Double.isFinite(v)) {
                            ylo = Math.min(ylo, v);
                            yhi = Math.max(yhi, v);
                        }
                    }
                }
            }
        }
        if (!Double.isFinite(ylo)) { // nothing inside: keep the whole plot's heights
            NiceScale all = of(plot).y();
            ylo = all.min();
            yhi = all.max();
        }
        return new PlotScales(NiceScale.of(lo, hi, TICKS), NiceScale.of(ylo, yhi, TICKS), false);
    }

    /** A plot with a y = x guide: parity (predicted against true) or calibration. */
    public static boolean isParity(Plot plot) {
        return plot.kind() != Plot.Kind.BAR && plot.guides().stream().anyMatch(g -> g.slope() == 1 && g.intercept() == 0);
    }

    /** Bar categories: the first series' labels, else its x values written as numbers. */
    public static List<String> categories(Plot plot) {
        if (plot.series().isEmpty()) {
            return List.of();
        }
        Plot.Series s = plot.series().get(0);
        if (!s.labels().isEmpty()) {
            return s.labels();
        }
        List<String> out = new ArrayList<>();
        for (double v : s.x()) {
            out.add(v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v));
        }
        return out;
    }
}
