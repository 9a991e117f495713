package org.anneal.nodes.plot;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

// SINK: a picture changes no rows and fits nothing, so the leakage analysis has nothing to check here; whether
// the rows shown are held out is visible in the title, and the metrics nodes flag dishonest scores.
@NodeType(id = "plot.parity", title = "Parity plot", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = "Predicted against true value, one point per row, with the line y = x where a perfect model would put every point. "
                + "Points above the line are over-predicted, below under-predicted; a fan or a bend shows where the model fails. "
                + "When the predictions carry a standard deviation (a Gaussian process), each point gets an error bar of "
                + "± `sdMultiplier` standard deviations (1.96: a 95 % interval).")
public final class ParityPlotNode implements Node<ParityPlotNode.Params> {

    public record Params(
            @Param(doc = "Prediction column", def = "\"prediction\"", hint = Param.Hint.COLUMN) String prediction,
            @Param(doc = "Error bar half-width in standard deviations of the prediction (needs a `<prediction>_sd` column); 0 = none",
                    def = "1.96", min = 0, max = 10) double sdMultiplier) {
    }

    static final InPort<Table> PREDICTIONS = InPort.of("predictions", DataKind.PREDICTIONS, Table.class, "Rows with the true target and a prediction");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Scatter of predicted vs true with the identity line");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(PREDICTIONS);
        PlotSpecs.truth(t, PREDICTIONS.name(), ColumnType.NUMERIC);
        PlotSpecs.column(t, p.prediction(), "prediction", ColumnType.NUMERIC);
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(PREDICTIONS);
        String target = t.target().orElseThrow().name();
        double[] truth = PlotSpecs.complete(t, target);
        double[] pred = PlotSpecs.complete(t, p.prediction());
        Plot.Series s = PlotSpecs.withErrorBars(t, p.prediction(), p.sdMultiplier(), truth, pred);
        return Outputs.of(PLOT, Plot.of(Plot.Kind.SCATTER, "Parity: predicted vs true " + target, "true " + target, "predicted " + target,
                List.of(s), List.of(Plot.Guide.identity())));
    }
}
