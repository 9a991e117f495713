package org.anneal.nodes.plot;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.DataKind;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Phase;

// SINK: a picture changes no rows and fits nothing, so the leakage analysis has nothing to check here; whether
// the rows shown are held out is visible in the title, and the metrics nodes flag dishonest scores.
@NodeType(id = "plot.parity", title = "Parity plot", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Predicted against true value, one point per row, with the line y = x where a perfect model would put every \
                point. Points above the line are over-predicted, below under-predicted; a fan or a bend shows where the model \
                fails. When the predictions carry a standard deviation (a Gaussian process), each point gets an error bar of ± \
                `sdMultiplier` standard deviations (1.96: a 95 % interval).""")
public final class ParityPlotNode extends PredictionPlotNode {

    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Scatter of predicted vs true with the identity line");

    public ParityPlotNode() {
        super(PLOT);
    }

    @Override
    protected Plot draw(Table t, Params p, String target, double[] truth, double[] pred) {
        Plot.Series s = PlotSpecs.withErrorBars(t, p.prediction(), p.sdMultiplier(), truth, pred);
        return Plot.of(Plot.Kind.SCATTER, "Parity: predicted vs true " + target, "true " + target, "predicted " + target,
                List.of(s), List.of(Plot.Guide.identity()));
    }
}
