package org.anneal.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert, "Nice numbers for graph labels",
 * Graphics Gems (1990). The axis is widened to whole ticks so that no point sits outside the last label. The one
 * tick algorithm of Anneal: the editor's charts and the headless PNG renderer both take their axes from here, so a
 * plot is ticked the same on screen and in {@code anneal run --plots}.
 *
 * @param min  lower end of the axis (the first tick)
 * @param max  upper end of the axis (the last tick)
 * @param step distance between ticks
 */
public record NiceScale(double min, double max, double step) {

    /** A scale covering [lo, hi] with about {@code ticks} intervals; non-finite ends give 0..1, reversed ends are swapped. */
    public static NiceScale of(double lo, double hi, int ticks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            // a single value still needs an axis around it
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, ticks));
        return new NiceScale(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step);
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            double t = min + i * step;
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t); // no "-0" labels
        }
        return out;
    }

    /** A tick label with as many decimals as the step needs. */
    public String label(double v) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(v) >= 1e6 || (v != 0 && Math.abs(v) < 1e-4)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
