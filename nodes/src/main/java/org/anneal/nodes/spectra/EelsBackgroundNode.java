package org.anneal.nodes.spectra;

import java.util.List;
import org.anneal.spec.Axis;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "spectra.eels-background", title = "EELS power-law background", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        usesSeed = false, doc = """
                Fits the pre-edge background of every EELS spectrum on its own with a power law A·E^−r, by least squares on \
                log counts against log energy over the window `from`–`to` (axis units, normally eV, before the edge's onset; \
                channels with no counts are skipped), subtracts it from the whole spectrum and appends `background_a` and \
                `background_r`. The power law is Egerton's model of the tail of everything below the edge; it holds over \
                some tens to a hundred eV, so keep the window just below the edge and not too wide. Above the edge the \
                subtraction extrapolates the fit: the residual there is the edge. Left out: the weighting that a \
                Poisson-likelihood fit gives low-count channels, and background models other than the power law.""")
public final class EelsBackgroundNode extends SpectrumMeasureNode<EelsBackgroundNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Start of the pre-edge window, axis units", def = "520") double from,
            @Param(doc = "End of the pre-edge window, axis units", def = "565") double to) {
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected List<String> measures(Params p) {
        return List.of("background_a", "background_r");
    }

    @Override
    protected void check(Axis axis, Params p) throws ConfigError {
        window(axis, p.from(), p.to(), "from", 5);
        if (p.from() <= 0) {
            throw ConfigError.atParam("from", "A power law needs energies above 0; the window starts at " + p.from() + ".",
                    "Start the window above 0, just below the edge.");
        }
    }

    @Override
    protected boolean rewrites() {
        return true;
    }

    @Override
    protected double[] measure(double[] y, Axis axis, Params p) {
        double[] ar = fit(y, axis, p.from(), p.to());
        for (int i = 0; i < y.length; i++) {
            y[i] -= ar[0] * Math.pow(axis.value(i), -ar[1]);
        }
        return ar;
    }

    /** {A, r} of y ≈ A·E^−r by least squares of ln y on ln E over channels in [from, to] with y > 0 (NaN if fewer than 2). */
    static double[] fit(double[] y, Axis axis, double from, double to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            double e = axis.value(i);
            if (e >= from && e <= to && y[i] > 0) {
                double lx = Math.log(e);
                double ly = Math.log(y[i]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                n++;
            }
        }
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        return new double[] {Math.exp(intercept), -slope};
    }
}
