package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
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
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import java.util.Locale;
import org.anneal.nodes.evaluate.Predictions;
import org.anneal.nodes.evaluate.RocCurve;

@NodeType(id = "plot.roc", title = "ROC curve", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Receiver operating characteristic: true positive rate against false positive rate as the probability threshold \
                for calling a row positive falls from 1 to 0, with the diagonal of a classifier that guesses. The area under \
                the curve (AUC, in the legend) is the chance that a random positive row gets a higher probability than a \
                random negative one. Two classes: one curve for the `positive` class (default: the second class); more \
                classes: one one-vs-rest curve per class. Needs the `p_<class>` probability columns of evaluate.predict or \
                evaluate.classification, so the model must give probabilities.""")
public final class RocPlotNode implements Node<RocPlotNode.Params> {

    public record Params(
            @Param(doc = "Class treated as positive; empty = the second class for two classes, every class (one-vs-rest) for more",
                    def = "\"\"") String positive) {
    }

    static final InPort<Table> PREDICTIONS = InPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "Rows with the true class and `p_<class>` probability columns");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "ROC curves with their AUC");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(PREDICTIONS);
        PlotSpecs.truth(t, PREDICTIONS.name(), ColumnType.CATEGORICAL);
        if (!p.positive().isEmpty() && !t.names().contains(Predictions.probabilityColumn(p.positive()))
                && t.names().stream().anyMatch(n -> n.startsWith(Predictions.PROBABILITY_PREFIX))) {
            throw ConfigError.atParam("positive", "There is no probability column for class '" + p.positive() + "'.",
                    "Name one of the classes; the probability columns are " + t.names().stream().filter(n -> n.startsWith(Predictions.PROBABILITY_PREFIX)).toList());
        }
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(PREDICTIONS);
        CategoricalColumn truth = (CategoricalColumn) t.target().orElseThrow();
        List<String> classes = truth.levels().stream().filter(c -> t.column(Predictions.probabilityColumn(c)).isPresent()).toList();
        if (classes.isEmpty()) {
            throw new NodeFailure("The predictions carry no class probabilities (p_<class> columns).",
                    "Use a classifier that gives probabilities (logistic regression, random forest) and connect evaluate.predict or evaluate.classification.");
        }
        List<String> curves;
        if (!p.positive().isEmpty()) {
            if (!classes.contains(p.positive())) {
                throw new NodeFailure("No probability column for class '" + p.positive() + "'.", "Pick one of " + classes + ".");
            }
            curves = List.of(p.positive());
        } else {
            curves = truth.levels().size() == 2 ? List.of(classes.get(classes.size() - 1)) : classes;
        }
        List<Plot.Series> series = new ArrayList<>();
        for (String c : curves) {
            double[] score = PlotSpecs.complete(t, Predictions.probabilityColumn(c));
            boolean[] positive = new boolean[t.rowCount()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = c.equals(truth.get(i));
            }
            RocCurve roc;
            try {
                roc = RocCurve.of(score, positive);
            } catch (IllegalArgumentException e) {
                if (curves.size() > 1) {
                    continue; // a class absent from these rows has no curve; the others still do
                }
                throw new NodeFailure("The rows hold only one class, so there is no ROC curve for '" + c + "'.", "Use a stratified split.");
            }
            String name = c + String.format(Locale.ROOT, " (AUC = %.3f)", roc.auc());
            series.add(Plot.Series.of(name, roc.fpr(), roc.tpr()));
        }
        return Outputs.of(PLOT, Plot.of(Plot.Kind.LINE, "ROC curve (" + t.rowCount() + " rows)", "false positive rate", "true positive rate",
                series, List.of(new Plot.Guide("chance", 1, 0))));
    }
}
