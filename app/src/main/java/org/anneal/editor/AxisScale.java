package org.anneal.editor;

import java.util.List;
import org.anneal.plots.NiceScale;

/**
 * A {@link NiceScale} laid along pixels: the mapping between data values and screen positions. The ticks and
 * their text come from NiceScale, the one tick algorithm the PNG renderer uses too.
 */
public record AxisScale(double min, double max, double step, double pixelStart, double pixelEnd) {

    /** An axis over {@code [lo, hi]} with about {@code targetTicks} ticks, drawn from pixelStart to pixelEnd. */
    public static AxisScale nice(double lo, double hi, int targetTicks, double pixelStart, double pixelEnd) {
        return along(NiceScale.of(lo, hi, targetTicks), pixelStart, pixelEnd);
    }

    /** {@code s} drawn from pixelStart to pixelEnd. */
    public static AxisScale along(NiceScale s, double pixelStart, double pixelEnd) {
        return new AxisScale(s.min(), s.max(), s.step(), pixelStart, pixelEnd);
    }

    public NiceScale scale() {
        return new NiceScale(min, max, step);
    }

    public double toPixel(double v) {
        return pixelStart + (v - min) / (max - min) * (pixelEnd - pixelStart);
    }

    public double toData(double pixel) {
        return min + (pixel - pixelStart) / (pixelEnd - pixelStart) * (max - min);
    }

    public List<Double> ticks() {
        return scale().ticks();
    }

    /** Tick text with no more decimals than the step needs. */
    public String format(double v) {
        return scale().label(v);
    }
}
