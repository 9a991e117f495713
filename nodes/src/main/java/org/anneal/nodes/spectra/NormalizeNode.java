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
                it. Each uses only the row itself: unlike standardising columns, nothing is learnt from other rows, so there \
                is no leakage from normalising before a split. A spectrum whose divisor is 0 is an error naming the row.""")
public final class NormalizeNode extends SpectrumStepNode<NormalizeNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "How to scale", def = "\"area\"") Method method) {
    }

    /** The per-spectrum divisor (and, for SNV, offset). */
    public enum Method { AREA, MAX, SNV }

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
            default -> divisor = area(y, in.axis(0));
        }
        if (!(divisor != 0 && Double.isFinite(divisor))) {
            throw new org.anneal.spec.NodeFailure("A spectrum of '" + p.column() + "' has " + (p.method() == Method.SNV ? "no spread" : "a "
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
