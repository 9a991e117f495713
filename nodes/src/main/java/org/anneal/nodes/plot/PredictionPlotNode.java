package org.anneal.nodes.plot;

import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * The regression diagnostics that plot a numeric prediction against the true target row by row ({@code plot.parity},
 * {@code plot.residuals}): the same input, params and checks; a member keeps its own plot port (the descriptions
 * differ, and the docs show them) and draws the picture from the complete truth and prediction columns.
 */
public abstract class PredictionPlotNode implements Node<PredictionPlotNode.Params> {

    public record Params(
            @Param(doc = "Prediction column", def = "\"prediction\"", hint = Param.Hint.COLUMN) String prediction,
            @Param(doc = "Error bar half-width in standard deviations of the prediction (needs a `<prediction>_sd` column); 0 = none",
                    def = "1.96", min = 0, max = 10) double sdMultiplier) {
    }

    static final InPort<Table> PREDICTIONS = InPort.of("predictions", DataKind.PREDICTIONS, Table.class, "Rows with the true target and a prediction");

    private final OutPort<Plot> plotPort;

    protected PredictionPlotNode(OutPort<Plot> plot) {
        this.plotPort = plot;
    }

    /** The picture of {@code pred} against {@code truth} (both complete, row by row) for the target named {@code target}. */
    protected abstract Plot draw(Table t, Params p, String target, double[] truth, double[] pred);

    @Override
    public final Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(PREDICTIONS);
        PlotSpecs.truthAndPrediction(t, PREDICTIONS.name(), p.prediction(), ColumnType.NUMERIC);
        return Specs.of(plotPort, PlotSpecs.plot(t));
    }

    @Override
    public final Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(PREDICTIONS);
        String target = t.target().orElseThrow().name();
        double[] truth = PlotSpecs.complete(t, target);
        double[] pred = PlotSpecs.complete(t, p.prediction());
        return Outputs.of(plotPort, draw(t, p, target, truth, pred));
    }
}
