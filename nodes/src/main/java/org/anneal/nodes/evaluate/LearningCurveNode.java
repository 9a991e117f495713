package org.anneal.nodes.evaluate;

import org.anneal.spec.FoldStrategy;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Plot;
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

@NodeType(id = "evaluate.learning-curve", title = "Learning curve", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                How the score grows with the amount of training data, as scikit-learn's learning_curve: k-fold \
                cross-validation in which each fold's learner is fitted on only a share (`sizes`, rounded down) of that fold's \
                training rows (a seeded random subset; the leading rows with contiguous folds, as learning_curve without \
                shuffling), and scored both on those rows (training score) and on the held-out fold (cross-validation score), \
                each with ±1 sd across folds. A wide gap that narrows with more rows means variance: more data helps. Two low \
                curves that meet early mean bias: a more flexible model helps, more rows do not.""")
public final class LearningCurveNode implements Node<LearningCurveNode.Params> {

    public record Params(
            @Param(doc = "Training-set sizes, as shares of each fold's training rows (0 < share ≤ 1)",
                    def = "[\"0.1\", \"0.325\", \"0.55\", \"0.775\", \"1.0\"]") List<String> sizes,
            @Param(doc = "Number of folds", def = "5", min = 2, max = 100) int folds,
            @Param(doc = "How rows are assigned to folds (contiguous = blocks in row order, no shuffle)", def = "\"random\"",
                    choices = {"random", "stratified", "group", "contiguous"}) FoldStrategy strategy,
            @Param(doc = "Score to plot; auto = r2 (regression) or accuracy (classes)", def = "\"auto\"") Metric metric) {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The learner (or pipeline) to study");
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to cross-validate on (the training rows)").fitting();
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Training and cross-validation score against training rows");
    static final OutPort<Table> SCORES = OutPort.of("scores", DataKind.TABLE, Table.class, "One row per size: mean and sd of both scores");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        String metric = CurveSpecs.check(in.learner(LEARNER), in.table(TABLE), p.metric(), p.strategy());
        shares(p);
        return CurveSpecs.specs(in.table(TABLE), p.strategy(), "train_rows", metric);
    }

    private static double[] shares(Params p) throws ConfigError {
        if (p.sizes().isEmpty()) {
            throw ConfigError.atParam("sizes", "There are no training-set sizes.", "List shares such as [\"0.1\", \"0.5\", \"1.0\"].");
        }
        double[] s = new double[p.sizes().size()];
        for (int i = 0; i < s.length; i++) {
            try {
                s[i] = Double.parseDouble(p.sizes().get(i).trim());
            } catch (NumberFormatException e) {
                throw ConfigError.atParam("sizes", "'" + p.sizes().get(i) + "' is not a number.", "Write each size as a share, e.g. 0.5.");
            }
            if (!(s[i] > 0 && s[i] <= 1)) {
                throw ConfigError.atParam("sizes", "Size " + p.sizes().get(i) + " is not a share of the training rows.", "Use numbers above 0 and at most 1.");
            }
        }
        java.util.Arrays.sort(s);
        return s;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Learner learner = in.get(LEARNER);
        Table t = in.get(TABLE);
        String metric = p.metric().keyFor(learner.task());
        double[] shares = shares(p);
        var plan = new CrossValidation.Plan(p.strategy(), p.folds(), 1, ctx.seed());
        double[][] points = new double[shares.length][];
        double[] rows = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            ctx.checkCancelled();
            points[i] = CurveSpecs.point(learner, t, plan, shares[i], metric, ctx);
            rows[i] = points[i][4];
            ctx.progress((i + 1.0) / shares.length);
        }
        Plot plot = CurvePlots.curve("Learning curve", p.folds(), "training rows", metric, CurveSpecs.series(rows, points, false));
        return Outputs.of(PLOT, plot, SCORES, CurveSpecs.table("train_rows", rows, points, metric));
    }
}
