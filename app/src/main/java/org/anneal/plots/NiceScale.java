package org.anneal.plots;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert, "Nice numbers for graph labels",
 * Graphics Gems (1990). The axis is widened to whole ticks so that no point sits outside the last label.
 *
 * @param min  lower end of the axis (the first tick)
 * @param max  upper end of the axis (the last tick)
 * @param step distance between ticks
 */
public record NiceScale(double min, double max, double step) {

    /** A scale covering [lo, hi] with about {@code ticks} ticks. */
    public static NiceScale of(double lo, double hi, int ticks) {
        if (!(hi > lo)) {
            // a single value (or none): centre it in a unit-wide axis
            double c = Double.isFinite(lo) ? lo : 0;
            double half = c == 0 ? 1 : Math.abs(c) * 0.1;
            lo = c - half;
            hi = c + half;
        }
        double range = nice(hi - lo, false);
        double step = nice(range / Math.max(1, ticks - 1), true);
        return new NiceScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    /** The nice number near {@code x}: rounded when choosing a step, else the next one up. */
    static double nice(double x, boolean round) {
        double exp = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf;
        if (round) {
            nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        }
        return nf * Math.pow(10, exp);
    }

    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        int n = (int) Math.round((max - min) / step);
        for (int i = 0; i <= n; i++) {
            double t = min + i * step;
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t); // no "-0" labels
        }
        return out;
    }

    /** A tick label with as many decimals as the step needs. */
    public String label(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(v) >= 1e6 || (Math.abs(v) > 0 && Math.abs(v) < 1e-4)) {
            return String.format(java.util.Locale.ROOT, "%.2g", v);
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
