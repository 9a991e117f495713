package org.anneal.nodes.evaluate;

import org.anneal.spec.FoldStrategy;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Plot;
import org.anneal.nodes.model.Hyperparameters;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "evaluate.validation-curve", title = "Validation curve", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Training and cross-validation score over one hyperparameter of a learner or pipeline (lambda, alpha, a \
                polynomial degree, k), as scikit-learn's validation_curve: every value is cross-validated on the `table` rows \
                with the same folds. The values are listed, or spread linearly or logarithmically from `from` to `to`; log \
                grids are drawn against log10 of the value. Where the training score is high but the cross-validation score \
                low the model overfits; where both are low it underfits. It only shows the trade-off: to choose a value, use \
                Tune.""")
public final class ValidationCurveNode implements Node<ValidationCurveNode.Params> {

    public record Params(
            @Param(doc = "Hyperparameter to vary", required = true) String hyperparameter,
            @Param(doc = "How the values are given: listed in `values`, or `points` spread linearly or logarithmically from `from` to `to`",
                    def = "\"log\"") Grid grid,
            @Param(doc = "Values to try (grid = listed)") List<String> values,
            @Param(doc = "Smallest value (linear or log grid)", def = "0.0001") double from,
            @Param(doc = "Largest value (linear or log grid)", def = "100") double to,
            @Param(doc = "Number of values (linear or log grid)", def = "13", min = 2, max = 200) int points,
            @Param(doc = "Number of folds", def = "5", min = 2, max = 100) int folds,
            @Param(doc = "How rows are assigned to folds (contiguous = blocks in row order, no shuffle)", def = "\"random\"",
                    choices = {"random", "stratified", "group", "contiguous"}) FoldStrategy strategy,
            @Param(doc = "Score to plot; auto = r2 (regression) or accuracy (classes)", def = "\"auto\"") Metric metric) {
    }

    /** How the values to try are given. */
    public enum Grid { LISTED, LINEAR, LOG }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner (or pipeline) to study");
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to cross-validate on (the training rows)").fitting();
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Training and cross-validation score against the value");
    static final OutPort<Table> SCORES = OutPort.of("scores", DataKind.TABLE, Table.class, "One row per value: mean and sd of both scores");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        List<String> tunable = in.learner(LEARNER).tunables();
        if (!tunable.contains(p.hyperparameter())) {
            throw ConfigError.atParam("hyperparameter", "This learner has no tunable hyperparameter '" + p.hyperparameter() + "'.",
                    tunable.isEmpty() ? "Use a learner with hyperparameters." : "Tunable: " + String.join(", ", tunable));
        }
        String metric = CurveSpecs.check(in.learner(LEARNER), in.table(TABLE), p.metric(), p.strategy());
        double[] values = values(p);
        boolean listed = p.grid() == Grid.LISTED;
        Hyperparameters.checkRange(in.learner(LEARNER), p.hyperparameter(), new double[] {values[0]}, listed ? "values" : "from");
        Hyperparameters.checkRange(in.learner(LEARNER), p.hyperparameter(), values, listed ? "values" : "to");
        return CurveSpecs.specs(in.table(TABLE), p.strategy(), p.hyperparameter(), metric);
    }

    /** The grid, in increasing order. */
    static double[] values(Params p) throws ConfigError {
        return switch (p.grid()) {
            case LISTED -> {
                if (p.values() == null || p.values().isEmpty()) {
                    throw ConfigError.atParam("values", "There are no values to try.", "List numbers, or choose a linear or log grid.");
                }
                double[] v = new double[p.values().size()];
                for (int i = 0; i < v.length; i++) {
                    try {
                        v[i] = Double.parseDouble(p.values().get(i).trim());
                    } catch (NumberFormatException e) {
                        throw ConfigError.atParam("values", "'" + p.values().get(i) + "' is not a number.", "Write the values as numbers.");
                    }
                }
                java.util.Arrays.sort(v);
                yield v;
            }
            case LOG -> {
                if (!(p.from() > 0 && p.to() > p.from())) {
                    throw ConfigError.atParam("from", "A log grid needs 0 < from < to.", "Set from and to to positive numbers, from the smaller.");
                }
                double[] v = new double[p.points()];
                double a = Math.log10(p.from());
                double b = Math.log10(p.to());
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.pow(10, a + (b - a) * i / (v.length - 1)); // numpy.logspace
                }
                yield v;
            }
            case LINEAR -> {
                if (!(p.to() > p.from())) {
                    throw ConfigError.atParam("to", "A linear grid needs from < to.", "Set 'to' above 'from'.");
                }
                double[] v = new double[p.points()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = p.from() + (p.to() - p.from()) * i / (v.length - 1);
                }
                yield v;
            }
        };
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Learner learner = in.get(LEARNER);
        Table t = in.get(TABLE);
        String metric = p.metric().keyFor(learner.task());
        double[] values = values(p);
        var plan = new CrossValidation.Plan(p.strategy(), p.folds(), 1, ctx.seed());
        double[][] points = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            ctx.checkCancelled();
            points[i] = CurveSpecs.point(learner.with(p.hyperparameter(), values[i]), t, plan, 1, metric, ctx);
            ctx.progress((i + 1.0) / values.length);
        }
        boolean logX = p.grid() == Grid.LOG || SearchSpace.logSpaced(values);
        Plot plot = CurvePlots.curve("Validation curve", p.folds(), CurvePlots.axisLabel(p.hyperparameter(), logX), metric,
                CurveSpecs.series(values, points, logX));
        return Outputs.of(PLOT, plot, SCORES, CurveSpecs.table(p.hyperparameter(), values, points, metric));
    }
}
