package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.Column;
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
import org.anneal.spec.LearnerSpec;
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

@NodeType(id = "optimize.loop", title = "Optimisation loop (BO vs random search)", phase = Phase.DEPLOY, role = LeakageRole.FIT,
        doc = """
                Runs a Bayesian-optimisation (or active-learning) campaign against an oracle and compares it with random \
                search. The oracle is the `pool`: rows whose target was measured (or generated with a known law) but is \
                revealed only when the loop chooses the row. The loop measures `initial` rows at random (seeded), then for \
                `rounds` rounds fits the learner (a Gaussian process, or a bootstrap ensemble: it must give a standard \
                deviation) on the rows measured so far, scores every unmeasured row with optimize.acquire's criteria \
                (`expected-improvement`, `upper-confidence-bound`, `exploration`) and measures the best. Random search is \
                given in closed form, averaged over every order it could draw: after k experiments its expected best is Σ \
                v_j C(j−1, k−1)/C(n, k) over the pool's values sorted worst first, and it needs (n + 1)/(h + 1) \
                experiments on average to reach the goal, h being the number of pool rows at or beyond it. The goal is the \
                `goalQuantile` of the pool's targets (the top 5 % by default). Outputs the campaign row by row, the plot of \
                best value found against experiments spent for both, and the metrics `best_found`, `random_best_found`, \
                `experiments_to_goal` (budget + 1 when the loop never reached it), `random_experiments_to_goal` and \
                `pool_best`.""")
public final class OptimizationLoopNode implements Node<OptimizationLoopNode.Params> {

    public record Params(
            @Param(doc = "How the next experiment is chosen", def = "\"expected-improvement\"") AcquireNode.Strategy strategy,
            @Param(doc = "Whether a high or a low target is wanted", def = "\"maximize\"") AcquireNode.Goal goal,
            @Param(doc = "κ of the confidence bound: standard deviations added to the mean", def = "2.0", min = 0, max = 100) double kappa,
            @Param(doc = "ξ of expected improvement: the margin an improvement must beat", def = "0.0", min = 0) double xi,
            @Param(doc = "Experiments chosen at random before the model is first fitted", def = "5", min = 1, max = 10000) int initial,
            @Param(doc = "Experiments chosen by the model after those", def = "20", min = 1, max = 10000) int rounds,
            @Param(doc = "The goal: this quantile of the pool's targets (the lower one when minimizing)", def = "0.95", min = 0.5, max = 1)
            double goalQuantile) {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class,
            "A regression learner whose models give a standard deviation (Gaussian process, bootstrap ensemble)");
    static final InPort<Table> POOL = InPort.of("pool", DataKind.TABLE, Table.class,
            "The oracle: candidate rows with their target, revealed only when chosen").fitting();
    static final OutPort<Table> HISTORY = OutPort.of("history", DataKind.TABLE, Table.class,
            "One row per experiment: its features, the measured target, and the best so far of the loop and of random search");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Best value found against experiments spent");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "Best values and experiments to the goal");

    static final List<String> ADDED = List.of("experiment", "chosen_by_model", "best_so_far", "random_expected_best");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpec learner = in.learner(LEARNER);
        if (learner.task() != Task.REGRESSION) {
            throw ConfigError.atPort(LEARNER.name(), "An optimisation loop needs a regression learner with uncertainty; this one classifies.",
                    "Use model.gaussian-process, or a regressor wrapped in model.bootstrap-ensemble.");
        }
        if (learner.gradientTrained()) {
            throw ConfigError.atPort(LEARNER.name(), "A gradient-trained learner takes its loss and optimizer at Fit, which the loop cannot pass on.",
                    "Use model.gaussian-process, or a regressor wrapped in model.bootstrap-ensemble.");
        }
        TableSpec pool = in.table(POOL);
        ColumnSpec target = pool.requireTarget(POOL.name());
        if (target.type() != ColumnType.NUMERIC) {
            throw ConfigError.atPort(POOL.name(), "The pool's target '" + target.name() + "' holds categories; the loop optimises a number.",
                    "Choose a numeric target at the data source.");
        }
        pool.requireScalarFeatures(POOL.name());
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(new ColumnSpec("experiment", ColumnType.NUMERIC, ColumnRole.ID));
        for (ColumnSpec f : pool.features()) {
            if (f.type() != ColumnType.NUMERIC) {
                throw ConfigError.atPort(POOL.name(), "Feature '" + f.name() + "' holds categories, but the loop's models need numbers.",
                        "Drop '" + f.name() + "' with data.select (mode drop) or list it under 'ignore' at its data.csv source, or encode it first.");
            }
            if (ADDED.contains(f.name())) {
                throw ConfigError.atPort(POOL.name(), "The pool already has a column '" + f.name() + "'.", "Rename it first.");
            }
            columns.add(f);
        }
        if (pool.features().isEmpty()) {
            throw ConfigError.atPort(POOL.name(), "The pool has no feature columns to choose experiments by.", "Check the column roles at the data source.");
        }
        columns.add(target);
        columns.add(new ColumnSpec("chosen_by_model", ColumnType.NUMERIC, ColumnRole.FEATURE));
        columns.add(new ColumnSpec("best_so_far", ColumnType.NUMERIC, ColumnRole.PREDICTION));
        columns.add(new ColumnSpec("random_expected_best", ColumnType.NUMERIC, ColumnRole.PREDICTION));
        var lineage = pool.lineage().fittedWith(learner.lineage());
        return Specs.of(Map.of(HISTORY.name(), new TableSpec(columns, lineage), PLOT.name(), ValueSpec.of(DataKind.PLOT, lineage),
                METRICS.name(), ValueSpec.of(DataKind.METRICS, lineage)));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table pool = in.get(POOL);
        Learner learner = in.get(LEARNER);
        String target = pool.target().map(Column::name).orElseThrow();
        List<String> features = pool.features().stream().map(Column::name).toList();
        double[] y = pool.numeric(target).values();
        int n = y.length;
        int budget = p.initial() + p.rounds();
        if (budget > n) {
            throw new NodeFailure("The loop would spend " + budget + " experiments (initial " + p.initial() + " + rounds " + p.rounds()
                    + ") but the pool holds " + n + " rows.", "Lower initial or rounds, or give a larger pool.");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                throw new NodeFailure("The pool's target '" + target + "' is missing in row " + (i + 1) + ": the oracle has no answer there.",
                        "Drop rows without a target first.");
            }
        }
        boolean max = p.goal() == AcquireNode.Goal.MAXIMIZE;
        int[] chosen = campaign(pool, learner, features, target, p, max, ctx);
        double[] measured = new double[budget];
        double[] bestSoFar = new double[budget];
        for (int k = 0; k < budget; k++) {
            measured[k] = y[chosen[k]];
            bestSoFar[k] = k == 0 ? measured[0] : max ? Math.max(bestSoFar[k - 1], measured[k]) : Math.min(bestSoFar[k - 1], measured[k]);
        }
        double[] random = RandomSearch.expectedBest(y, budget, max);
        double goal = goal(y, p.goalQuantile(), max);
        int hits = 0;
        for (double v : y) {
            hits += reaches(v, goal, max) ? 1 : 0;
        }
        int reached = budget + 1;
        for (int k = budget - 1; k >= 0; k--) {
            reached = reaches(measured[k], goal, max) ? k + 1 : reached;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("best_found", bestSoFar[budget - 1]);
        m.put("random_best_found", random[budget - 1]);
        m.put("experiments_to_goal", (double) reached);
        m.put("random_experiments_to_goal", RandomSearch.expectedDrawsToHit(n, hits));
        m.put("pool_best", Acquisition.best(y, max));
        return Outputs.builder().put(HISTORY, history(pool, chosen, features, target, p.initial(), bestSoFar, random))
                .put(PLOT, plot(bestSoFar, random, goal, target, p)).put(METRICS, new Metrics(Task.REGRESSION, m, 0)).build();
    }

    /** The pool rows measured, in order: {@code initial} at random, then each round the unmeasured row the acquisition ranks first. */
    static int[] campaign(Table pool, Learner learner, List<String> features, String target, Params p, boolean max, ExecContext ctx) {
        int n = pool.rowCount();
        int budget = p.initial() + p.rounds();
        double[] y = pool.numeric(target).values();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(ctx.seed());
        for (int i = 0; i < p.initial(); i++) { // the first steps of a Fisher–Yates shuffle
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] measured = new boolean[n];
        int[] chosen = new int[budget];
        for (int k = 0; k < p.initial(); k++) {
            chosen[k] = order[k];
            measured[order[k]] = true;
        }
        for (int k = p.initial(); k < budget; k++) {
            ctx.checkCancelled();
            int[] done = Arrays.copyOf(chosen, k);
            int[] open = java.util.stream.IntStream.range(0, n).filter(i -> !measured[i]).toArray();
            TrainedModel model = learner.fit(pool.rows(done), features, target, ctx);
            Table candidates = pool.rows(open);
            double[] mean = model.predict(candidates);
            double[] sd = model.predictionStd(candidates);
            if (sd == null) {
                throw new NodeFailure("The model '" + model.describe() + "' gives no standard deviation, so the loop cannot weigh exploring against exploiting.",
                        "Use model.gaussian-process, or wrap the learner in model.bootstrap-ensemble.");
            }
            double best = Acquisition.best(Arrays.stream(done).mapToDouble(i -> y[i]).toArray(), max);
            double[] score = Acquisition.score(p.strategy(), mean, sd, best, max, p.kappa(), p.xi());
            int pick = 0;
            for (int i = 1; i < score.length; i++) {
                pick = score[i] > score[pick] ? i : pick;
            }
            chosen[k] = open[pick];
            measured[open[pick]] = true;
            ctx.progress((k - p.initial() + 1.0) / p.rounds());
        }
        return chosen;
    }

    /** The value at {@code quantile} of the pool (its mirror 1 − quantile when minimizing), by rank. */
    static double goal(double[] y, double quantile, boolean max) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double q = max ? quantile : 1 - quantile;
        int index = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
        return sorted[index];
    }

    private static boolean reaches(double v, double goal, boolean max) {
        return max ? v >= goal : v <= goal;
    }

    private static Table history(Table pool, int[] chosen, List<String> features, String target, int initial, double[] best, double[] random) {
        Table rows = pool.rows(chosen);
        List<Column> cols = new ArrayList<>();
        double[] experiment = new double[chosen.length];
        double[] byModel = new double[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            experiment[k] = k + 1;
            byModel[k] = k < initial ? 0 : 1;
        }
        cols.add(new NumericColumn("experiment", ColumnRole.ID, experiment));
        features.forEach(f -> cols.add(rows.column(f).orElseThrow()));
        cols.add(rows.column(target).orElseThrow());
        cols.add(new NumericColumn("chosen_by_model", ColumnRole.FEATURE, byModel));
        cols.add(new NumericColumn("best_so_far", ColumnRole.PREDICTION, best));
        cols.add(new NumericColumn("random_expected_best", ColumnRole.PREDICTION, random));
        return new Table(cols);
    }

    private static Plot plot(double[] best, double[] random, double goal, String target, Params p) {
        double[] x = new double[best.length];
        Arrays.setAll(x, k -> k + 1);
        String strategy = org.anneal.spec.Choices.name(p.strategy());
        return Plot.of(Plot.Kind.LINE, "Best " + target + " found against experiments spent", "experiments", "best " + target + " so far",
                List.of(Plot.Series.of("model-guided (" + strategy + ", first " + p.initial() + " at random)", x, best),
                        Plot.Series.of("random search (expected)", x, random)),
                List.of(new Plot.Guide("goal (" + Math.round(p.goalQuantile() * 100) + " % quantile of the pool)", 0, goal)));
    }
}
