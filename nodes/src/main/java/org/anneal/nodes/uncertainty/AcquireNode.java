package org.anneal.nodes.uncertainty;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
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
import org.anneal.spec.ModelSpec;
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

@NodeType(id = "optimize.acquire", title = "Choose next experiment", phase = Phase.DEPLOY, role = LeakageRole.APPLY, usesSeed = false,
        doc = """
                Ranks candidate conditions (a table of untried settings, e.g. a grid of laser power × scan speed) by how much \
                the next measurement there is worth, from a model that knows its uncertainty (Gaussian process, bootstrap \
                ensemble): mean μ and standard deviation σ per candidate. `expected-improvement`: E[max(0, y − best − ξ)] = (μ \
                − best − ξ)·Φ(z) + σ·φ(z), z = (μ − best − ξ)/σ, with `best` the best target among the `observed` rows. \
                `upper-confidence-bound`: μ + κσ (large κ explores, small κ exploits). `exploration`: σ alone, to learn most \
                where the model knows least. With `goal` = minimize the improvement is best − μ and the bound μ − κσ (ranked \
                lowest first). A `constraint` model with a `safeRange` [low, high] marks candidates whose predicted value lies \
                outside it unsafe (the safe corridor of a process map: no keyhole, no lack of fusion); they rank after every \
                safe candidate and never reach `top`.""")
public final class AcquireNode implements Node<AcquireNode.Params> {

    public enum Strategy { EXPECTED_IMPROVEMENT, UPPER_CONFIDENCE_BOUND, EXPLORATION }

    public enum Goal { MAXIMIZE, MINIMIZE }

    public record Params(
            @Param(doc = "How a candidate is scored", def = "\"expected-improvement\"") Strategy strategy,
            @Param(doc = "Whether a high or a low target is wanted", def = "\"maximize\"") Goal goal,
            @Param(doc = "κ of the confidence bound: standard deviations added to the mean", def = "2.0", min = 0, max = 100) double kappa,
            @Param(doc = "ξ of expected improvement: the margin an improvement must beat", def = "0.0", min = 0) double xi,
            @Param(doc = "Allowed range [low, high] of the constraint model's prediction; empty = no constraint") List<Double> safeRange,
            @Param(doc = "How many of the best safe candidates go to `top`", def = "5", min = 1, max = 100000) int top) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted regression model with uncertainty");
    static final InPort<Table> CANDIDATES = InPort.of("candidates", DataKind.TABLE, Table.class, "Untried conditions, with the model's features");
    static final InPort<Table> OBSERVED = InPort.of("observed", DataKind.TABLE, Table.class,
            "Rows measured so far, with the target: their best value is what expected improvement must beat").optional();
    static final InPort<TrainedModel> CONSTRAINT = InPort.of("constraint", DataKind.MODEL, TrainedModel.class,
            "A model whose prediction must stay within safeRange").optional();
    static final OutPort<Table> RANKED = OutPort.of("ranked", DataKind.TABLE, Table.class,
            "Every candidate, best first, with mean, sd, acquisition, safe (1/0) and rank");
    static final OutPort<Table> TOP = OutPort.of("top", DataKind.TABLE, Table.class, "The `top` best safe candidates");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        if (model.task() != Task.REGRESSION) {
            throw ConfigError.atPort(MODEL.name(), "Choosing an experiment needs a regression model with uncertainty; this one classifies.",
                    "Fit a Gaussian process or a bootstrap ensemble of a regressor.");
        }
        TableSpec candidates = in.table(CANDIDATES);
        model.requireFeaturesIn(candidates, CANDIDATES.name());
        if (p.strategy() == Strategy.EXPECTED_IMPROVEMENT && !in.has(OBSERVED)) {
            throw ConfigError.atPort(OBSERVED.name(), "Expected improvement needs the rows measured so far, to know the best value to beat.",
                    "Wire the training rows to 'observed', or choose upper-confidence-bound or exploration.");
        }
        if (in.has(OBSERVED) && in.table(OBSERVED).column(model.target()).isEmpty()) {
            throw ConfigError.atPort(OBSERVED.name(), "The observed rows lack the target '" + model.target() + "'.", "Wire rows with measured targets.");
        }
        boolean constrained = in.has(CONSTRAINT);
        if (constrained != (p.safeRange().size() == 2)) {
            throw ConfigError.atParam("safeRange", constrained ? "A constraint model is wired but safeRange is not [low, high]."
                    : "safeRange is set but no constraint model is wired.",
                    "Give both the constraint model and a two-number safeRange, or neither.");
        }
        if (constrained) {
            in.model(CONSTRAINT).requireFeaturesIn(candidates, CANDIDATES.name());
            if (!(p.safeRange().get(0) <= p.safeRange().get(1))) {
                throw ConfigError.atParam("safeRange", "The low end " + p.safeRange().get(0) + " is above the high end " + p.safeRange().get(1) + ".",
                        "Write the range as [low, high].");
            }
        }
        TableSpec ranked = candidates;
        for (String c : outputColumns(constrained)) {
            if (candidates.column(c).isPresent()) {
                throw ConfigError.atPort(CANDIDATES.name(), "The candidates already have a column '" + c + "'.", "Rename or drop it first.");
            }
            ranked = ranked.plus(new ColumnSpec(c, ColumnType.NUMERIC, ColumnRole.PREDICTION));
        }
        ranked = ranked.withLineage(candidates.lineage().fittedWith(model.lineage()));
        return Specs.of(RANKED, ranked, TOP, ranked);
    }

    private static List<String> outputColumns(boolean constrained) {
        return constrained ? List.of("mean", "sd", "acquisition", "constraint", "safe", "rank") : List.of("mean", "sd", "acquisition", "safe", "rank");
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table candidates = in.get(CANDIDATES);
        if (candidates.rowCount() == 0) {
            throw new NodeFailure("There are no candidates to rank.", "Wire a table of untried conditions to 'candidates'.");
        }
        double[] mean = model.predict(candidates);
        double[] sd = model.predictionStd(candidates);
        if (sd == null) {
            throw new NodeFailure("The model '" + model.describe() + "' gives no standard deviation, so it cannot weigh exploring against exploiting.",
                    "Use model.gaussian-process, or wrap the learner in model.bootstrap-ensemble.");
        }
        boolean max = p.goal() == Goal.MAXIMIZE;
        double best = Double.NaN;
        Table observed = in.get(OBSERVED);
        if (observed != null) {
            best = Acquisition.best(observed.numeric(model.target()).values(), max);
        }
        if (p.strategy() == Strategy.EXPECTED_IMPROVEMENT && Double.isNaN(best)) {
            throw new NodeFailure("The observed rows hold no measured target.", "Wire rows with measured targets to 'observed'.");
        }
        double[] score = Acquisition.score(p.strategy(), mean, sd, best, max, p.kappa(), p.xi());
        double[] safe = new double[mean.length];
        java.util.Arrays.fill(safe, 1);
        TrainedModel constraint = in.get(CONSTRAINT);
        double[] limited = null;
        if (constraint != null) {
            limited = constraint.predict(candidates);
            for (int i = 0; i < safe.length; i++) {
                safe[i] = limited[i] >= p.safeRange().get(0) && limited[i] <= p.safeRange().get(1) ? 1 : 0;
            }
        }
        int[] order = Acquisition.order(score, safe);
        double[] rank = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k + 1;
        }
        Table all = candidates.with(col("mean", mean)).with(col("sd", sd)).with(col("acquisition", score));
        if (limited != null) {
            all = all.with(col("constraint", limited));
        }
        all = all.with(col("safe", safe)).with(col("rank", rank));
        Table ranked = all.rows(order);
        int safeCount = (int) java.util.Arrays.stream(safe).sum();
        int k = Math.min(p.top(), safeCount);
        Table top = ranked.rows(java.util.stream.IntStream.range(0, k).toArray());
        return Outputs.of(RANKED, ranked, TOP, top);
    }

    private static Column col(String name, double[] v) {
        return new NumericColumn(name, ColumnRole.PREDICTION, v);
    }
}
