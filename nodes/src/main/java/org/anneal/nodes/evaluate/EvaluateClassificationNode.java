package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
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
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.classification", title = "Classification metrics", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE, usesSeed = false,
        doc = """
                Predicts the class of each `data` row and compares with the true class: accuracy, balanced accuracy (mean \
                recall over classes, honest on imbalanced data), precision, recall and F1 per class and macro-averaged, log \
                loss (cross-entropy of the predicted probabilities, clipped at 1e-15), ROC AUC (area under the ROC curve of \
                the class probabilities: the chance that a random row of the class is ranked above a random row of another; \
                one-vs-rest and averaged over classes when there are more than two) and the confusion matrix (rows: actual \
                class, columns: predicted) as a table and as a heat map. Log loss and AUC need a model that gives \
                probabilities.""")
public final class EvaluateClassificationNode implements Node<EvaluateClassificationNode.Params> {

    public record Params(
            @Param(doc = "Name of the predicted-class column added to the predictions table", def = "\"prediction\"") String predictionColumn) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted classifier");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to score, with the class column");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "Accuracy, precision, recall, F1, log loss");
    static final OutPort<Table> PREDICTIONS = OutPort.of("predictions", DataKind.PREDICTIONS, Table.class, "The scored rows with the predicted class");
    static final OutPort<Table> CONFUSION = OutPort.of("confusion", DataKind.TABLE, Table.class, "Confusion matrix: one row per actual class");
    static final OutPort<Plot> CONFUSION_PLOT = OutPort.of("confusionPlot", DataKind.PLOT, Plot.class, "Confusion matrix as a heat map of counts");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec preds = ScoringSpecs.predictions(in.model(MODEL), in.table(DATA), Task.CLASSIFICATION, p.predictionColumn());
        var lineage = preds.lineage();
        // the confusion matrix's columns depend on the classes, known only at run time; its spec lists the fixed one
        TableSpec confusion = new TableSpec(List.of(new ColumnSpec("actual", ColumnType.CATEGORICAL, ColumnRole.ID)), lineage);
        return Specs.builder().put(METRICS, ValueSpec.of(DataKind.METRICS, lineage)).put(PREDICTIONS, preds)
                .put(CONFUSION, confusion).put(CONFUSION_PLOT, ValueSpec.of(DataKind.PLOT, lineage)).build()
                .withRunTimeColumns(PREDICTIONS, Specs.RunTimeColumns.APPENDED) // a probability column per class found
                .withRunTimeColumns(CONFUSION, Specs.RunTimeColumns.APPENDED);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        if (data.rowCount() == 0) {
            throw new NodeFailure("There are no rows to score.", "Check the split and any filters upstream.");
        }
        List<String> classes = model.classes();
        CategoricalColumn y = (CategoricalColumn) data.column(model.target()).orElseThrow();
        int[] truth = new int[data.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            String label = y.get(i);
            if (label == null) {
                throw new NodeFailure("Row " + (i + 1) + " of the scored rows has no class in '" + model.target() + "'.", "Drop rows without a class before the split.");
            }
            truth[i] = classes.indexOf(label);
            if (truth[i] < 0) {
                throw new NodeFailure("Class '" + label + "' appears in the scored rows but never in the training rows.",
                        "Use a stratified split so every class is present on both sides.");
            }
        }
        Table preds = Predictions.of(model, data, p.predictionColumn());
        int[] predicted = ((CategoricalColumn) preds.column(p.predictionColumn()).orElseThrow()).codes();
        Metrics m = ClassificationMetrics.of(truth, predicted, classes, model.probabilities(data));
        long[][] cm = ClassificationMetrics.confusion(truth, predicted, classes.size());
        List<Column> cols = new ArrayList<>();
        int[] actual = new int[classes.size()];
        for (int c = 0; c < actual.length; c++) {
            actual[c] = c;
        }
        cols.add(new CategoricalColumn("actual", ColumnRole.ID, actual, classes));
        for (int j = 0; j < classes.size(); j++) {
            double[] counts = new double[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                counts[c] = cm[c][j];
            }
            cols.add(new NumericColumn("predicted " + classes.get(j), ColumnRole.FEATURE, counts));
        }
        return Outputs.builder().put(METRICS, m).put(PREDICTIONS, preds).put(CONFUSION, new Table(cols))
                .put(CONFUSION_PLOT, ConfusionPlots.heatmap("Confusion matrix (" + data.rowCount() + " rows)", cm, classes, false)).build();
    }
}
