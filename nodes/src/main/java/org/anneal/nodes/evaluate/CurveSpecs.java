package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.CrossValidatedSpec;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.FoldStrategy;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/** What the learning- and validation-curve nodes share: the checks, the output specs and one point's scores. */
final class CurveSpecs {
    private CurveSpecs() {
    }

    /** The metric to use ("auto": r2 for regression, accuracy for classes), after checking the folds fit the rows. */
    static String check(LearnerSpec learner, TableSpec t, Metric metric, FoldStrategy strategy) throws ConfigError {
        ScoringSpecs.requireOneValuePerRow(learner, "learner");
        ColumnSpec target = t.requireTarget("table");
        t.requireScalarFeatures("table");
        Task task = learner.task();
        if ((task == Task.REGRESSION) != (target.type() == ColumnType.NUMERIC)) {
            throw ConfigError.atPort("table", "A " + task.key() + " learner cannot be scored on the target '" + target.name() + "'.",
                    "Pick a learner that matches the target's type.");
        }
        String m = metric.keyFor(task);
        if (!Scoring.metricsFor(task).contains(m)) {
            throw ConfigError.atParam("metric", "'" + m + "' does not score a " + task.key() + " model.",
                    task == Task.REGRESSION ? "Use r2, rmse, mae or mse." : "Use accuracy, balanced_accuracy or f1_macro.");
        }
        if (strategy == FoldStrategy.STRATIFIED && task != Task.CLASSIFICATION) {
            throw ConfigError.atParam("strategy", "Stratified folds need classes.", "Use 'random' or 'group' for a numeric target.");
        }
        if (strategy == FoldStrategy.GROUP && t.columns().stream().noneMatch(c -> c.role() == ColumnRole.GROUP)) {
            throw ConfigError.atParam("strategy", "Group folds need a group column.", "Set 'group' at the data source.");
        }
        return m;
    }

    /**
     * Output specs. The plot carries the fold strategy as the cross-validate node does, so the leakage analysis applies
     * the same rules (groups across folds, preprocessing fitted outside them).
     */
    static Specs specs(TableSpec t, FoldStrategy strategy, String xName, String metric) {
        CrossValidatedSpec plot = new CrossValidatedSpec(DataKind.PLOT, t.lineage(), strategy);
        List<ColumnSpec> cols = new ArrayList<>();
        for (String c : List.of(xName, "train_" + metric, "train_" + metric + "_sd", "cv_" + metric, "cv_" + metric + "_sd")) {
            cols.add(new ColumnSpec(c, ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        return Specs.builder().put("plot", plot).put("scores", new TableSpec(cols, t.lineage())).build();
    }

    /** Training and held-out scores (mean, sd across folds) of one learner: {train mean, train sd, cv mean, cv sd, mean train rows}. */
    static double[] point(Learner l, Table t, CrossValidation.Plan plan, double fraction, String metric, ExecContext ctx) {
        List<CrossValidation.FoldScore> folds = CrossValidation.run(l, t, plan, fraction, true, ctx, f -> { });
        double[] train = folds.stream().mapToDouble(f -> f.train().get(metric)).toArray();
        double[] test = folds.stream().mapToDouble(f -> f.test().get(metric)).toArray();
        double[] tr = CrossValidation.meanSd(train);
        double[] te = CrossValidation.meanSd(test);
        double rows = folds.stream().mapToDouble(f -> f.train().rows()).average().orElse(0);
        return new double[] {tr[0], tr[1], te[0], te[1], rows};
    }

    static Table table(String xName, double[] x, double[][] points, String metric) {
        List<Column> cols = new ArrayList<>();
        cols.add(new NumericColumn(xName, ColumnRole.FEATURE, x));
        String[] names = {"train_" + metric, "train_" + metric + "_sd", "cv_" + metric, "cv_" + metric + "_sd"};
        for (int j = 0; j < 4; j++) {
            double[] v = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                v[i] = points[i][j];
            }
            cols.add(new NumericColumn(names[j], ColumnRole.FEATURE, v));
        }
        return new Table(cols);
    }

    static List<org.anneal.ml.Plot.Series> series(double[] x, double[][] points, boolean logX) {
        List<CurvePlots.Point> train = new ArrayList<>();
        List<CurvePlots.Point> cv = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            train.add(new CurvePlots.Point(x[i], points[i][0], points[i][1]));
            cv.add(new CurvePlots.Point(x[i], points[i][2], points[i][3]));
        }
        return List.of(CurvePlots.series("training score", train, logX), CurvePlots.series("cross-validation score", cv, logX));
    }
}
