package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
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
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.monotonicity", title = "Monotonicity check", phase = Phase.EVALUATE, role = LeakageRole.APPLY, usesSeed = false,
        doc = """
                Does the model obey a monotone law in one input — hardness falling with tempering temperature, strength rising \
                with cement? For every `data` row it sweeps `feature` over `points` evenly spaced values from the lowest to \
                the highest value in those rows (widened by `widen` ranges on each side, to look beyond them), keeps the \
                row's other features, and counts the grid steps where the prediction moves against the law by more than \
                `tolerance` (target units). monotone_violations is the share of all steps that do, rows_violating the share \
                of rows whose curve breaks the law at least once; 0 and 0 mean the law holds on the whole grid. The plot \
                draws the curves of the first rows (individual conditional expectation) and their mean. Wire the rows where \
                the law matters most — the rows outside the training range show what a model does where it had no data.""")
public final class MonotonicityNode implements Node<MonotonicityNode.Params> {

    /** Which way the prediction must go as the feature grows. */
    public enum Direction { INCREASING, DECREASING }

    /** Curves drawn in the plot; the rest are counted but not drawn. */
    static final int CURVES_DRAWN = 8;

    public record Params(
            @Param(doc = "The input the law speaks of", required = true, hint = Param.Hint.COLUMN) String feature,
            @Param(doc = "Which way the prediction must go as the feature grows", def = "\"increasing\"") Direction direction,
            @Param(doc = "Grid points along the feature", def = "50", min = 2, max = 1000) int points,
            @Param(doc = "How far beyond the rows' range the grid goes, in ranges on each side", def = "0", min = 0, max = 10) double widen,
            @Param(doc = "A move against the law smaller than this (target units) is not counted", def = "0", min = 0) double tolerance) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted regression model");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows whose other features are kept while the feature sweeps");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "monotone_violations, rows_violating");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The prediction along the feature, row by row");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        ModelOutput.requireFeatures(model, data, DATA.name());
        if (model.task() != Task.REGRESSION) {
            throw ConfigError.atPort(MODEL.name(), "A monotone law speaks of a predicted number; this model classifies.",
                    "Connect a regression model.");
        }
        ModelOutput.requireModelFeature(model, p.feature());
        var lineage = data.lineage().fittedWith(model.lineage());
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, lineage), PLOT, ValueSpec.of(DataKind.PLOT, lineage));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        int n = data.rowCount();
        if (n == 0) {
            throw new NodeFailure("There are no rows to sweep the feature on.", "Connect the rows where the law should hold.");
        }
        ModelOutput out = ModelOutput.of(model, "");
        double[][] x = ModelOutput.features(model, data, DATA.name());
        int f = model.features().indexOf(p.feature());
        double[] grid = grid(x[f], p.points(), p.widen());
        int g = grid.length;
        double[][] cols = new double[x.length][n * g]; // row i's curve is rows i·g .. i·g + g − 1
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < g; k++) {
                    cols[c][i * g + k] = c == f ? grid[k] : x[c][i];
                }
            }
        }
        ctx.checkCancelled();
        double[] y = out.apply(out.table(cols));
        double sign = p.direction() == Direction.INCREASING ? 1 : -1;
        int against = 0;
        int rowsAgainst = 0;
        double[] mean = new double[g];
        for (int i = 0; i < n; i++) {
            boolean broke = false;
            for (int k = 0; k < g; k++) {
                mean[k] += y[i * g + k] / n;
                if (k > 0 && sign * (y[i * g + k] - y[i * g + k - 1]) < -p.tolerance()) {
                    against++;
                    broke = true;
                }
            }
            rowsAgainst += broke ? 1 : 0;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("monotone_violations", against / (double) (n * (g - 1)));
        m.put("rows_violating", rowsAgainst / (double) n);
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < Math.min(n, CURVES_DRAWN); i++) {
            series.add(Plot.Series.of("row " + (i + 1), grid, java.util.Arrays.copyOfRange(y, i * g, (i + 1) * g)));
        }
        series.add(Plot.Series.of("mean over " + n + " rows", grid, mean));
        String law = (p.direction() == Direction.INCREASING ? "increasing" : "decreasing") + " in " + p.feature();
        Plot plot = Plot.of(Plot.Kind.LINE, String.format(java.util.Locale.ROOT, "Is %s %s? %.1f %% of steps go against it", out.describe(), law,
                100 * m.get("monotone_violations")), p.feature(), out.describe(), series, List.of());
        return Outputs.of(METRICS, new Metrics(Task.REGRESSION, m, n), PLOT, plot);
    }

    /** {@code points} values evenly spaced over the range of {@code values}, widened by {@code widen} ranges on each side. */
    static double[] grid(double[] values, int points, double widen) {
        double lo = java.util.Arrays.stream(values).min().orElse(0);
        double hi = java.util.Arrays.stream(values).max().orElse(0);
        double range = hi - lo;
        lo -= widen * range;
        hi += widen * range;
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }
}
