package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.dl4j.InputGradients;
import org.anneal.spec.Axis;
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
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;

@NodeType(id = "explain.saliency", title = "Saliency (input gradients)", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        usesDevice = true, usesSeed = false,
        doc = """
                Which inputs does a trained neural network's output react to? Backpropagates the output — the prediction of a \
                regression network, the probability of `outputClass` (empty: each row's predicted class) of a classifier — to \
                the input and reports the size of the gradient: how much the output changes per unit change of each feature or \
                pixel, at each explained row (a saliency map, Simonyan et al. 2014). Computed as the network predicts: \
                dropout off, batch normalisation with its running statistics. For a network on table columns the output is one \
                row per feature, largest mean |gradient| first (standardize the features first, or the units decide the \
                ranking); for a network on an image, spectrum or signal column it is the explained rows with a `saliency` \
                tensor column beside the input — |gradient| per value, for images the largest over the channels, one map per \
                image. A gradient is local: it says what would move the output a little from here, not what the network learnt \
                overall. Only for model.network models.""")
public final class SaliencyNode implements Node<SaliencyNode.Params> {

    public record Params(
            @Param(doc = "Explain at most this many rows of 'data' (the first ones)", def = "100", min = 1, max = 100000) int rows,
            @Param(doc = "For a classifier: the class whose probability is explained; empty = each row's predicted class", def = "\"\"")
            String outputClass) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted neural network");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to explain (e.g. held-out rows)");
    static final OutPort<Table> SALIENCY = OutPort.of("saliency", DataKind.TABLE, Table.class,
            "Table inputs: feature, mean |gradient| and mean gradient, largest first. Tensor inputs: the explained rows with a "
                    + "`saliency` map each");

    /** The column names of the feature summary. */
    static final String FEATURE = "feature";
    static final String MEAN_ABS = "saliency";
    static final String MEAN = "gradient";

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        requireClassFits(model, p.outputClass());
        List<ColumnSpec> tensors = inputColumns(model, data);
        var lineage = data.lineage().fittedWith(model.lineage());
        if (tensors.isEmpty()) {
            return Specs.of(SALIENCY, new TableSpec(List.of(new ColumnSpec(FEATURE, ColumnType.CATEGORICAL, ColumnRole.ID),
                    new ColumnSpec(MEAN_ABS, ColumnType.NUMERIC, ColumnRole.FEATURE),
                    new ColumnSpec(MEAN, ColumnType.NUMERIC, ColumnRole.FEATURE)), lineage));
        }
        TableSpec out = data.plus(ColumnSpec.tensor(MEAN_ABS, ColumnRole.IGNORE, mapShape(tensors.get(0).shape()), ""));
        if (model.task() == Task.CLASSIFICATION) {
            out = out.plus(new ColumnSpec("explained_class", ColumnType.CATEGORICAL, ColumnRole.IGNORE));
        }
        return Specs.of(SALIENCY, out.withLineage(lineage));
    }

    /** A class named for a regression network is a located error on {@code outputClass}. */
    static void requireClassFits(ModelSpec model, String outputClass) throws ConfigError {
        if (model.task() == Task.REGRESSION && !outputClass.isEmpty()) {
            throw ConfigError.atParam("outputClass", "The model predicts a number (regression); it has no class '" + outputClass + "'.",
                    "Leave 'outputClass' empty.");
        }
    }

    /** The tensor columns among the network's inputs in {@code data}; a located error when one is missing or holds categories. */
    static List<ColumnSpec> inputColumns(ModelSpec model, TableSpec data) throws ConfigError {
        List<ColumnSpec> tensors = new ArrayList<>();
        for (String f : model.features()) {
            ColumnSpec c = data.column(f).orElseThrow(() -> ConfigError.atPort(DATA.name(), "The 'data' rows lack the column '" + f
                    + "' the network reads.", "Prepare these rows the same way as the training rows (apply the same transforms)."));
            if (c.isCategorical()) {
                throw ConfigError.atPort(DATA.name(), "Column '" + f + "' holds categories; the network read numbers there.",
                        "Prepare these rows the same way as the training rows.");
            }
            if (c.isTensor()) {
                tensors.add(c);
            }
        }
        return tensors;
    }

    /** An image's map has one channel (the largest |gradient| over its channels); other tensors keep their shape. */
    static Shape mapShape(Shape input) {
        if (input.rank() != 3) {
            return input;
        }
        return Shape.of(input.axis(0), input.axis(1), Axis.of("channel", 1));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        InputGradients.requireChain(model);
        int n = Math.min(p.rows(), data.rowCount());
        if (n == 0) {
            throw new NodeFailure("There are no rows to explain.", "Check the wiring and the split.");
        }
        Table explained = data.rows(IntStream.range(0, n).toArray());
        int[] unit = units(model, explained, p.outputClass());
        float[][] g = InputGradients.of(model, explained, unit, ctx);
        ctx.progress(1);
        if (explained.column(model.features().get(0)).orElseThrow() instanceof TensorColumn input) {
            Table out = explained.with(maps(input, g));
            if (model.task() == Task.CLASSIFICATION) {
                out = out.with(new CategoricalColumn("explained_class", ColumnRole.IGNORE, unit, model.classes()));
            }
            return Outputs.of(SALIENCY, out);
        }
        return Outputs.of(SALIENCY, summary(model.features(), g));
    }

    /** The output unit explained at each row: 0 for regression, the named class, or the class the model predicts there. */
    static int[] units(TrainedModel model, Table rows, String outputClass) {
        int n = rows.rowCount();
        if (model.task() == Task.REGRESSION) {
            return new int[n];
        }
        if (!outputClass.isEmpty()) {
            int c = model.classes().indexOf(outputClass);
            if (c < 0) {
                throw new NodeFailure("The model knows no class '" + outputClass + "' (parameter 'outputClass').",
                        "Pick one of " + model.classes() + ", or leave it empty for each row's predicted class.");
            }
            int[] all = new int[n];
            java.util.Arrays.fill(all, c);
            return all;
        }
        double[] predicted = model.predict(rows);
        return java.util.Arrays.stream(predicted).mapToInt(v -> (int) v).toArray();
    }

    private static TensorColumn maps(TensorColumn input, float[][] g) {
        Shape shape = mapShape(input.shape());
        int channels = input.shape().rank() == 3 ? input.shape().dims()[2] : 1;
        int size = shape.size();
        float[] v = new float[g.length * size];
        for (int r = 0; r < g.length; r++) {
            for (int i = 0; i < size; i++) {
                float m = 0;
                for (int c = 0; c < channels; c++) {
                    m = Math.max(m, Math.abs(g[r][i * channels + c]));
                }
                v[r * size + i] = m;
            }
        }
        return new TensorColumn(MEAN_ABS, ColumnRole.IGNORE, shape, v, new boolean[g.length], "");
    }

    private static Table summary(List<String> features, float[][] g) {
        int m = features.size();
        double[] meanAbs = new double[m];
        double[] mean = new double[m];
        for (float[] row : g) {
            for (int j = 0; j < m; j++) {
                meanAbs[j] += Math.abs(row[j]) / g.length;
                mean[j] += row[j] / (double) g.length;
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(meanAbs[b], meanAbs[a]));
        List<String> names = new ArrayList<>();
        double[] a = new double[m];
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            names.add(features.get(order[i]));
            a[i] = meanAbs[order[i]];
            s[i] = mean[order[i]];
        }
        return new Table(List.of(new CategoricalColumn(FEATURE, ColumnRole.ID, IntStream.range(0, m).toArray(), names),
                new NumericColumn(MEAN_ABS, ColumnRole.FEATURE, a), new NumericColumn(MEAN, ColumnRole.FEATURE, s)));
    }
}
