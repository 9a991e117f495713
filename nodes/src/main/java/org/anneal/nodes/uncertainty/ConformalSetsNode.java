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

@NodeType(id = "evaluate.conformal-sets", title = "Conformal prediction sets", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Prediction sets with guaranteed coverage for any classifier that gives class probabilities (split conformal \
                prediction, Vovk et al.; the 'LAC' score of Sadinle et al. 2019): fits the learner on the `train` rows, scores \
                each `calibration` row (or a seeded share of the training rows held back, when `calibration` is not wired) by \
                1 − the probability given to its true class, and takes the ⌈(n+1)·coverage⌉-th smallest score q. A test row's \
                set holds every class whose probability is at least 1 − q. If calibration and test rows are exchangeable, the \
                set holds the true class with probability at least `coverage` (and below coverage + 1/(n+1)), averaged over \
                rows, whatever the model: an unsure model gives larger sets, not wrong ones. Reports on the `test` rows the \
                empirical `coverage`, `mean_set_size`, the share of single-class sets (`singletons`) and of empty sets \
                (`empty_sets`, rows where no class is likely enough), and `accuracy` of the most probable class for \
                comparison; the plot draws observed against nominal coverage over levels 0.1 … 0.99.""")
public final class ConformalSetsNode implements Node<ConformalSetsNode.Params> {

    public record Params(
            @Param(doc = "Target coverage of the sets (1 − α)", def = "0.9", min = 0.5, max = 0.999) double coverage,
            @Param(doc = "Share of the training rows held back for calibration when `calibration` is not wired", def = "0.25",
                    min = 0.05, max = 0.9) double calibrationShare) {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "A classifier that gives probabilities");
    static final InPort<Table> TRAIN = InPort.of("train", DataKind.TABLE, Table.class, "Rows to fit the learner on").fitting();
    static final InPort<Table> CALIBRATION = InPort.of("calibration", DataKind.TABLE, Table.class,
            "Rows whose scores set the threshold; never the test rows").fitting().optional();
    static final InPort<Table> TEST = InPort.of("test", DataKind.TABLE, Table.class, "Held-out rows to check the coverage on, with the target");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "target_coverage, coverage, mean_set_size, singletons, empty_sets, accuracy, calibration_rows");
    static final OutPort<Table> PREDICTIONS = OutPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "The test rows with prediction (most probable class), prediction_set (e.g. {a, b}) and set_size");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Observed against nominal coverage");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (in.learner(LEARNER).task() != Task.CLASSIFICATION) {
            throw ConfigError.atPort(LEARNER.name(), "Prediction sets are for classifiers; this learner predicts numbers.",
                    "Use evaluate.conformal for a regressor, or connect a classifier (model.logistic, model.random-forest, …).");
        }
        TableSpec train = in.table(TRAIN);
        TableSpec test = in.table(TEST);
        for (var port : in.has(CALIBRATION) ? List.of(TRAIN, TEST, CALIBRATION) : List.of(TRAIN, TEST)) {
            HeldApart.requireCategoricalTarget(in.table(port), port.name(), "prediction sets", "Choose a categorical target at the data source, or use evaluate.conformal.");
        }
        HeldApart.check(in, TRAIN, CALIBRATION, TEST, "sets");
        Lineage fitted = Lineage.learntFrom(train.lineage());
        TableSpec preds = test.plus(new ColumnSpec("prediction", ColumnType.CATEGORICAL, ColumnRole.PREDICTION))
                .plus(new ColumnSpec("prediction_set", ColumnType.CATEGORICAL, ColumnRole.PREDICTION))
                .plus(new ColumnSpec("set_size", ColumnType.NUMERIC, ColumnRole.PREDICTION))
                .withLineage(test.lineage().fittedWith(fitted));
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, test.lineage().fittedWith(fitted)), PREDICTIONS, preds,
                PLOT, ValueSpec.of(DataKind.PLOT, test.lineage().fittedWith(fitted)));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table test = in.get(TEST);
        var fitted = HeldApart.fitClassifier(in, LEARNER, TRAIN, CALIBRATION, TEST, p.calibrationShare(), ctx, "prediction sets are built from");
        TrainedModel model = fitted.model();
        String target = fitted.target();
        Table calibration = fitted.calibration();
        double[][] calProb = fitted.calibrationProbabilities();
        double[] scores = ClassSets.scores(calProb, ClassSets.truth(calibration, target, model.classes()));
        double q = SplitConformal.halfWidth(scores, p.coverage());
        if (Double.isInfinite(q)) {
            throw new NodeFailure(scores.length + " calibration rows are too few for " + p.coverage() + " coverage: at least "
                    + SplitConformal.rowsNeeded(p.coverage()) + " are needed.", "Calibrate on more rows (raise calibrationShare) or ask for less coverage.");
        }
        double[][] prob = model.probabilities(test);
        int[] truth = ClassSets.truth(test, target, model.classes());
        boolean[][] sets = ClassSets.sets(prob, q);
        Map<String, Double> m = ClassSets.summary(sets, prob, truth);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("target_coverage", p.coverage());
        metrics.putAll(m);
        metrics.put("calibration_rows", (double) scores.length);
        double[] curve = new double[ConformalNode.LEVELS.length];
        for (int k = 0; k < curve.length; k++) {
            curve[k] = ClassSets.summary(ClassSets.sets(prob, SplitConformal.halfWidth(scores, ConformalNode.LEVELS[k])), prob, truth).get("coverage");
        }
        Plot plot = Plot.of(Plot.Kind.LINE, "Prediction-set coverage, " + test.rowCount() + " test rows (" + model.describe() + ")",
                "nominal coverage", "observed coverage", List.of(Plot.Series.of("conformal sets", ConformalNode.LEVELS, curve)),
                List.of(Plot.Guide.identity()));
        return Outputs.of(METRICS, new Metrics(Task.CLASSIFICATION, metrics, test.rowCount()), PREDICTIONS,
                ClassSets.withSets(test, sets, prob, model.classes()), PLOT, plot);
    }
}
