package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
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
import org.anneal.nodes.evaluate.Predictions;

@NodeType(id = "plot.calibration", title = "Calibration (intervals or probabilities)", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Are the model's uncertainties honest? For each nominal level q (0.1, 0.2 … 0.9, 0.95, 0.99) takes the central \
                normal interval prediction ± z·sd that should hold a fraction q of the true values, and plots the fraction \
                that actually falls inside. On the line y = x the intervals are calibrated; below it the model is \
                over-confident (intervals too narrow), above it too cautious. Needs the `<prediction>_sd` column of a model \
                with a predictive standard deviation (Gaussian process); use held-out rows. For a classifier (a categorical \
                target) it draws the reliability diagram instead, from the `p_<class>` probability columns: rows binned by \
                P(second class) (with two classes) or by their largest probability (with more), each bin's mean probability \
                against the share that turned out so; the table adds each bin's rows, and the title the expected calibration \
                error (ECE) and Brier score. Below the line the model is over-confident. evaluate.recalibrate repairs that.""")
public final class CalibrationPlotNode implements Node<CalibrationPlotNode.Params> {
    /** The nominal levels; fixed so that plots of different models compare point by point. */
    public static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    public record Params(@Param(doc = "Prediction column; its standard deviation is `<prediction>_sd`", def = "\"prediction\"",
            hint = Param.Hint.COLUMN) String prediction) {
    }

    static final InPort<Table> PREDICTIONS = InPort.of("predictions", DataKind.PREDICTIONS, Table.class,
            "Rows with the true target, a prediction and its standard deviation");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Observed against nominal coverage");
    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "Nominal level and observed coverage per level");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(PREDICTIONS);
        if (t.requireTarget(PREDICTIONS.name()).type() == ColumnType.CATEGORICAL) {
            TableSpec bins = new TableSpec(List.of(new ColumnSpec("confidence", ColumnType.NUMERIC, ColumnRole.FEATURE),
                    new ColumnSpec("observed", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("rows", ColumnType.NUMERIC, ColumnRole.FEATURE)),
                    t.lineage());
            return Specs.of(PLOT, PlotSpecs.plot(t), TABLE, bins);
        }
        PlotSpecs.truthAndPrediction(t, PREDICTIONS.name(), p.prediction(), ColumnType.NUMERIC);
        TableSpec table = new TableSpec(List.of(new ColumnSpec("nominal", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("observed", ColumnType.NUMERIC, ColumnRole.FEATURE)), t.lineage());
        return Specs.of(PLOT, PlotSpecs.plot(t), TABLE, table);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(PREDICTIONS);
        if (t.target().orElseThrow() instanceof CategoricalColumn truth) {
            return reliability(t, truth);
        }
        String sdColumn = p.prediction() + Predictions.SD_SUFFIX;
        if (t.column(sdColumn).isEmpty()) {
            throw new NodeFailure("The predictions have no standard deviation column '" + sdColumn + "'.",
                    "Use a model that knows its uncertainty (model.gaussian-process) and score it with evaluate.predict or evaluate.regression.");
        }
        double[] observed = coverage(PlotSpecs.complete(t, t.target().orElseThrow().name()), PlotSpecs.complete(t, p.prediction()),
                PlotSpecs.complete(t, sdColumn));
        Plot plot = Plot.of(Plot.Kind.LINE, "Interval calibration (" + t.rowCount() + " rows)", "nominal coverage", "observed coverage",
                List.of(Plot.Series.of("observed", LEVELS, observed)), List.of(Plot.Guide.identity()));
        Table table = new Table(List.of(new NumericColumn("nominal", ColumnRole.FEATURE, LEVELS.clone()),
                new NumericColumn("observed", ColumnRole.FEATURE, observed)));
        return Outputs.of(PLOT, plot, TABLE, table);
    }

    /** Fraction of rows with |truth − prediction| ≤ z(q)·sd, per nominal level q. */
    static double[] coverage(double[] truth, double[] pred, double[] sd) {
        double[] out = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) {
            double z = Normal.halfWidth(LEVELS[k]);
            int inside = 0;
            for (int i = 0; i < truth.length; i++) {
                inside += Math.abs(truth[i] - pred[i]) <= z * sd[i] ? 1 : 0;
            }
            out[k] = inside / (double) truth.length;
        }
        return out;
    }

    /** The reliability diagram of a classifier's probability columns (ten equal-width bins). */
    private static Outputs reliability(Table t, CategoricalColumn truth) {
        List<String> classes = truth.levels();
        double[][] prob = new double[t.rowCount()][classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            String name = Predictions.probabilityColumn(classes.get(c));
            if (t.column(name).isEmpty()) {
                throw new NodeFailure("The predictions have no probability column '" + name + "' for class '" + classes.get(c) + "'.",
                        "Score a classifier that gives probabilities (model.logistic, model.random-forest, model.gaussian-process-classifier) "
                                + "with evaluate.predict, evaluate.classification or evaluate.recalibrate.");
            }
            double[] col = PlotSpecs.complete(t, name);
            for (int i = 0; i < col.length; i++) {
                prob[i][c] = col[i];
            }
        }
        int[] codes = new int[t.rowCount()];
        for (int i = 0; i < codes.length; i++) {
            if (truth.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no true class.", "Drop rows without a class before scoring.");
            }
            codes[i] = truth.codes()[i];
        }
        Reliability r = Reliability.of(prob, codes, 10);
        String[] axes = Reliability.axes(classes);
        Plot plot = Plot.of(Plot.Kind.LINE, String.format(java.util.Locale.ROOT, "Reliability (%d rows, ECE %.3f, Brier %.3f)", t.rowCount(), r.ece(),
                r.brier()), axes[0], axes[1], List.of(r.series("observed")), List.of(Plot.Guide.identity()));
        Table table = new Table(List.of(new NumericColumn("confidence", ColumnRole.FEATURE, r.confidence()),
                new NumericColumn("observed", ColumnRole.FEATURE, r.observed()), new NumericColumn("rows", ColumnRole.FEATURE, r.rows())));
        return Outputs.of(PLOT, plot, TABLE, table);
    }
}
