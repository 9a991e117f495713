package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
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
import org.anneal.spec.ValueSpec;

@NodeType(id = "explain.partial-dependence", title = "Partial dependence", phase = Phase.EVALUATE, role = LeakageRole.APPLY,
        doc = """
                How does the prediction change with one feature, on average? Sets `feature` to each of `points` values evenly \
                spaced between its `lower` and `upper` quantiles in the `data` rows (usually the training rows), keeps every \
                other feature as it is in each row, and averages the model's output over the rows (Friedman 2001). A linear \
                model gives a straight line whose slope is the feature's coefficient; a flat line means the model ignores the \
                feature (on average: effects that cancel out between rows hide here). For a classifier the output is the \
                probability of `outputClass`.""")
public final class PartialDependenceNode implements Node<PartialDependenceNode.Params> {

    public record Params(
            @Param(doc = "The feature to vary", required = true, hint = Param.Hint.COLUMN) String feature,
            @Param(doc = "Grid points", def = "20", min = 2, max = 500) int points,
            @Param(doc = "Quantile of the feature where the grid starts", def = "0.05", min = 0, max = 0.5) double lower,
            @Param(doc = "Quantile of the feature where the grid ends", def = "0.95", min = 0.5, max = 1) double upper,
            @Param(doc = "For a classifier: the class whose probability is shown; empty = the second class", def = "\"\"") String outputClass) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted model");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to average over (usually the training rows)");
    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "Grid value of the feature and the mean output there");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Partial dependence curve");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        ModelOutput.requireFeatures(model, data, DATA.name());
        ModelOutput.requireModelFeature(model, p.feature());
        if (p.lower() >= p.upper()) {
            throw ConfigError.atParam("lower", "The grid needs lower < upper quantile.", "Try 0.05 and 0.95.");
        }
        var lineage = data.lineage().fittedWith(model.lineage());
        return Specs.of(TABLE, new TableSpec(List.of(new ColumnSpec(p.feature(), ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("partial_dependence", ColumnType.NUMERIC, ColumnRole.FEATURE)), lineage), PLOT, ValueSpec.of(DataKind.PLOT, lineage));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        if (data.rowCount() == 0) {
            throw new NodeFailure("There are no rows to average over.", "Connect the training rows.");
        }
        ModelOutput out = ModelOutput.of(model, p.outputClass());
        double[][] x = ModelOutput.features(model, data, DATA.name());
        int f = model.features().indexOf(p.feature());
        double[] grid = grid(x[f], p.points(), p.lower(), p.upper());
        double[] pd = new double[grid.length];
        int n = data.rowCount();
        for (int g = 0; g < grid.length; g++) {
            ctx.checkCancelled();
            double[][] cols = x.clone();
            double[] fixed = new double[n];
            java.util.Arrays.fill(fixed, grid[g]);
            cols[f] = fixed;
            double sum = 0;
            for (double v : out.apply(out.table(cols))) {
                sum += v;
            }
            pd[g] = sum / n;
            ctx.progress((g + 1.0) / grid.length);
        }
        Table table = new Table(List.of(new NumericColumn(p.feature(), ColumnRole.FEATURE, grid), new NumericColumn("partial_dependence", ColumnRole.FEATURE, pd)));
        Plot plot = Plot.of(Plot.Kind.LINE, "Partial dependence of " + out.describe() + " on " + p.feature(), p.feature(), "mean " + out.describe(),
                List.of(Plot.Series.of("partial dependence (" + n + " rows)", grid, pd)), List.of());
        return Outputs.of(TABLE, table, PLOT, plot);
    }

    /** {@code points} values evenly spaced between two quantiles (linear interpolation, like numpy's default). */
    static double[] grid(double[] values, int points, double lower, double upper) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        double lo = quantile(s, lower);
        double hi = quantile(s, upper);
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
