package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.Column;
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
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "plot.process-map", title = "Process map", phase = Phase.EVALUATE, role = LeakageRole.APPLY, usesSeed = false,
        doc = """
                A response surface over two process parameters (laser power × scan speed, temperature × time): the model \
                predicts every cell of a `steps` × `steps` grid over `xRange` × `yRange`, and three heat maps show its mean, \
                its standard deviation (where the model is unsure, measure next) and the probability that the response lies \
                inside `safeRange` [low, high], P = Φ((high − μ)/σ) − Φ((low − μ)/σ) for a normal prediction (a model without a \
                standard deviation gives 0 or 1). Cells with P ≥ `confidence` are the predicted-safe corridor (no keyhole, no \
                lack of fusion); `safe_fraction` is their share of the map. Any other feature of the model is held at its \
                median over the `data` rows. The `grid` output holds every cell with mean, sd, p_safe and safe (1/0): wire it \
                to optimize.acquire as the candidates.""")
public final class ProcessMapNode implements Node<ProcessMapNode.Params> {

    public record Params(
            @Param(doc = "Feature on the horizontal axis", required = true) String x,
            @Param(doc = "Feature on the vertical axis", required = true) String y,
            @Param(doc = "[low, high] of the horizontal axis", required = true) List<Double> xRange,
            @Param(doc = "[low, high] of the vertical axis", required = true) List<Double> yRange,
            @Param(doc = "Grid points along each axis", def = "30", min = 2, max = 200) int steps,
            @Param(doc = "Allowed range [low, high] of the response; empty = no safe region") List<Double> safeRange,
            @Param(doc = "Probability of lying inside safeRange a safe cell needs", def = "0.9", min = 0.5, max = 0.999) double confidence) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class,
            "A fitted regression model, best one with uncertainty (Gaussian process, bootstrap ensemble)");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class,
            "Rows whose medians fix the model's other features").optional();
    static final OutPort<Plot> MEAN = OutPort.of("mean", DataKind.PLOT, Plot.class, "Heat map of the predicted response");
    static final OutPort<Plot> SD = OutPort.of("sd", DataKind.PLOT, Plot.class, "Heat map of the predictive standard deviation");
    static final OutPort<Plot> SAFE = OutPort.of("safe", DataKind.PLOT, Plot.class, "Heat map of the probability of lying in safeRange");
    static final OutPort<Table> GRID = OutPort.of("grid", DataKind.TABLE, Table.class, "Every grid cell with mean, sd, p_safe and safe");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class, "safe_fraction and max_sd of the map");

    static final List<String> ADDED = List.of("mean", "sd", "p_safe", "safe");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        if (model.task() != Task.REGRESSION) {
            throw ConfigError.atPort(MODEL.name(), "A process map draws a numeric response; this model classifies.", "Fit a regression model.");
        }
        for (String axis : List.of("x", "y")) {
            String name = axis.equals("x") ? p.x() : p.y();
            if (!model.features().contains(name)) {
                throw ConfigError.atParam(axis, "'" + name + "' is not a feature of the model.", "Features: " + String.join(", ", model.features()) + ".");
            }
            List<Double> range = axis.equals("x") ? p.xRange() : p.yRange();
            if (range.size() != 2 || !(range.get(0) < range.get(1))) {
                throw ConfigError.atParam(axis + "Range", axis + "Range must be [low, high] with low below high; it is " + range + ".",
                        "Write two numbers, e.g. [100, 400].");
            }
        }
        if (p.x().equals(p.y())) {
            throw ConfigError.atParam("y", "Both axes show '" + p.x() + "'.", "Choose two different features.");
        }
        if (!p.safeRange().isEmpty() && (p.safeRange().size() != 2 || !(p.safeRange().get(0) <= p.safeRange().get(1)))) {
            throw ConfigError.atParam("safeRange", "safeRange must be [low, high]; it is " + p.safeRange() + ".", "Write two numbers, e.g. [60, 150].");
        }
        List<String> others = others(model.features(), p);
        if (!others.isEmpty()) {
            if (!in.has(DATA)) {
                throw ConfigError.atPort(DATA.name(), "The model also reads " + String.join(", ", others) + ", which the map must hold fixed.",
                        "Wire rows (the training rows) to 'data': the map holds those features at their medians.");
            }
            model.requireFeaturesIn(in.table(DATA), DATA.name());
        }
        List<ColumnSpec> columns = new ArrayList<>();
        for (String f : model.features()) {
            columns.add(new ColumnSpec(f, ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        for (String c : ADDED) {
            if (model.features().contains(c)) {
                throw ConfigError.atPort(MODEL.name(), "The model has a feature named '" + c + "', a column the map adds.", "Rename that feature.");
            }
            columns.add(new ColumnSpec(c, ColumnType.NUMERIC, ColumnRole.PREDICTION));
        }
        var lineage = model.lineage();
        ValueSpec plot = ValueSpec.of(DataKind.PLOT, lineage);
        return Specs.of(Map.of(MEAN.name(), plot, SD.name(), plot, SAFE.name(), plot, GRID.name(), new TableSpec(columns, lineage),
                METRICS.name(), ValueSpec.of(DataKind.METRICS, lineage)));
    }

    private static List<String> others(List<String> features, Params p) {
        return features.stream().filter(f -> !f.equals(p.x()) && !f.equals(p.y())).toList();
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        int s = p.steps();
        double[] xs = axis(p.xRange(), s);
        double[] ys = axis(p.yRange(), s);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String f : model.features()) {
            double fixed = f.equals(p.x()) || f.equals(p.y()) ? 0 : median(in.get(DATA), f);
            cols.put(f, new double[s * s]);
            java.util.Arrays.fill(cols.get(f), fixed);
        }
        // cell (row r, column c): y = ys[s − 1 − r] so that the top row of the heat map is the high end of the axis
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) {
                cols.get(p.x())[r * s + c] = xs[c];
                cols.get(p.y())[r * s + c] = ys[s - 1 - r];
            }
        }
        List<Column> columns = new ArrayList<>();
        cols.forEach((name, v) -> columns.add(new NumericColumn(name, ColumnRole.FEATURE, v)));
        Table grid = new Table(columns);
        double[] mean = model.predict(grid);
        double[] sdOrNull = model.predictionStd(grid);
        double[] sd = sdOrNull == null ? new double[mean.length] : sdOrNull;
        double[] pSafe = new double[mean.length];
        double[] safe = new double[mean.length];
        boolean bounded = p.safeRange().size() == 2;
        for (int i = 0; i < mean.length; i++) {
            pSafe[i] = bounded ? inside(mean[i], sd[i], p.safeRange().get(0), p.safeRange().get(1)) : 1;
            safe[i] = pSafe[i] >= p.confidence() ? 1 : 0;
        }
        Table out = grid.with(num("mean", mean)).with(num("sd", sd)).with(num("p_safe", pSafe)).with(num("safe", safe));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("safe_fraction", java.util.Arrays.stream(safe).average().orElse(0));
        m.put("max_sd", java.util.Arrays.stream(sd).max().orElse(0));
        List<String> xLabels = labels(xs);
        List<String> yLabels = new ArrayList<>(labels(ys));
        java.util.Collections.reverse(yLabels);
        String response = model.target();
        String window = bounded ? " in [" + fmt(p.safeRange().get(0)) + ", " + fmt(p.safeRange().get(1)) + "]" : "";
        return Outputs.builder()
                .put(MEAN, Plot.heatmap("Predicted " + response, p.x(), p.y(), new Plot.Heatmap(yLabels, xLabels, cells(mean, s))))
                .put(SD, Plot.heatmap("Uncertainty of " + response + " (standard deviation)" + (sdOrNull == null ? ": this model gives none" : ""),
                        p.x(), p.y(), new Plot.Heatmap(yLabels, xLabels, cells(sd, s))))
                .put(SAFE, Plot.heatmap("P(" + response + window + "); safe where ≥ " + fmt(p.confidence()), p.x(), p.y(),
                        new Plot.Heatmap(yLabels, xLabels, cells(pSafe, s))))
                .put(GRID, out).put(METRICS, new Metrics(Task.REGRESSION, m, 0)).build();
    }

    /** P(low ≤ Y ≤ high) for Y ~ N(mean, sd²); with sd = 0 whether the mean itself lies inside. */
    static double inside(double mean, double sd, double low, double high) {
        if (!(sd > 0)) {
            return mean >= low && mean <= high ? 1 : 0;
        }
        return Math.max(0, StandardNormal.cdf((high - mean) / sd) - StandardNormal.cdf((low - mean) / sd));
    }

    private static double median(Table data, String feature) {
        double[] v = java.util.Arrays.stream(data.numeric(feature).values()).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            throw new NodeFailure("Column '" + feature + "' of the data rows has no values to take a median of.", "Wire rows with that feature measured.");
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[] axis(List<Double> range, int steps) {
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = range.get(0) + (range.get(1) - range.get(0)) * i / (steps - 1);
        }
        return out;
    }

    private static double[][] cells(double[] v, int s) {
        double[][] out = new double[s][s];
        for (int r = 0; r < s; r++) {
            System.arraycopy(v, r * s, out[r], 0, s);
        }
        return out;
    }

    private static List<String> labels(double[] v) {
        return java.util.Arrays.stream(v).mapToObj(ProcessMapNode::fmt).toList();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static Column num(String name, double[] v) {
        return new NumericColumn(name, ColumnRole.PREDICTION, v);
    }
}
