package org.anneal.nodes.plot;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.DataKind;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Phase;

// SINK for the same reason as plot.parity: a picture fits nothing and feeds nothing.
@NodeType(id = "plot.residuals", title = "Residual plot", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Residual (true − predicted) against the prediction, with the zero line. A good model leaves a structureless \
                band around zero; a curve means a missing term (try polynomial features or a non-linear model), a funnel means \
                the error grows with the value (try a log target). Error bars of ± `sdMultiplier` standard deviations when \
                the predictions carry one.""")
public final class ResidualsPlotNode extends PredictionPlotNode {

    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Scatter of residual vs predicted with the zero line");

    public ResidualsPlotNode() {
        super(PLOT);
    }

    @Override
    protected Plot draw(Table t, Params p, String target, double[] truth, double[] pred) {
        double[] residual = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            residual[i] = truth[i] - pred[i];
        }
        Plot.Series s = PlotSpecs.withErrorBars(t, p.prediction(), p.sdMultiplier(), pred, residual);
        return Plot.of(Plot.Kind.SCATTER, "Residuals of " + target, "predicted " + target, "residual (true − predicted)",
                List.of(s), List.of(Plot.Guide.zero()));
    }
}
