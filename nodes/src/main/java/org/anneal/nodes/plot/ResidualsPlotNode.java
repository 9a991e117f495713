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

// SINK for the same reason as plot.parity: a picture fits nothing and feeds nothing.
@NodeType(id = "plot.residuals", title = "Residual plot", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = "Residual (true − predicted) against the prediction, with the zero line. A good model leaves a structureless band "
                + "around zero; a curve means a missing term (try polynomial features or a non-linear model), a funnel means the "
                + "error grows with the value (try a log target). Error bars of ± `sdMultiplier` standard deviations when the "
                + "predictions carry one.")
public final class ResidualsPlotNode implements Node<ResidualsPlotNode.Params> {

    public record Params(
            @Param(doc = "Prediction column", def = "\"prediction\"", hint = Param.Hint.COLUMN) String prediction,
            @Param(doc = "Error bar half-width in standard deviations of the prediction (needs a `<prediction>_sd` column); 0 = none",
                    def = "1.96", min = 0, max = 10) double sdMultiplier) {
    }

    static final InPort<Table> PREDICTIONS = InPort.of("predictions", DataKind.PREDICTIONS, Table.class, "Rows with the true target and a prediction");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Scatter of residual vs predicted with the zero line");

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
        double[] residual = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            residual[i] = truth[i] - pred[i];
        }
        Plot.Series s = PlotSpecs.withErrorBars(t, p.prediction(), p.sdMultiplier(), pred, residual);
        return Outputs.of(PLOT, Plot.of(Plot.Kind.SCATTER, "Residuals of " + target, "predicted " + target, "residual (true − predicted)",
                List.of(s), List.of(Plot.Guide.zero())));
    }
}
