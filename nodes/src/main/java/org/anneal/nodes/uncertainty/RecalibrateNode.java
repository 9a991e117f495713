package org.anneal.nodes.uncertainty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.Predictions;
import org.anneal.nodes.plot.Reliability;
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
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.recalibrate", title = "Recalibrate probabilities", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Makes a classifier's probabilities honest: fits the learner on the `train` rows, then learns on the \
                `calibration` rows (or on a seeded share of the training rows held back from the fit, when `calibration` is not \
                wired) a map from the model's probability to the share of rows that turn out to be of that class, and applies it \
                to the `test` rows. `platt` (Platt scaling) fits σ(A·logit p + B): two numbers that stretch or shrink the \
                model's confidence, good with few calibration rows. `isotonic` fits any non-decreasing step function by \
                pool-adjacent-violators: more flexible, wants a few hundred rows. With more than two classes each class is \
                mapped against the rest and the probabilities renormalised. The calibration rows must not be the rows the \
                model was fitted on (there it is over-confident) nor the test rows (then the improvement reported is \
                flattered): the `test` port refuses rows from a side that `train` or `calibration` comes from. Reports the \
                Brier score and the expected calibration error (ECE) on the test rows before and after; the reliability \
                diagram shows both against the diagonal, and the predictions table (recalibrated `p_<class>` columns, the \
                model's own as `uncalibrated_p_<class>`) feeds plot.calibration. Recalibration leaves the ranking of rows \
                by a class's probability unchanged (Platt) or nearly so (isotonic ties), so ROC AUC hardly moves.""")
public final class RecalibrateNode implements Node<RecalibrateNode.Params> {

    /** Platt scaling or isotonic regression. */
    public enum Method { PLATT, ISOTONIC }

    public record Params(
            @Param(doc = "platt (logistic map, two parameters) or isotonic (non-decreasing step function)", def = "\"platt\"") Method method,
            @Param(doc = "Share of the training rows held back for calibration when `calibration` is not wired", def = "0.25",
                    min = 0.05, max = 0.9) double calibrationShare,
            @Param(doc = "Number of equal-width probability bins of the reliability diagram and the ECE", def = "10", min = 2, max = 50) int bins) {
    }

    static final String UNCALIBRATED_PREFIX = "uncalibrated_";

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "A classifier that gives probabilities");
    static final InPort<Table> TRAIN = InPort.of("train", DataKind.TABLE, Table.class, "Rows to fit the learner on").fitting();
    static final InPort<Table> CALIBRATION = InPort.of("calibration", DataKind.TABLE, Table.class,
            "Rows the probability map is learnt on; never the test rows").fitting().optional();
    static final InPort<Table> TEST = InPort.of("test", DataKind.TABLE, Table.class, "Held-out rows to report on, with the target");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "brier_before, brier_after, ece_before, ece_after, calibration_rows");
    static final OutPort<Table> PREDICTIONS = OutPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "The test rows with prediction, recalibrated p_<class> and the model's own uncalibrated_p_<class>");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Reliability diagram before and after");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (in.learner(LEARNER).task() != Task.CLASSIFICATION) {
            throw ConfigError.atPort(LEARNER.name(), "Recalibration of probabilities is for classifiers; this learner predicts numbers.",
                    "Use evaluate.conformal for honest intervals around numbers, or connect a classifier (model.logistic, model.random-forest, …).");
        }
        for (var port : in.has(CALIBRATION) ? List.of(TRAIN, TEST, CALIBRATION) : List.of(TRAIN, TEST)) {
            HeldApart.requireCategoricalTarget(in.table(port), port.name(), "probabilities", "Choose a categorical target at the data source.");
        }
        in.table(TRAIN).requireScalarFeatures(TRAIN.name());
        HeldApart.check(in, TRAIN, CALIBRATION, TEST, "probability map");
        TableSpec test = in.table(TEST);
        Lineage fitted = Lineage.learntFrom(in.table(TRAIN).lineage());
        TableSpec preds = test.plus(new ColumnSpec("prediction", ColumnType.CATEGORICAL, ColumnRole.PREDICTION))
                .withLineage(test.lineage().fittedWith(fitted));
        // one probability column per class, known only from the fitted model
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, test.lineage().fittedWith(fitted)), PREDICTIONS, preds,
                PLOT, ValueSpec.of(DataKind.PLOT, test.lineage().fittedWith(fitted))).withRunTimeColumns(PREDICTIONS, Specs.RunTimeColumns.APPENDED);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table test = in.get(TEST);
        var fitted = HeldApart.fitClassifier(in, LEARNER, TRAIN, CALIBRATION, TEST, p.calibrationShare(), ctx, "recalibration maps");
        TrainedModel model = fitted.model();
        String target = fitted.target();
        Table calibration = fitted.calibration();
        double[][] calProb = fitted.calibrationProbabilities();
        List<String> classes = model.classes();
        Recalibrator map = Recalibrator.fit(p.method(), calProb, ClassSets.truth(calibration, target, classes));
        double[][] before = model.probabilities(test);
        double[][] after = map.apply(before);
        int[] truth = ClassSets.truth(test, target, classes);
        Reliability r0 = Reliability.of(before, truth, p.bins());
        Reliability r1 = Reliability.of(after, truth, p.bins());
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("brier_before", r0.brier());
        m.put("brier_after", r1.brier());
        m.put("ece_before", r0.ece());
        m.put("ece_after", r1.ece());
        m.put("calibration_rows", (double) calibration.rowCount());
        String[] axes = Reliability.axes(classes);
        String name = p.method() == Method.PLATT ? "Platt scaling" : "isotonic";
        Plot plot = Plot.of(Plot.Kind.LINE, "Reliability, " + test.rowCount() + " test rows (" + model.describe() + ")", axes[0], axes[1],
                List.of(r0.series("model as fitted"), r1.series("after " + name)), List.of(Plot.Guide.identity()));
        return Outputs.of(METRICS, new Metrics(Task.CLASSIFICATION, m, test.rowCount()), PREDICTIONS, predictions(test, classes, before, after),
                PLOT, plot);
    }

    private static Table predictions(Table test, List<String> classes, double[][] before, double[][] after) {
        int[] codes = new int[after.length];
        double[] predicted = TrainedModel.classCodes(after);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (int) predicted[i];
        }
        Table out = test.with(new CategoricalColumn("prediction", ColumnRole.PREDICTION, codes, classes));
        for (int c = 0; c < classes.size(); c++) {
            out = out.with(new NumericColumn(Predictions.probabilityColumn(classes.get(c)), ColumnRole.PREDICTION, column(after, c)));
        }
        for (int c = 0; c < classes.size(); c++) {
            out = out.with(new NumericColumn(UNCALIBRATED_PREFIX + Predictions.probabilityColumn(classes.get(c)), ColumnRole.PREDICTION, column(before, c)));
        }
        return out;
    }

    private static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }
}
