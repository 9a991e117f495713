package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
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
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Partition;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.conformal", title = "Conformal intervals", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Prediction intervals with guaranteed coverage for any regressor (split conformal prediction): fits the learner \
                on the `train` rows, takes the absolute residuals |y − ŷ| on the `calibration` rows (or on a seeded share of \
                the training rows held back from the fit, when `calibration` is not wired), and uses their ⌈(n+1)·coverage⌉-th \
                smallest value q as the half-width: ŷ ± q. If calibration and test rows are exchangeable (drawn alike), the \
                interval holds the truth with probability at least `coverage` (and below coverage + 1/(n+1)), whatever the \
                model: a poor model gets wide intervals, not wrong ones. The guarantee is on average over rows, not for each \
                row: the width is the same everywhere. Reports on the `test` rows the empirical `coverage`, the `mean_width`, \
                and, for a model with its own standard deviation (Gaussian process, bootstrap ensemble), the coverage and \
                width of its normal intervals at the same level (`model_coverage`, `model_mean_width`), side by side in the \
                predictions table. The plot draws observed against nominal coverage over levels 0.1 … 0.99 for both. Method \
                `cv-plus` (CV+, Barber et al. 2021) fits k models without one fold each and builds each row's interval from \
                the out-of-fold residuals of all training rows and the predictions of the models that did not see them: no \
                rows spent on calibration, widths that vary by row, guaranteed coverage 1 − 2α (about 1 − α in practice); it \
                takes no `calibration` rows.""")
public final class ConformalNode implements Node<ConformalNode.Params> {
    static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    /** Split: one fit, a calibration set. CV+: k fits, every training row calibrates out of fold. */
    public enum Method { SPLIT, CV_PLUS }

    public record Params(
            @Param(doc = "Target coverage of the intervals (1 − α)", def = "0.9", min = 0.5, max = 0.999) double coverage,
            @Param(doc = "Share of the training rows held back for calibration when `calibration` is not wired (split)", def = "0.25",
                    min = 0.05, max = 0.9) double calibrationShare,
            @Param(doc = "split (one fit, a calibration set) or cv-plus (k fits, out-of-fold residuals of all training rows)",
                    def = "\"split\"") Method method,
            @Param(doc = "Number of folds for cv-plus", def = "5", min = 2, max = 100) int folds) {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "Any regression learner");
    static final InPort<Table> TRAIN = InPort.of("train", DataKind.TABLE, Table.class, "Rows to fit the learner on").fitting();
    static final InPort<Table> CALIBRATION = InPort.of("calibration", DataKind.TABLE, Table.class,
            "Rows whose residuals set the interval width; never the test rows").fitting().optional();
    static final InPort<Table> TEST = InPort.of("test", DataKind.TABLE, Table.class, "Held-out rows to check the coverage on, with the target");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "target_coverage, coverage, mean_width, calibration_rows (and the model's own interval when it has one)");
    static final OutPort<Table> PREDICTIONS = OutPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "The test rows with prediction, prediction_low and prediction_high");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Observed against nominal coverage");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (in.learner(LEARNER).task() != Task.REGRESSION) {
            throw ConfigError.atPort(LEARNER.name(), "Conformal intervals here are for regressors; this learner classifies.",
                    "Connect a regression learner (model.ridge, model.random-forest, model.gaussian-process, …).");
        }
        TableSpec train = in.table(TRAIN);
        TableSpec test = in.table(TEST);
        requireNumericTarget(train, TRAIN.name());
        requireNumericTarget(test, TEST.name());
        train.requireScalarFeatures(TRAIN.name());
        Partition testSide = test.lineage().partition();
        List<Partition> used = new ArrayList<>(List.of(train.lineage().partition()));
        if (in.has(CALIBRATION) && p.method() == Method.CV_PLUS) {
            throw ConfigError.atPort(CALIBRATION.name(), "CV+ calibrates on the training rows' out-of-fold residuals and takes no calibration rows.",
                    "Remove the wire to 'calibration', or choose the split method.");
        }
        if (in.has(CALIBRATION)) {
            requireNumericTarget(in.table(CALIBRATION), CALIBRATION.name());
            used.add(in.table(CALIBRATION).lineage().partition());
        }
        if (testSide.side() == Partition.Side.ALL || used.contains(testSide)) {
            throw ConfigError.atPort(TEST.name(), "The test rows are not held apart from the rows that fit or calibrate the intervals ("
                    + testSide + "), so the coverage reported would be optimistic.",
                    "Split the data first and connect 'test' to a side that neither 'train' nor 'calibration' comes from.");
        }
        for (ColumnSpec f : train.features()) {
            if (test.column(f.name()).isEmpty()) {
                throw ConfigError.atPort(TEST.name(), "The test rows lack the feature '" + f.name() + "'.", "Prepare them like the training rows.");
            }
        }
        Lineage fitted = Lineage.learntFrom(train.lineage());
        TableSpec preds = test.plus(new ColumnSpec("prediction", ColumnType.NUMERIC, ColumnRole.PREDICTION))
                .plus(new ColumnSpec("prediction_low", ColumnType.NUMERIC, ColumnRole.PREDICTION))
                .plus(new ColumnSpec("prediction_high", ColumnType.NUMERIC, ColumnRole.PREDICTION))
                .withLineage(test.lineage().fittedWith(fitted));
        ValueSpec metrics = ValueSpec.of(DataKind.METRICS, test.lineage().fittedWith(fitted));
        ValueSpec plot = ValueSpec.of(DataKind.PLOT, test.lineage().fittedWith(fitted));
        // a model with its own sd adds prediction_sd, model_low and model_high; only the fitted model knows
        return Specs.of(METRICS, metrics, PREDICTIONS, preds, PLOT, plot).withRunTimeColumns(PREDICTIONS, Specs.RunTimeColumns.APPENDED);
    }

    private static void requireNumericTarget(TableSpec t, String port) throws ConfigError {
        ColumnSpec target = t.requireTarget(port);
        if (target.type() != ColumnType.NUMERIC) {
            throw ConfigError.atPort(port, "The target '" + target.name() + "' holds categories; conformal intervals need a numeric target.",
                    "Choose a numeric target at the data source.");
        }
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table train = in.get(TRAIN);
        Table test = in.get(TEST);
        String target = train.target().map(Column::name).orElseThrow();
        List<String> features = train.features().stream().map(Column::name).toList();
        if (test.rowCount() == 0) {
            throw new NodeFailure("There are no test rows to check the coverage on.", "Check the split and filters upstream.");
        }
        double[] truth = test.numeric(target).values();
        TrainedModel model;
        double[] pred;
        double[] low;
        double[] high;
        double[] curve;
        int calibrationRows;
        if (p.method() == Method.CV_PLUS) {
            CvPlus cv = CvPlus.fit(in.get(LEARNER), train, features, target, p.folds(), ctx.seed(), test, ctx);
            model = in.get(LEARNER).fit(train, features, target, ctx);
            pred = model.predict(test);
            low = cv.low(p.coverage());
            high = cv.high(p.coverage());
            curve = cv.calibrationCurve(truth, LEVELS);
            calibrationRows = train.rowCount();
            requireFinite(high[0] - low[0], calibrationRows, p.coverage());
        } else {
            Table calibration = in.get(CALIBRATION);
            if (calibration == null) {
                Table[] parts = holdBack(train, p.calibrationShare(), ctx.seed());
                train = parts[0];
                calibration = parts[1];
            }
            model = in.get(LEARNER).fit(train, features, target, ctx);
            double[] scores = residuals(calibration.numeric(target).values(), model.predict(calibration));
            double q = SplitConformal.halfWidth(scores, p.coverage());
            requireFinite(q, scores.length, p.coverage());
            pred = model.predict(test);
            low = new double[pred.length];
            high = new double[pred.length];
            for (int i = 0; i < pred.length; i++) {
                low[i] = pred[i] - q;
                high[i] = pred[i] + q;
            }
            curve = SplitConformal.calibrationCurve(scores, truth, pred, LEVELS);
            calibrationRows = scores.length;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("target_coverage", p.coverage());
        m.put("coverage", SplitConformal.coverage(truth, low, high));
        double width = 0;
        for (int i = 0; i < low.length; i++) {
            width += (high[i] - low[i]) / low.length;
        }
        m.put("mean_width", width);
        m.put("calibration_rows", (double) calibrationRows);
        Table out = test.with(new NumericColumn("prediction", ColumnRole.PREDICTION, pred))
                .with(new NumericColumn("prediction_low", ColumnRole.PREDICTION, low))
                .with(new NumericColumn("prediction_high", ColumnRole.PREDICTION, high));
        List<Plot.Series> series = new ArrayList<>();
        series.add(Plot.Series.of(p.method() == Method.CV_PLUS ? "CV+" : "split conformal", LEVELS, curve));
        double[] sd = model.predictionStd(test);
        if (sd != null) {
            out = withModelInterval(out, m, truth, pred, sd, p.coverage());
            series.add(Plot.Series.of("model's own sd", LEVELS, SplitConformal.normalCurve(truth, pred, sd, LEVELS)));
        }
        Plot plot = Plot.of(Plot.Kind.LINE, "Interval coverage, " + test.rowCount() + " test rows (" + model.describe() + ")",
                "nominal coverage", "observed coverage", series, List.of(Plot.Guide.identity()));
        return Outputs.of(METRICS, new Metrics(Task.REGRESSION, m, test.rowCount()), PREDICTIONS, out, PLOT, plot);
    }

    private static void requireFinite(double width, int rows, double coverage) {
        if (Double.isInfinite(width)) {
            throw new NodeFailure(rows + " calibration rows are too few for " + coverage + " coverage: at least "
                    + SplitConformal.rowsNeeded(coverage) + " are needed.", "Calibrate on more rows (raise calibrationShare) or ask for less coverage.");
        }
    }

    private static Table withModelInterval(Table out, Map<String, Double> m, double[] truth, double[] pred, double[] sd, double coverage) {
        double z = StandardNormal.halfWidth(coverage);
        double[] low = new double[pred.length];
        double[] high = new double[pred.length];
        double width = 0;
        for (int i = 0; i < pred.length; i++) {
            low[i] = pred[i] - z * sd[i];
            high[i] = pred[i] + z * sd[i];
            width += 2 * z * sd[i] / pred.length;
        }
        m.put("model_coverage", SplitConformal.coverage(truth, low, high));
        m.put("model_mean_width", width);
        return out.with(new NumericColumn("prediction_sd", ColumnRole.PREDICTION, sd))
                .with(new NumericColumn("model_low", ColumnRole.PREDICTION, low))
                .with(new NumericColumn("model_high", ColumnRole.PREDICTION, high));
    }

    static double[] residuals(double[] truth, double[] pred) {
        double[] r = new double[truth.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(truth[i] - pred[i]);
        }
        return r;
    }

    /** A seeded random share of the rows held back: {fit rows, calibration rows}. */
    static Table[] holdBack(Table t, double share, long seed) {
        int n = t.rowCount();
        int nCal = (int) Math.round(n * share);
        if (nCal < 1 || nCal >= n) {
            throw new NodeFailure(n + " training rows cannot spare a calibration share of " + share + ".",
                    "Use more rows, or wire separate calibration rows.");
        }
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] cal = java.util.Arrays.copyOfRange(order, 0, nCal);
        int[] fit = java.util.Arrays.copyOfRange(order, nCal, n);
        java.util.Arrays.sort(cal);
        java.util.Arrays.sort(fit);
        return new Table[] {t.rows(fit), t.rows(cal)};
    }
}
