package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.nodes.evaluate.ConfusionPlots;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "plot.confusion", title = "Confusion matrix plot", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                The confusion matrix as a heat map: one row per actual class, one column per predicted class, each cell the \
                number of rows (or, normalised, the fraction of the actual class, so the diagonal reads as recall). \
                Off-diagonal cells show which classes the model mixes up.""")
public final class ConfusionPlotNode implements Node<ConfusionPlotNode.Params> {

    public record Params(
            @Param(doc = "Predicted class column", def = "\"prediction\"", hint = Param.Hint.COLUMN) String prediction,
            @Param(doc = "Divide each row by its total (fractions of the actual class) instead of counts", def = "false") boolean normalise) {
    }

    static final InPort<Table> PREDICTIONS = InPort.of("predictions", DataKind.PREDICTIONS, Table.class, "Rows with the true class and a predicted class");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Heat map of actual vs predicted class");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(PREDICTIONS);
        PlotSpecs.truthAndPrediction(t, PREDICTIONS.name(), p.prediction(), ColumnType.CATEGORICAL);
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(PREDICTIONS);
        CategoricalColumn truth = (CategoricalColumn) t.target().orElseThrow();
        CategoricalColumn pred = (CategoricalColumn) PlotSpecs.require(t, p.prediction());
        // the model's classes first, in its order, then any class only the true column knows
        List<String> classes = new ArrayList<>(pred.levels());
        truth.levels().stream().filter(c -> !classes.contains(c)).forEach(classes::add);
        long[][] counts = new long[classes.size()][classes.size()];
        for (int i = 0; i < t.rowCount(); i++) {
            if (truth.isMissing(i) || pred.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no true or no predicted class.", "Drop rows without a class before the split.");
            }
            counts[classes.indexOf(truth.get(i))][classes.indexOf(pred.get(i))]++;
        }
        String title = (p.normalise() ? "Confusion matrix, fraction of each actual class (" : "Confusion matrix (") + t.rowCount() + " rows)";
        return Outputs.of(PLOT, ConfusionPlots.heatmap(title, counts, classes, p.normalise()));
    }
}
