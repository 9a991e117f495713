package org.anneal.nodes.signals;

import org.anneal.spec.Axis;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "signals.derivative", title = "Derivative of signals", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Rate of change of every channel of every signal window along its time axis, as numpy.gradient computes it: \
                central differences (y[i+1] − y[i−1]) / 2Δt inside the window and one-sided differences at its two ends, so \
                the window keeps its length. `order` 2 applies it twice (acceleration, curvature of a heating curve). \
                Differentiation amplifies noise: smooth first. Uses only the window itself, so it learns nothing from other \
                rows; but a central difference reads one sample ahead, so on windows that end at 'now' the last value leans on \
                the window's own last sample only.""")
public final class DerivativeNode extends SignalStepNode<DerivativeNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "1: first derivative, 2: second", def = "1", min = 1, max = 2) int order) {
    }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected String outUnit(String in, Axis time, Params p) {
        String per = time.unit().isEmpty() ? "step" : time.unit();
        return (in.isEmpty() ? "1" : in) + "/" + per + (p.order() == 2 ? "²" : "");
    }

    @Override
    protected double[] process(double[] y, double dt, Params p) {
        double[] d = gradient(y, dt);
        return p.order() == 2 ? gradient(d, dt) : d;
    }

    static double[] gradient(double[] y, double dt) {
        int n = y.length;
        double[] d = new double[n];
        if (n == 1) {
            return d;
        }
        d[0] = (y[1] - y[0]) / dt;
        d[n - 1] = (y[n - 1] - y[n - 2]) / dt;
        for (int i = 1; i < n - 1; i++) {
            d[i] = (y[i + 1] - y[i - 1]) / (2 * dt);
        }
        return d;
    }
}
