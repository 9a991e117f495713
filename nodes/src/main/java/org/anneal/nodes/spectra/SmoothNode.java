package org.anneal.nodes.spectra;

import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.ConfigContext;

@NodeType(id = "spectra.smooth", title = "Savitzky–Golay smoothing", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Smooths every spectrum on its own with a Savitzky–Golay filter: a polynomial of degree `order` fitted by least \
                squares to each window of `window` channels (odd), evaluated at the window's centre; `derivative` 1 or 2 \
                gives the slope or curvature instead, per unit of the axis. The first and last half-windows come from the \
                polynomial of the first and last full window (scipy's mode 'interp', whose values it matches). A wider window \
                or a lower order smooths more and flattens narrow peaks. Row by row, so it learns nothing and may run before a \
                split.""")
public final class SmoothNode extends SpectrumStepNode<SmoothNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Channels per window (odd)", def = "11", min = 3, max = 10001) int window,
            @Param(doc = "Degree of the fitted polynomial (below the window)", def = "3", min = 0, max = 10) int order,
            @Param(doc = "0 smooths; 1 and 2 give the first and second derivative along the axis", def = "0", min = 0, max = 2) int derivative) {
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.window() % 2 == 0) {
            throw ConfigError.atParam("window", "The window has " + p.window() + " channels; it needs an odd number (a centre).", "Use " + (p.window() + 1) + ".");
        }
        if (p.order() >= p.window()) {
            throw ConfigError.atParam("order", "A polynomial of degree " + p.order() + " passes through every point of a " + p.window()
                    + "-channel window, so nothing would be smoothed.", "Choose an order below the window (2–4 is usual).");
        }
        if (p.derivative() > p.order()) {
            throw ConfigError.atParam("derivative", "A polynomial of degree " + p.order() + " has no derivative " + p.derivative() + ".",
                    "Raise the order to at least the derivative.");
        }
        Specs out = super.configure(in, p, ctx);
        Shape s = spectrumColumn(in.table(TABLE), p.column()).shape();
        if (s.axis(0).size() < p.window()) {
            throw ConfigError.atParam("window", "The spectra have " + s.axis(0).size() + " channels, fewer than the window of " + p.window() + ".",
                    "Use a smaller window.");
        }
        if (p.derivative() > 0 && s.axis(0).hasGrid() && s.axis(0).values() != null) {
            throw ConfigError.atParam("derivative", "Derivatives need evenly spaced channels, and this axis is listed value by value.",
                    "Put spectra.resample before this node.");
        }
        return out;
    }

    @Override
    protected String outUnit(String in, Params p) {
        return p.derivative() == 0 ? in : "";
    }

    @Override
    protected double[] process(double[] y, Shape in, Params p) {
        return filter(in, p).filter(y);
    }

    /** The weights are computed once per thread, not once per spectrum. */
    @Override
    protected RowKernel kernel(Shape in, Params p) {
        return filter(in, p)::filter;
    }

    private static SavitzkyGolay filter(Shape in, Params p) {
        double delta = in.axis(0).hasGrid() ? in.axis(0).step() : 1;
        return new SavitzkyGolay(p.window(), p.order(), p.derivative(), delta);
    }
}
