package org.anneal.nodes.evaluate;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.pipeline.PreprocessedLearner;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.spec.Choices;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.CrossValidatedSpec;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.FoldStrategy;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "evaluate.cross-validate", title = "Cross-validate", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                k-fold cross-validation of a learner on the `table` rows: each fold is held out once while the learner is \
                fitted on the others, and the scores are averaged (with their standard deviation across folds). Preprocessing \
                belongs inside the learner: wire it through pipeline.* nodes (pipeline.standardize, pipeline.impute, \
                pipeline.select-k-best) and each step is refitted on every fold's training rows; the `standardize` option is \
                the shortcut for one standardizer (turn it off when the pipeline already standardizes: scaling twice changes \
                nothing but time). Strategies: random, stratified (class shares kept per fold, as scikit-learn's \
                StratifiedKFold), group (a group never spans folds; largest groups first into the lightest fold, as \
                GroupKFold), contiguous (blocks in row order, as KFold without shuffling), leave-one-out (k = number of rows). \
                `repeats` reruns the whole k-fold with fresh shuffles and pools all folds, which steadies the estimate on \
                small data.""")
public final class CrossValidateNode implements Node<CrossValidateNode.Params> {

    public record Params(
            @Param(doc = "Number of folds", def = "5", min = 2, max = 1000) int folds,
            @Param(doc = "How rows are assigned to folds", def = "\"random\"",
                    choices = {"random", "stratified", "group", "contiguous", "leave-one-out"}) FoldStrategy strategy,
            @Param(doc = "Fit a standardizer inside each fold (on its training rows) before the learner", def = "true") boolean standardize,
            @Param(doc = "How many times to repeat the k-fold with a new shuffle (random and stratified; group folds, balanced by size, "
                    + "change only among groups of equal size)", def = "1", min = 1, max = 100)
            int repeats,
            @Param(doc = "What the cross-validated score claims (issue 16): random folds honestly test known materials only", def = "\"unstated\"")
            org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared {
        /** Without a claim (callers from before issue 16). */
        public Params(int folds, FoldStrategy strategy, boolean standardize, int repeats) {
            this(folds, strategy, standardize, repeats, org.anneal.spec.Claim.UNSTATED);
        }
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner (or pipeline) to evaluate");
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to cross-validate on (the training rows)").fitting();
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "Mean and standard deviation of each score");
    static final OutPort<Table> FOLDS = OutPort.of("folds", DataKind.TABLE, Table.class, "One row per fold with its scores");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpec learner = in.learner(LEARNER);
        ScoringSpecs.requireOneValuePerRow(learner, LEARNER.name());
        TableSpec t = in.table(TABLE);
        ColumnSpec target = t.requireTarget(TABLE.name());
        t.requireScalarFeatures(TABLE.name());
        if (learner.numericFeaturesOnly()) {
            // as Fit checks: a category reaching a numbers-only learner failed at run time as "an internal error" (found by
            // WorkflowFuzzTest). The fold standardizer scales only the numeric features, so a pipeline that encodes
            // categories itself (target encoding, one-hot) still takes them.
            for (ColumnSpec c : t.features()) {
                if (c.type() != ColumnType.NUMERIC) {
                    throw ConfigError.atPort(TABLE.name(), "Feature '" + c.name() + "' holds categories, but this learner needs numbers.",
                            "Drop '" + c.name() + "' with data.select (mode drop) or list it under 'ignore' at its data.csv source, or encode it as numbers first.");
                }
            }
        }
        Task task = learner.task();
        if ((task == Task.REGRESSION) != (target.type() == ColumnType.NUMERIC)) {
            throw ConfigError.atPort(TABLE.name(), "A " + task.key() + " learner cannot be scored on the target '" + target.name() + "'.",
                    "Pick a learner that matches the target's type.");
        }
        if (p.strategy() == FoldStrategy.STRATIFIED && task != Task.CLASSIFICATION) {
            throw ConfigError.atParam("strategy", "Stratified folds need classes.", "Use 'random' or 'group' for a numeric target.");
        }
        if (p.strategy() == FoldStrategy.GROUP && t.columns().stream().noneMatch(c -> c.role() == ColumnRole.GROUP)) {
            throw ConfigError.atParam("strategy", "Group folds need a group column.", "Set 'group' at the data source.");
        }
        if (p.repeats() > 1 && (p.strategy() == FoldStrategy.CONTIGUOUS || p.strategy() == FoldStrategy.LEAVE_ONE_OUT)) {
            throw ConfigError.atParam("repeats", "'" + Choices.name(p.strategy()) + "' folds involve no shuffle, so every repeat would be identical.",
                    "Set repeats to 1, or use the 'random' strategy.");
        }
        // the metrics say how the folds were formed, so the leakage analysis can check them against groups and time
        Spec metrics = new CrossValidatedSpec(DataKind.METRICS, t.lineage(), p.strategy());
        TableSpec folds = new TableSpec(List.of(new ColumnSpec("repeat", ColumnType.NUMERIC, ColumnRole.ID),
                new ColumnSpec("fold", ColumnType.NUMERIC, ColumnRole.ID), new ColumnSpec("rows", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec(task == Task.REGRESSION ? "mse" : "accuracy", ColumnType.NUMERIC, ColumnRole.FEATURE)), t.lineage());
        return Specs.of(METRICS, metrics, FOLDS, folds);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Learner learner = in.get(LEARNER);
        if (p.standardize()) {
            learner = new PreprocessedLearner(StandardizeNode.step(true, true), learner);
        }
        Table t = in.get(TABLE);
        if (p.strategy() == FoldStrategy.LEAVE_ONE_OUT) {
            return leaveOneOut(learner, t, ctx);
        }
        var plan = new CrossValidation.Plan(p.strategy(), p.folds(), p.repeats(), ctx.seed());
        List<CrossValidation.FoldScore> scores = CrossValidation.run(learner, t, plan, 1, false, ctx, ctx::progress);
        Map<String, Double> out = CrossValidation.summarize(scores.stream().map(CrossValidation.FoldScore::test).toList());
        String main = learner.task() == Task.REGRESSION ? "mse" : "accuracy";
        int n = scores.size();
        double[][] cols = new double[4][n];
        for (int i = 0; i < n; i++) {
            CrossValidation.FoldScore f = scores.get(i);
            cols[0][i] = f.repeat();
            cols[1][i] = f.fold();
            cols[2][i] = f.testRows();
            cols[3][i] = f.test().get(main);
        }
        Table foldTable = new Table(List.of(new NumericColumn("repeat", ColumnRole.ID, cols[0]), new NumericColumn("fold", ColumnRole.ID, cols[1]),
                new NumericColumn("rows", ColumnRole.FEATURE, cols[2]), new NumericColumn(main, ColumnRole.FEATURE, cols[3])));
        return Outputs.of(METRICS, new Metrics(learner.task(), out, t.rowCount()), FOLDS, foldTable);
    }

    /** One row held out at a time; the scores are computed once from all the held-out predictions. */
    private static Outputs leaveOneOut(Learner learner, Table t, ExecContext ctx) {
        int n = t.rowCount();
        if (n < 2) {
            throw new NodeFailure(n + " row(s) cannot be cross-validated.", "Use more rows.");
        }
        String target = t.target().map(Column::name).orElseThrow();
        List<String> features = t.features().stream().map(Column::name).toList();
        double[] pooled = new double[n];
        List<String> levels = t.column(target).orElseThrow() instanceof CategoricalColumn c ? c.levels() : List.of();
        for (int i = 0; i < n; i++) {
            ctx.checkCancelled();
            int[] trainRows = new int[n - 1];
            for (int j = 0, w = 0; j < n; j++) {
                if (j != i) {
                    trainRows[w++] = j;
                }
            }
            TrainedModel m = learner.fit(t.rows(trainRows), features, target, ctx);
            double pred = m.predict(t.rows(new int[] {i}))[0];
            // pooled predictions are kept as codes of the column's levels: each fold's model may know other classes
            pooled[i] = learner.task() == Task.REGRESSION ? pred : levels.indexOf(m.classes().get((int) pred));
            ctx.progress((i + 1.0) / n);
        }
        Metrics all = Scoring.score(learner.task(), t, target, pooled, levels);
        // no per-fold scores: a single held-out row has no r2; the columns stay as configure promised
        Table foldTable = new Table(List.of(new NumericColumn("repeat", ColumnRole.ID, new double[0]), new NumericColumn("fold", ColumnRole.ID, new double[0]),
                new NumericColumn("rows", ColumnRole.FEATURE, new double[0]),
                new NumericColumn(learner.task() == Task.REGRESSION ? "mse" : "accuracy", ColumnRole.FEATURE, new double[0])));
        return Outputs.of(METRICS, new Metrics(learner.task(), all.values(), n), FOLDS, foldTable);
    }
}
