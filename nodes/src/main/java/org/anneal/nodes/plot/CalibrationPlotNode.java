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

@NodeType(id = "plot.calibration", title = "Interval calibration", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Are the model's uncertainties honest? For each nominal level q (0.1, 0.2 … 0.9, 0.95, 0.99) takes the central \
                normal interval prediction ± z·sd that should hold a fraction q of the true values, and plots the fraction \
                that actually falls inside. On the line y = x the intervals are calibrated; below it the model is \
                over-confident (intervals too narrow), above it too cautious. Needs the `<prediction>_sd` column of a model \
                with a predictive standard deviation (Gaussian process); use held-out rows.""")
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
        PlotSpecs.truthAndPrediction(t, PREDICTIONS.name(), p.prediction(), ColumnType.NUMERIC);
        TableSpec table = new TableSpec(List.of(new ColumnSpec("nominal", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("observed", ColumnType.NUMERIC, ColumnRole.FEATURE)), t.lineage());
        return Specs.of(PLOT, PlotSpecs.plot(t), TABLE, table);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(PREDICTIONS);
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
}
