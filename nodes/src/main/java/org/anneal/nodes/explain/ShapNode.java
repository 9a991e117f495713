package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

// APPLY: the node runs the fitted model on rows and reports on the model; it fits nothing whose output reaches a
// score, so the background rows (training rows, as they should be) are no leak.
@NodeType(id = "explain.shap", title = "SHAP values", phase = Phase.EVALUATE, role = LeakageRole.APPLY,
        doc = """
                Splits each prediction into one share per feature (Shapley values): how much knowing that feature's value \
                moves the prediction away from the average prediction E f over the `background` rows. The shares of a row add \
                up exactly to its prediction minus E f. Kernel SHAP (Lundberg & Lee 2017), written for Anneal because no Java \
                library has it: a background of `backgroundRows` rows drawn (seeded) from the background input stands for \
                \"feature unknown\"; with up to 12 features every coalition of features is evaluated and the values are exact, \
                beyond that (or with a smaller `samples` budget) `samples` coalitions are drawn with the Shapley kernel. The \
                cost is rows × coalitions × backgroundRows predictions: lower `rows` or `backgroundRows` for slow models. \
                Features are treated as independent, so strongly correlated features share credit in ways the data may not \
                support. For a classifier the explained output is the probability of `outputClass`. Outputs the explained rows \
                with one `shap_<feature>` column each, the mean absolute SHAP value per feature (a global importance) as a \
                table, a bar chart and metrics.""")
public final class ShapNode implements Node<ShapNode.Params> {

    public record Params(
            @Param(doc = "Background rows drawn (seeded, without replacement) from the background input", def = "30", min = 1, max = 1000) int backgroundRows,
            @Param(doc = "Explain at most this many rows of 'data' (the first ones)", def = "100", min = 1, max = 100000) int rows,
            @Param(doc = "Coalition budget per row: every coalition is evaluated (exact) when there are at most 12 features and 2^features − 2 "
                    + "fit in it, else this many are sampled. Each costs backgroundRows predictions", def = "4096", min = 100, max = 100000) int samples,
            @Param(doc = "For a classifier: the class whose probability is explained; empty = the second class", def = "\"\"") String outputClass) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted model");
    static final InPort<Table> BACKGROUND = InPort.of("background", DataKind.TABLE, Table.class,
            "Reference rows for \"feature unknown\": the training rows");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to explain (e.g. held-out rows)");
    static final OutPort<Table> VALUES = OutPort.of("values", DataKind.TABLE, Table.class,
            "The explained rows with `shap_<feature>`, `shap_base` (E f) and `shap_output` (f(x)) columns");
    static final OutPort<Table> SUMMARY = OutPort.of("summary", DataKind.TABLE, Table.class, "Mean |SHAP| per feature, largest first");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Bar chart of mean |SHAP| per feature");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "`mean_abs_shap[<feature>]` and `expected_value`");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        ModelOutput.requireFeatures(model, in.table(BACKGROUND), BACKGROUND.name());
        ModelOutput.requireFeatures(model, data, DATA.name());
        TableSpec values = data;
        for (String f : model.features()) {
            values = values.plus(new ColumnSpec("shap_" + f, ColumnType.NUMERIC, ColumnRole.IGNORE));
        }
        values = values.plus(new ColumnSpec("shap_base", ColumnType.NUMERIC, ColumnRole.IGNORE))
                .plus(new ColumnSpec("shap_output", ColumnType.NUMERIC, ColumnRole.IGNORE)).withLineage(data.lineage().fittedWith(model.lineage()));
        TableSpec summary = new TableSpec(List.of(new ColumnSpec("feature", ColumnType.CATEGORICAL, ColumnRole.ID),
                new ColumnSpec("mean_abs_shap", ColumnType.NUMERIC, ColumnRole.FEATURE)), values.lineage());
        return Specs.builder().put(VALUES, values).put(SUMMARY, summary).put(PLOT, ValueSpec.of(DataKind.PLOT, values.lineage()))
                .put(METRICS, ValueSpec.of(DataKind.METRICS, values.lineage())).build();
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        Table bgRows = in.get(BACKGROUND);
        if (data.rowCount() == 0 || bgRows.rowCount() == 0) {
            throw new NodeFailure("There are no rows to " + (data.rowCount() == 0 ? "explain." : "use as background."), "Check the wiring and the split.");
        }
        ModelOutput out = ModelOutput.of(model, p.outputClass());
        int[] pick = sample(bgRows.rowCount(), p.backgroundRows(), ctx.seed());
        double[][] background = ModelOutput.features(model, bgRows.rows(pick), BACKGROUND.name());
        KernelShap shap = new KernelShap(cols -> out.apply(out.table(cols)), background, p.samples(), ctx.seed(), ctx::checkCancelled);
        int n = Math.min(p.rows(), data.rowCount());
        Table explained = data.rows(java.util.stream.IntStream.range(0, n).toArray());
        double[][] x = ModelOutput.features(model, explained, DATA.name());
        List<String> features = model.features();
        int m = features.size();
        double[][] phi = new double[m][n];
        double[] output = new double[n];
        for (int i = 0; i < n; i++) {
            ctx.checkCancelled();
            double[] row = new double[m];
            for (int j = 0; j < m; j++) {
                row[j] = x[j][i];
            }
            double[] v = shap.explain(row);
            double sum = shap.expected();
            for (int j = 0; j < m; j++) {
                phi[j][i] = v[j];
                sum += v[j];
            }
            output[i] = sum;
            ctx.progress((i + 1.0) / n);
        }
        Table values = explained;
        for (int j = 0; j < m; j++) {
            values = values.with(new NumericColumn("shap_" + features.get(j), ColumnRole.IGNORE, phi[j]));
        }
        double[] base = new double[n];
        java.util.Arrays.fill(base, shap.expected());
        values = values.with(new NumericColumn("shap_base", ColumnRole.IGNORE, base)).with(new NumericColumn("shap_output", ColumnRole.IGNORE, output));
        return summarise(values, features, phi, shap.expected(), out, model);
    }

    private static Outputs summarise(Table values, List<String> features, double[][] phi, double expected, ModelOutput out, TrainedModel model) {
        int m = features.size();
        double[] meanAbs = new double[m];
        for (int j = 0; j < m; j++) {
            for (double v : phi[j]) {
                meanAbs[j] += Math.abs(v);
            }
            meanAbs[j] /= phi[j].length;
        }
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(meanAbs[b], meanAbs[a]));
        List<String> names = new ArrayList<>();
        double[] sorted = new double[m];
        int[] codes = new int[m];
        double[] x = new double[m];
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put("expected_value", expected);
        for (int k = 0; k < m; k++) {
            names.add(features.get(order[k]));
            sorted[k] = meanAbs[order[k]];
            codes[k] = k;
            x[k] = k;
            metrics.put("mean_abs_shap[" + features.get(order[k]) + "]", sorted[k]);
        }
        Table summary = new Table(List.of(new CategoricalColumn("feature", ColumnRole.ID, codes, names),
                new NumericColumn("mean_abs_shap", ColumnRole.FEATURE, sorted)));
        Plot plot = Plot.of(Plot.Kind.BAR, "Mean |SHAP| on " + out.describe() + " (" + phi[0].length + " rows)", "feature",
                "mean |SHAP value|", List.of(new Plot.Series("mean |SHAP|", x, sorted, null, null, names)), List.of());
        return Outputs.builder().put(VALUES, values).put(SUMMARY, summary).put(PLOT, plot)
                .put(METRICS, new Metrics(model.task(), metrics, phi[0].length)).build();
    }

    /** k of n indices without replacement, seeded (partial Fisher–Yates), in ascending order for stable tables. */
    static int[] sample(int n, int k, long seed) {
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        if (k >= n) {
            return idx;
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(idx, k);
        java.util.Arrays.sort(out);
        return out;
    }
}
