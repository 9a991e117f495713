package org.anneal.nodes.spectra;

import org.anneal.spec.Axis;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;

@NodeType(id = "spectra.resample", title = "Resample onto a grid", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Puts every spectrum onto the regular grid `start` + i·`step`, i = 0 … `points` − 1 (in the axis's unit), by \
                linear interpolation between the two nearest channels, so that spectra from two instruments or two settings \
                can share a column. The new grid must lie within the old one (no extrapolation): a grid reaching beyond it is \
                a configure error that names the range. A step much larger than the old one skips channels rather than \
                averaging them; smooth first if the spectra are noisy.""")
public final class ResampleNode extends SpectrumStepNode<ResampleNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Axis value of the first new channel", def = "0") double start,
            @Param(doc = "Spacing of the new channels (> 0)", def = "1") double step,
            @Param(doc = "Number of new channels", def = "100", min = 2, max = 10000000) int points) {
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected Shape outShape(Shape in, Params p) throws ConfigError {
        Axis a = in.axis(0);
        if (!a.hasGrid()) {
            throw ConfigError.atParam("column", "Column '" + p.column() + "' has no axis values, so there is nothing to interpolate between.",
                    "Load the spectra with their axis (data.spectra reads it from the files).");
        }
        if (!(p.step() > 0) || !Double.isFinite(p.start())) {
            throw ConfigError.atParam("step", "The step must be a positive number.", "Give the spacing of the new channels.");
        }
        double lo = Math.min(a.value(0), a.value(a.size() - 1));
        double hi = Math.max(a.value(0), a.value(a.size() - 1));
        double end = p.start() + (p.points() - 1) * p.step();
        double slack = 1e-9 * Math.max(1, hi - lo);
        if (p.start() < lo - slack || end > hi + slack) {
            throw ConfigError.atParam("start", "The new grid " + Axis.regular(a.name(), p.points(), a.unit(), p.start(), p.step()).range()
                    + " reaches beyond the spectra's " + a.range() + ".", "Choose start and points so the grid ends within " + a.range() + ".");
        }
        return Shape.spectrum(Axis.regular(a.name(), p.points(), a.unit(), p.start(), p.step()));
    }

    @Override
    protected double[] process(double[] y, Shape in, Params p) {
        Axis a = in.axis(0);
        int n = a.size();
        boolean rising = n == 1 || a.value(n - 1) > a.value(0);
        double[] out = new double[p.points()];
        int j = 0;
        for (int i = 0; i < out.length; i++) {
            double x = p.start() + i * p.step();
            // walk the old channels in rising axis order; k(j) maps the walk onto the stored order
            while (j < n - 2 && value(a, j + 1, rising) < x) {
                j++;
            }
            double x0 = value(a, j, rising);
            double x1 = value(a, j + 1, rising);
            double t = Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
            out[i] = (1 - t) * y[index(j, n, rising)] + t * y[index(j + 1, n, rising)];
        }
        return out;
    }

    private static double value(Axis a, int j, boolean rising) {
        return a.value(index(j, a.size(), rising));
    }

    private static int index(int j, int n, boolean rising) {
        return rising ? j : n - 1 - j;
    }
}
