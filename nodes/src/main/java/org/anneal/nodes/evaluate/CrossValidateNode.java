package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.prepare.ColumnScaling;
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

@NodeType(id = "evaluate.cross-validate", title = "Cross-validate", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = "k-fold cross-validation of a learner on the `table` rows: each fold is held out once while the learner is fitted "
                + "on the others, and the scores are averaged (with their standard deviation). With `standardize`, a scaler is fitted "
                + "inside every fold on that fold's training rows only, so the held-out fold stays unseen. Strategies: random, "
                + "stratified (class shares kept per fold), group (a group never spans folds: use it when the source declares a "
                + "group), leave-one-out (k = number of rows).")
public final class CrossValidateNode implements Node<CrossValidateNode.Params> {

    public record Params(
            @Param(doc = "Number of folds", def = "5", min = 2, max = 1000) int folds,
            @Param(doc = "How rows are assigned to folds", def = "\"random\"", choices = {"random", "stratified", "group", "leave-one-out"})
            String strategy,
            @Param(doc = "Fit a standardizer inside each fold (on its training rows) before the learner", def = "true") boolean standardize) {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner to evaluate");
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to cross-validate on (the training rows)").fitting();
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "Mean and standard deviation of each score");
    static final OutPort<Table> FOLDS = OutPort.of("folds", DataKind.TABLE, Table.class, "One row per fold with its scores");

    /** Fact on the metrics spec that tells the leakage analysis how folds were formed. */
    public static final String STRATEGY_FACT = "cv.strategy";

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ValueSpec learner = in.value(LEARNER);
        TableSpec t = in.table(TABLE);
        ColumnSpec target = t.requireTarget(TABLE.name());
        Task task = LearnerSpecs.task(learner);
        if ((task == Task.REGRESSION) != (target.type() == ColumnType.NUMERIC)) {
            throw ConfigError.atPort(TABLE.name(), "A " + task.key() + " learner cannot be scored on the target '" + target.name() + "'.",
                    "Pick a learner that matches the target's type.");
        }
        if (p.strategy().equals("stratified") && task != Task.CLASSIFICATION) {
            throw ConfigError.atParam("strategy", "Stratified folds need classes.", "Use 'random' or 'group' for a numeric target.");
        }
        if (p.strategy().equals("group") && t.columns().stream().noneMatch(c -> c.role() == ColumnRole.GROUP)) {
            throw ConfigError.atParam("strategy", "Group folds need a group column.", "Set 'group' at the data source.");
        }
        ValueSpec metrics = ValueSpec.of(DataKind.METRICS, t.lineage(), Map.of("task", task.key(), STRATEGY_FACT, p.strategy()));
        TableSpec folds = new TableSpec(List.of(new ColumnSpec("fold", ColumnType.NUMERIC, ColumnRole.ID)), t.lineage());
        return Specs.of(METRICS, metrics, FOLDS, folds);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Learner learner = in.get(LEARNER);
        Table t = in.get(TABLE);
        int k = p.strategy().equals("leave-one-out") ? t.rowCount() : p.folds();
        if (t.rowCount() < k) {
            throw new NodeFailure(t.rowCount() + " rows cannot fill " + k + " folds.", "Use fewer folds.");
        }
        String target = t.target().map(Column::name).orElseThrow();
        List<String> features = t.features().stream().map(Column::name).toList();
        int[] fold = Folds.assign(t, p.strategy(), k, ctx.seed());
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        List<double[]> perFold = new ArrayList<>();
        // leave-one-out scores one row at a time, so the metrics are computed once from all held-out predictions
        double[] pooled = new double[t.rowCount()];
        for (int f = 0; f < k; f++) {
            ctx.checkCancelled();
            int[] trainRows = rows(fold, f, false);
            int[] testRows = rows(fold, f, true);
            Table train = t.rows(trainRows);
            Table test = t.rows(testRows);
            if (p.standardize()) {
                ColumnScaling s = fitScaling(train, features);
                train = s.apply(train);
                test = s.apply(test);
            }
            TrainedModel m = learner.fit(train, features, target, ctx);
            double[] pred = m.predict(test);
            for (int i = 0; i < testRows.length; i++) {
                pooled[testRows[i]] = pred[i];
            }
            if (!p.strategy().equals("leave-one-out")) {
                Metrics mf = score(m, test, pred);
                mf.values().forEach((name, v) -> scores.computeIfAbsent(name, x -> new ArrayList<>()).add(v));
                perFold.add(new double[] {f, testRows.length, mf.values().values().iterator().next()});
            }
            ctx.progress((f + 1.0) / k);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (p.strategy().equals("leave-one-out")) {
            out.putAll(scoreAll(learner.task(), t, target, pooled).values());
        } else {
            scores.forEach((name, vs) -> {
                double mean = vs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double var = vs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, vs.size() - 1);
                out.put(name, mean);
                out.put(name + "_sd", Math.sqrt(var));
            });
        }
        double[][] cols = new double[3][perFold.size()];
        for (int i = 0; i < perFold.size(); i++) {
            for (int c = 0; c < 3; c++) {
                cols[c][i] = perFold.get(i)[c];
            }
        }
        Table foldTable = new Table(List.of(new NumericColumn("fold", ColumnRole.ID, cols[0]), new NumericColumn("rows", ColumnRole.FEATURE, cols[1]),
                new NumericColumn(learner.task() == Task.REGRESSION ? "mse" : "accuracy", ColumnRole.FEATURE, cols[2])));
        return Outputs.of(METRICS, new Metrics(learner.task(), out, t.rowCount()), FOLDS, foldTable);
    }

    private static Metrics score(TrainedModel m, Table test, double[] pred) {
        return scoreAll(m.task(), test, m.target(), pred);
    }

    private static Metrics scoreAll(Task task, Table rows, String target, double[] pred) {
        if (task == Task.REGRESSION) {
            return RegressionMetrics.of(rows.numeric(target).values(), pred);
        }
        CategoricalColumn y = (CategoricalColumn) rows.column(target).orElseThrow();
        int[] predicted = new int[pred.length];
        for (int i = 0; i < pred.length; i++) {
            predicted[i] = (int) pred[i];
        }
        return ClassificationMetrics.of(y.codes(), predicted, y.levels(), null);
    }

    private static ColumnScaling fitScaling(Table train, List<String> features) {
        List<String> numeric = features.stream().filter(f -> train.column(f).orElseThrow() instanceof NumericColumn).toList();
        double[] mean = new double[numeric.size()];
        double[] sd = new double[numeric.size()];
        for (int j = 0; j < numeric.size(); j++) {
            double[] v = train.numeric(numeric.get(j)).values();
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            mean[j] = m;
            double s = Math.sqrt(ss / Math.max(1, v.length - 1));
            sd[j] = s > 0 ? s : 1;
        }
        return new ColumnScaling("Standardize (in fold)", numeric, mean, sd);
    }

    private static int[] rows(int[] fold, int f, boolean held) {
        int c = 0;
        for (int x : fold) {
            if ((x == f) == held) {
                c++;
            }
        }
        int[] out = new int[c];
        int k = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == held) {
                out[k++] = i;
            }
        }
        return out;
    }
}
