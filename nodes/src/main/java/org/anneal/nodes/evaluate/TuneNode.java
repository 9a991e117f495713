package org.anneal.nodes.evaluate;

import org.anneal.nodes.model.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Plot;
import org.anneal.spec.Task;
import org.anneal.nodes.evaluate.CrossValidation;
import org.anneal.nodes.evaluate.CurvePlots;
import org.anneal.spec.FoldStrategy;
import org.anneal.nodes.evaluate.Metric;
import org.anneal.nodes.evaluate.Scoring;
import org.anneal.nodes.evaluate.SearchSpace;
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
import org.anneal.spec.LearnerSpec;
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

@NodeType(id = "model.tune", title = "Tune (grid or random search)", phase = Phase.MODEL, role = LeakageRole.FIT,
        doc = """
                Hyperparameter search over one or two hyperparameters of a learner (or pipeline: a pipeline's step settings \
                such as degree or k count too). Grid search tries every combination of `values` (× `values2`); random search \
                draws `iterations` candidates, seeded: from the listed values without repeats, or uniformly / log-uniformly \
                between their smallest and largest. Each candidate is fitted on `train` and scored on the `select` rows; leave \
                `select` unconnected to score by inner k-fold cross-validation on `train` instead (group folds when the rows \
                carry a group, stratified for classes). Outputs the best learner (unfitted, for a Fit node), every candidate \
                with its score and rank, and the validation curve as a plot. Never choose on the test set: the final test \
                score would be optimistic, because the choice was fitted to it.""")
public final class TuneNode implements Node<TuneNode.Params> {

    public record Params(
            @Param(doc = "Hyperparameter to vary (lambda for ridge, alpha or l1Ratio for elastic net, degree of a pipeline.polynomial …)",
                    required = true) String hyperparameter,
            @Param(doc = "Values to try, as numbers (random search with a distribution: its range)", required = true) List<String> values,
            @Param(doc = "Score to optimise", def = "\"r2\"", choices = {"r2", "rmse", "mae", "mse", "accuracy", "balanced_accuracy", "f1_macro"})
            Metric metric,
            @Param(doc = "Grid: every combination; random: `iterations` seeded draws", def = "\"grid\"") Search search,
            @Param(doc = "Candidates a random search draws", def = "10", min = 1, max = 10000) int iterations,
            @Param(doc = "What a random search draws from: the listed values, or a (log-)uniform range between their min and max",
                    def = "\"values\"") SearchSpace.Distribution distribution,
            @Param(doc = "Optional second hyperparameter, varied together with the first") String hyperparameter2,
            @Param(doc = "Values of the second hyperparameter") List<String> values2,
            @Param(doc = "Folds of the inner cross-validation when `select` is not connected", def = "5", min = 2, max = 100) int folds,
            @Param(doc = "How the inner folds are formed; auto = group folds when the rows carry a group, stratified for classes, "
                    + "else random", def = "\"auto\"", choices = {"auto", "random", "stratified", "group", "contiguous"}) FoldStrategy innerStrategy) {

        /** The old one-hyperparameter form (grid search, values listed). */
        public Params(String hyperparameter, List<String> values, Metric metric) {
            this(hyperparameter, values, metric, Search.GRID, 10, SearchSpace.Distribution.VALUES, "", List.of(), 5, FoldStrategy.AUTO);
        }
    }

    public enum Search { GRID, RANDOM }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner to tune");
    static final InPort<Table> TRAIN = InPort.of("train", DataKind.TABLE, Table.class, "Rows each candidate is fitted on").fitting();
    static final InPort<Table> SELECT = InPort.of("select", DataKind.TABLE, Table.class,
            "Rows the candidates are compared on (validation); unconnected = inner cross-validation on train").choosing().optional();
    static final OutPort<Learner> BEST = OutPort.of("best", DataKind.LEARNER, Learner.class, "The learner with the best setting");
    static final OutPort<Table> CURVE = OutPort.of("curve", DataKind.TABLE, Table.class,
            "Every candidate: its setting, its score (mean and sd across folds with inner cross-validation) and its rank");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The validation curve: score against the first hyperparameter");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpec learner = in.learner(LEARNER);
        ScoringSpecs.requireOneValuePerRow(learner, LEARNER.name());
        List<SearchSpace.Axis> axes = axes(p, learner.tunables());
        for (int j = 0; j < axes.size(); j++) {
            Hyperparameters.checkRange(learner, axes.get(j).name(), axes.get(j).values(), j == 0 ? "values" : "values2");
        }
        Task task = learner.task();
        if (!Scoring.metricsFor(task).contains(p.metric().key())) {
            throw ConfigError.atParam("metric", "'" + p.metric().key() + "' does not score a " + task.key() + " model.",
                    task == Task.REGRESSION ? "Use r2, rmse, mae or mse." : "Use accuracy, balanced_accuracy or f1_macro.");
        }
        if (p.search() == Search.RANDOM && p.distribution() == SearchSpace.Distribution.LOG_UNIFORM) {
            for (SearchSpace.Axis a : axes) {
                if (java.util.Arrays.stream(a.values()).anyMatch(v -> v <= 0)) {
                    throw ConfigError.atParam("distribution", "A log-uniform range needs positive values; '" + a.name() + "' has one at or below 0.",
                            "Use positive bounds, or the 'uniform' distribution.");
                }
            }
        }
        TableSpec train = in.table(TRAIN);
        train.requireTarget(TRAIN.name());
        train.requireScalarFeatures(TRAIN.name());
        if (p.innerStrategy() == FoldStrategy.STRATIFIED && task != Task.CLASSIFICATION) {
            throw ConfigError.atParam("innerStrategy", "Stratified folds need classes.", "Use 'auto' or 'random' for a numeric target.");
        }
        if (p.innerStrategy() == FoldStrategy.GROUP && train.columns().stream().noneMatch(c -> c.role() == ColumnRole.GROUP)) {
            throw ConfigError.atParam("innerStrategy", "Group folds need a group column.", "Set 'group' at the data source, or use 'auto'.");
        }
        Lineage chosen;
        if (in.has(SELECT) && in.table(SELECT) != null) {
            TableSpec select = in.table(SELECT);
            select.requireTarget(SELECT.name());
            chosen = Lineage.learntFrom(select.lineage()).fittedWith(train.lineage())
                    .chosenOn(java.util.Set.of(select.lineage().partition(), train.lineage().partition()));
        } else {
            chosen = Lineage.learntFrom(train.lineage()).chosenOn(java.util.Set.of(train.lineage().partition()));
        }
        chosen = chosen.chosenOn(learner.lineage().chosenOn()); // a learner tuned twice carries both choices
        List<ColumnSpec> cols = new ArrayList<>();
        for (SearchSpace.Axis a : axes) {
            cols.add(new ColumnSpec(a.name(), ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        cols.add(new ColumnSpec(p.metric().key(), ColumnType.NUMERIC, ColumnRole.FEATURE));
        cols.add(new ColumnSpec(p.metric().key() + "_sd", ColumnType.NUMERIC, ColumnRole.FEATURE));
        cols.add(new ColumnSpec("rank", ColumnType.NUMERIC, ColumnRole.FEATURE));
        return Specs.of(BEST, learner.withLineage(chosen), CURVE, new TableSpec(cols, chosen),
                PLOT, ValueSpec.of(DataKind.PLOT, chosen));
    }

    private static List<SearchSpace.Axis> axes(Params p, List<String> tunable) throws ConfigError {
        List<SearchSpace.Axis> axes = new ArrayList<>();
        axes.add(axis(p.hyperparameter(), p.values(), tunable, "hyperparameter", "values"));
        String second = p.hyperparameter2() == null ? "" : p.hyperparameter2().trim();
        if (!second.isEmpty()) {
            if (second.equals(p.hyperparameter())) {
                throw ConfigError.atParam("hyperparameter2", "'" + second + "' is already the first hyperparameter.", "Pick another one, or leave it empty.");
            }
            axes.add(axis(second, p.values2() == null ? List.of() : p.values2(), tunable, "hyperparameter2", "values2"));
        }
        return axes;
    }

    private static SearchSpace.Axis axis(String name, List<String> values, List<String> tunable, String nameParam, String valuesParam) throws ConfigError {
        if (!tunable.contains(name)) {
            throw ConfigError.atParam(nameParam, "This learner has no tunable hyperparameter '" + name + "'.",
                    tunable.isEmpty() ? "Use a learner with hyperparameters." : "Tunable: " + String.join(", ", tunable));
        }
        if (values.isEmpty()) {
            throw ConfigError.atParam(valuesParam, "There are no values to try.", "List at least two numbers, e.g. [\"0.01\", \"0.1\", \"1\"].");
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(values.get(i).trim());
            } catch (NumberFormatException e) {
                throw ConfigError.atParam(valuesParam, "'" + values.get(i) + "' is not a number.", "Write the values as numbers.");
            }
        }
        return new SearchSpace.Axis(name, v);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Learner learner = in.get(LEARNER);
        Table train = in.get(TRAIN);
        Table select = in.has(SELECT) ? in.get(SELECT) : null;
        List<SearchSpace.Axis> axes = axes(p, List.copyOf(learner.hyperparameters().keySet()));
        List<double[]> candidates = p.search() == Search.RANDOM ? SearchSpace.random(axes, p.distribution(), p.iterations(), ctx.seed())
                : SearchSpace.grid(axes);
        String target = train.target().map(Column::name).orElseThrow();
        List<String> features = train.features().stream().map(Column::name).toList();
        String metric = p.metric().key();
        boolean higher = Scoring.higherIsBetter(metric);
        double[] mean = new double[candidates.size()];
        double[] sd = new double[candidates.size()];
        int best = -1;
        for (int c = 0; c < candidates.size(); c++) {
            ctx.checkCancelled();
            Learner l = withSetting(learner, axes, candidates.get(c));
            if (select != null) {
                mean[c] = Scoring.score(l.fit(train, features, target, ctx), select).get(metric);
                sd[c] = Double.NaN;
            } else {
                // the same folds for every candidate (one seed), so they are compared on equal terms
                FoldStrategy strategy = p.innerStrategy() == FoldStrategy.AUTO ? innerStrategy(train, learner.task()) : p.innerStrategy();
                var plan = new CrossValidation.Plan(strategy, p.folds(), 1, ctx.seed());
                double[] folds = CrossValidation.run(l, train, plan, 1, false, ctx, f -> { }).stream()
                        .mapToDouble(s -> s.test().get(metric)).toArray();
                double[] ms = CrossValidation.meanSd(folds);
                mean[c] = ms[0];
                sd[c] = ms[1];
            }
            if (!Double.isNaN(mean[c]) && (best < 0 || (higher ? mean[c] > mean[best] : mean[c] < mean[best]))) {
                best = c;
            }
            ctx.progress((c + 1.0) / candidates.size());
        }
        return Outputs.of(BEST, withSetting(learner, axes, candidates.get(Math.max(0, best))), CURVE, table(axes, candidates, metric, mean, sd, higher),
                PLOT, plot(axes, candidates, p, mean, sd, select == null));
    }

    /** Inner folds honour the structure of the rows the same way an outer split should. */
    static FoldStrategy innerStrategy(Table train, Task task) {
        if (train.columns().stream().anyMatch(c -> c.role() == ColumnRole.GROUP)) {
            return FoldStrategy.GROUP;
        }
        return task == Task.CLASSIFICATION ? FoldStrategy.STRATIFIED : FoldStrategy.RANDOM;
    }

    private static Learner withSetting(Learner l, List<SearchSpace.Axis> axes, double[] values) {
        Learner out = l;
        for (int j = 0; j < axes.size(); j++) {
            out = out.with(axes.get(j).name(), values[j]);
        }
        return out;
    }

    private static Table table(List<SearchSpace.Axis> axes, List<double[]> candidates, String metric, double[] mean, double[] sd, boolean higher) {
        int n = candidates.size();
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < axes.size(); j++) {
            double[] v = new double[n];
            for (int c = 0; c < n; c++) {
                v[c] = candidates.get(c)[j];
            }
            cols.add(new NumericColumn(axes.get(j).name(), ColumnRole.FEATURE, v));
        }
        double[] rank = new double[n];
        for (int c = 0; c < n; c++) {
            int better = 0;
            for (int o = 0; o < n; o++) {
                if (!Double.isNaN(mean[o]) && (Double.isNaN(mean[c]) || (higher ? mean[o] > mean[c] : mean[o] < mean[c]))) {
                    better++;
                }
            }
            rank[c] = better + 1; // ties share a rank, as scikit-learn's rank_test_score (method "min")
        }
        cols.add(new NumericColumn(metric, ColumnRole.FEATURE, mean));
        cols.add(new NumericColumn(metric + "_sd", ColumnRole.FEATURE, sd));
        cols.add(new NumericColumn("rank", ColumnRole.FEATURE, rank));
        return new Table(cols);
    }

    private static Plot plot(List<SearchSpace.Axis> axes, List<double[]> candidates, Params p, double[] mean, double[] sd, boolean cv) {
        double[] xs = candidates.stream().mapToDouble(c -> c[0]).toArray();
        boolean logX = SearchSpace.logSpaced(xs);
        List<CurvePlots.Point> points = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            points.add(new CurvePlots.Point(xs[c], mean[c], sd[c]));
            labels.add(axes.size() > 1 ? axes.get(1).name() + " = " + candidates.get(c)[1] : p.metric().key());
        }
        String how = cv ? " (inner " + p.folds() + "-fold CV, ±1 sd)" : " (validation rows)";
        Plot.Kind kind = p.search() == Search.RANDOM && p.distribution() != SearchSpace.Distribution.VALUES ? Plot.Kind.SCATTER : Plot.Kind.LINE;
        return Plot.of(kind, "Validation curve" + how, CurvePlots.axisLabel(axes.get(0).name(), logX), p.metric().key(),
                CurvePlots.grouped(labels, points, logX), List.of());
    }
}
