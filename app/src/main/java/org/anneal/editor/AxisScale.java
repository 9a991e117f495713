package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis: the data range padded out to "nice" tick values (1, 2 or 5 times a power of ten), and the
 * mapping between data values and pixels. Pure arithmetic, so charts and their tests share one definition.
 */
public record AxisScale(double min, double max, double step, double pixelStart, double pixelEnd) {

    /** An axis over {@code [lo, hi]} with about {@code targetTicks} ticks, drawn from pixelStart to pixelEnd. */
    public static AxisScale nice(double lo, double hi, int targetTicks, double pixelStart, double pixelEnd) {
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
        double step = niceStep((hi - lo) / Math.max(1, targetTicks));
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        return new AxisScale(min, max, step, pixelStart, pixelEnd);
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

    public double toPixel(double v) {
        return pixelStart + (v - min) / (max - min) * (pixelEnd - pixelStart);
    }

    public double toData(double pixel) {
        return min + (pixel - pixelStart) / (pixelEnd - pixelStart) * (max - min);
    }

    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            double t = min + i * step;
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t); // no "-0"
        }
        return out;
    }

    /** Tick text with no more decimals than the step needs. */
    public String format(double v) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(v) >= 1e6 || (v != 0 && Math.abs(v) < 1e-4)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
