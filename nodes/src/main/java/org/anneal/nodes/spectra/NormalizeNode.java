package org.anneal.nodes.spectra;

import org.anneal.spec.Axis;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;

@NodeType(id = "spectra.normalize", title = "Normalise spectra", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Scales every spectrum by a number of its own, so that counting time, sample amount or laser power drop out. \
                `area`: divide by the area under the spectrum (trapezoids over the axis values; channel sums without a grid). \
                `max`: divide by the highest value. `snv` (standard normal variate): subtract the spectrum's mean and divide \
                by its standard deviation (n − 1), which removes offsets too but makes values negative, so NMF cannot follow \
                it. `reference-peak`: divide by the height of the highest point between `low` and `high` on the spectral axis \
                (an internal standard: the 520 cm⁻¹ silicon band, a substrate line, a known matrix peak), so band ratios \
                to it can be read directly; a window that misses the axis is an error at configure time. Each uses only the row itself: unlike standardising columns, nothing is learnt from other rows, so there \
                is no leakage from normalising before a split. A spectrum whose divisor is 0 is an error naming the row.""")
public final class NormalizeNode extends SpectrumStepNode<NormalizeNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "How to scale", def = "\"area\"") Method method,
            @Param(doc = "reference-peak: start of the window on the spectral axis (its unit)", def = "0", min = -1e12, max = 1e12) double low,
            @Param(doc = "reference-peak: end of the window on the spectral axis (its unit)", def = "0", min = -1e12, max = 1e12) double high) {
        /** Every method but reference-peak, which needs its window. */
        public Params(String column, Method method) {
            this(column, method, 0, 0);
        }
    }

    /** The per-spectrum divisor (and, for SNV, offset). */
    public enum Method { AREA, MAX, SNV, REFERENCE_PEAK }

    @Override
    public org.anneal.spec.Specs configure(org.anneal.spec.Specs in, Params p, org.anneal.spec.ConfigContext ctx)
            throws org.anneal.spec.ConfigError {
        org.anneal.spec.Specs out = super.configure(in, p, ctx);
        if (p.method() == Method.REFERENCE_PEAK) {
            Axis axis = spectrumColumn(in.table(TABLE), p.column()).shape().axis(0);
            if (window(axis, p).length == 0) {
                throw org.anneal.spec.ConfigError.atParam("low", "The reference window " + p.low() + "–" + p.high() + " holds no channel of the "
                        + "axis '" + axis.name() + "' (" + axis.range() + ").", "Set 'low' and 'high' around the reference peak, in "
                        + (axis.unit().isEmpty() ? "channels" : axis.unit()) + ", with low < high.");
            }
        }
        return out;
    }

    /** Indices of the channels inside [low, high] (channel numbers from 0 when the axis has no grid). */
    static int[] window(Axis axis, Params p) {
        return java.util.stream.IntStream.range(0, axis.size()).filter(i -> {
            double x = axis.hasGrid() ? axis.value(i) : i;
            return p.low() < p.high() && x >= p.low() && x <= p.high();
        }).toArray();
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected String outUnit(String in, Params p) {
        return "";
    }

    @Override
    protected double[] process(double[] y, Shape in, Params p) {
        int n = y.length;
        double offset = 0;
        double divisor;
        switch (p.method()) {
            case MAX -> {
                divisor = Double.NEGATIVE_INFINITY;
                for (double v : y) {
                    divisor = Math.max(divisor, v);
                }
            }
            case SNV -> {
                double mean = 0;
                for (double v : y) {
                    mean += v / n;
                }
                double ss = 0;
                for (double v : y) {
                    ss += (v - mean) * (v - mean);
                }
                offset = mean;
                divisor = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            }
            case REFERENCE_PEAK -> {
                divisor = Double.NEGATIVE_INFINITY;
                for (int i : window(in.axis(0), p)) {
                    divisor = Math.max(divisor, y[i]);
                }
                divisor = Math.max(divisor, 0); // a reference below 0 would flip the spectrum: refused below
            }
            default -> divisor = area(y, in.axis(0));
        }
        if (!(divisor != 0 && Double.isFinite(divisor))) {
            throw new org.anneal.spec.NodeFailure("A spectrum of '" + p.column() + "' has " + (p.method() == Method.SNV ? "no spread"
                    : p.method() == Method.REFERENCE_PEAK ? "no reference peak above 0 between " + p.low() + " and " + p.high() : "a "
                    + p.method().name().toLowerCase(java.util.Locale.ROOT) + " of 0") + ", so it cannot be normalised.",
                    "Drop empty or constant spectra first, or use another method.");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (y[i] - offset) / divisor;
        }
        return out;
    }

    static double area(double[] y, Axis axis) {
        if (!axis.hasGrid() || y.length == 1) {
            double s = 0;
            for (double v : y) {
                s += v;
            }
            return s;
        }
        double s = 0;
        for (int i = 1; i < y.length; i++) {
            s += 0.5 * (y[i] + y[i - 1]) * Math.abs(axis.value(i) - axis.value(i - 1));
        }
        return s;
    }
}
