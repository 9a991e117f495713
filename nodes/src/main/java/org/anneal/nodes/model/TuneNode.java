package org.anneal.nodes.model;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.ClassificationMetrics;
import org.anneal.nodes.evaluate.RegressionMetrics;
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
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "model.tune", title = "Tune (grid search)", phase = Phase.MODEL, role = LeakageRole.FIT,
        doc = "Grid search over one hyperparameter: fits the learner on `train` for every value in `values`, scores each on the "
                + "`select` rows and outputs the learner with the best value (unfitted, for a Fit node) and the validation curve "
                + "(value, score). The `select` rows must be validation rows: choosing on the test set makes the final test score "
                + "optimistic, because the choice was fitted to it.")
public final class TuneNode implements Node<TuneNode.Params> {

    public record Params(
            @Param(doc = "Hyperparameter to vary (lambda for ridge, alpha or l1Ratio for elastic net, epochs or learningRate for logistic)",
                    required = true) String hyperparameter,
            @Param(doc = "Values to try, as numbers", required = true) List<String> values,
            @Param(doc = "Score to optimise", def = "\"r2\"", choices = {"r2", "rmse", "mae", "mse", "accuracy", "balanced_accuracy", "f1_macro"})
            String metric) {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner to tune");
    static final InPort<Table> TRAIN = InPort.of("train", DataKind.TABLE, Table.class, "Rows each candidate is fitted on").fitting();
    static final InPort<Table> SELECT = InPort.of("select", DataKind.TABLE, Table.class, "Rows the candidates are compared on (validation)").choosing();
    static final OutPort<Learner> BEST = OutPort.of("best", DataKind.LEARNER, Learner.class, "The learner with the best value");
    static final OutPort<Table> CURVE = OutPort.of("curve", DataKind.TABLE, Table.class, "Validation curve: value and score");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ValueSpec learner = in.value(LEARNER);
        List<String> tunable = LearnerSpecs.hyperparameters(learner);
        if (!tunable.contains(p.hyperparameter())) {
            throw ConfigError.atParam("hyperparameter", "This learner has no tunable hyperparameter '" + p.hyperparameter() + "'.",
                    tunable.isEmpty() ? "Use a learner with hyperparameters." : "Tunable: " + String.join(", ", tunable));
        }
        numbers(p);
        Task task = LearnerSpecs.task(learner);
        if ((task == Task.REGRESSION) != List.of("r2", "rmse", "mae", "mse").contains(p.metric())) {
            throw ConfigError.atParam("metric", "'" + p.metric() + "' does not score a " + task.key() + " model.",
                    task == Task.REGRESSION ? "Use r2, rmse, mae or mse." : "Use accuracy, balanced_accuracy or f1_macro.");
        }
        TableSpec train = in.table(TRAIN);
        TableSpec select = in.table(SELECT);
        train.requireTarget(TRAIN.name());
        select.requireTarget(SELECT.name());
        Lineage chosen = Lineage.learntFrom(select.lineage()).fittedWith(train.lineage());
        ValueSpec best = ValueSpec.of(DataKind.LEARNER, chosen, learner.facts());
        TableSpec curve = new TableSpec(List.of(new ColumnSpec(p.hyperparameter(), ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec(p.metric(), ColumnType.NUMERIC, ColumnRole.FEATURE)), chosen);
        return Specs.of(BEST, best, CURVE, curve);
    }

    private static double[] numbers(Params p) throws ConfigError {
        if (p.values().isEmpty()) {
            throw ConfigError.atParam("values", "There are no values to try.", "List at least two numbers, e.g. [\"0.01\", \"0.1\", \"1\"].");
        }
        double[] v = new double[p.values().size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(p.values().get(i));
            } catch (NumberFormatException e) {
                throw ConfigError.atParam("values", "'" + p.values().get(i) + "' is not a number.", "Write the values as numbers.");
            }
        }
        return v;
    }

    static boolean higherIsBetter(String metric) {
        return !List.of("rmse", "mae", "mse").contains(metric);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Learner learner = in.get(LEARNER);
        Table train = in.get(TRAIN);
        Table select = in.get(SELECT);
        String target = train.target().map(Column::name).orElseThrow();
        List<String> features = train.features().stream().map(Column::name).toList();
        double[] values = numbers(p);
        double[] scores = new double[values.length];
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            ctx.checkCancelled();
            TrainedModel m = learner.with(p.hyperparameter(), values[i]).fit(train, features, target, ctx);
            scores[i] = score(m, select, p.metric()).get(p.metric());
            boolean better = best < 0 || (higherIsBetter(p.metric()) ? scores[i] > scores[best] : scores[i] < scores[best]);
            if (better && !Double.isNaN(scores[i])) {
                best = i;
            }
            ctx.progress((i + 1.0) / values.length);
        }
        Table curve = new Table(List.of(new NumericColumn(p.hyperparameter(), ColumnRole.FEATURE, values),
                new NumericColumn(p.metric(), ColumnRole.FEATURE, scores)));
        return Outputs.of(BEST, learner.with(p.hyperparameter(), values[Math.max(0, best)]), CURVE, curve);
    }

    private static Metrics score(TrainedModel m, Table rows, String metric) {
        double[] pred = m.predict(rows);
        if (m.task() == Task.REGRESSION) {
            return RegressionMetrics.of(rows.numeric(m.target()).values(), pred);
        }
        CategoricalColumn y = (CategoricalColumn) rows.column(m.target()).orElseThrow();
        List<String> classes = m.classes();
        int[] truth = new int[pred.length];
        int[] predicted = new int[pred.length];
        for (int i = 0; i < pred.length; i++) {
            truth[i] = classes.indexOf(y.get(i));
            predicted[i] = (int) pred[i];
        }
        return ClassificationMetrics.of(truth, predicted, classes, null);
    }
}
