package org.anneal.nodes.sciml;

import java.util.ArrayList;
import java.util.List;
import org.anneal.ml.Plot;
import org.anneal.nn.pinn.OdeProblem;
import org.anneal.nn.pinn.PinnResult;

/** The three plots of {@code model.pinn}: solution against the exact one, residual over the domain, loss per step. */
final class PinnPlots {
    private PinnPlots() {
    }

    static Plot solution(OdeProblem problem, PinnResult r, double[] exact, double[][] data, boolean inverse) {
        List<Plot.Series> series = new ArrayList<>();
        series.add(Plot.Series.of("exact" + (inverse ? " (estimated rate)" : ""), r.t(), exact));
        series.add(Plot.Series.of("PINN", r.t(), r.u()));
        if (data != null) {
            series.add(Plot.Series.of("data", data[0], data[1]));
        }
        return Plot.of(Plot.Kind.LINE, problem.equation() + ": network against exact solution", "t", "u", series, List.of());
    }

    static Plot residual(OdeProblem problem, PinnResult r) {
        return Plot.of(Plot.Kind.LINE, "Residual of " + problem.equation() + " (0 where the equation holds)", "t", "residual",
                List.of(Plot.Series.of("residual", r.t(), r.residual())), List.of(Plot.Guide.zero()));
    }

    /** log10 of each loss term per step, so the fall over orders of magnitude stays readable. */
    static Plot loss(PinnResult r) {
        double[] steps = new double[r.physicsLoss().length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        List<Plot.Series> series = new ArrayList<>();
        series.add(Plot.Series.of("physics (mean squared scaled residual)", steps, log10(r.physicsLoss())));
        if (r.dataLoss() != null) {
            series.add(Plot.Series.of("data (mean squared scaled misfit)", steps, log10(r.dataLoss())));
        }
        return Plot.of(Plot.Kind.LINE, "PINN training loss", "step", "log10 loss", series, List.of());
    }

    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log10(Math.max(v[i], 1e-30));
        }
        return out;
    }
}
