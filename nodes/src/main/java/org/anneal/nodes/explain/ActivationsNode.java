package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.dl4j.NetworkProbe;
import org.anneal.nn.dl4j.NetworkWeights;
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
import org.anneal.spec.NetworkSpec;
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

@NodeType(id = "explain.activations", title = "Activations and filters", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        usesDevice = true, usesSeed = false,
        doc = """
                What each layer of a trained network makes of one sample. `view: layers` runs row `row` (0-based) of `data` \
                through the network as it predicts (dropout off) and gives one row per layer block, in order (a flatten block \
                only reshapes and has none; the output head is the prediction): the block id, its kind and output shape, the \
                mean output and the share of outputs above zero (a ReLU layer where that share is 0 has died for this \
                sample), a `map` picture — a convolution's channels side by side, one small image each, so you see which \
                filters fire where; a sequence as time down and channels across; a dense layer's neurons in a square block — \
                and the output itself as a `values` vector (padded with zeros to the longest layer; `size` says how many are \
                real). `view: filters` shows the first convolution's learnt kernels as small images, one row per filter \
                (edge and blob detectors after training, noise before); `data` is then not read. Only for model.network models \
                wired straight from train.fit.""")
public final class ActivationsNode implements Node<ActivationsNode.Params> {

    /** What to show. */
    public enum View {
        /** Every layer's output for one sample. */
        LAYERS,
        /** The first convolution's filters. */
        FILTERS
    }

    public record Params(
            @Param(doc = "layers: every layer's output for one sample; filters: the first convolution's kernels", def = "\"layers\"") View view,
            @Param(doc = "The sample: row of 'data' (0 = the first)", def = "0", min = 0, max = 10000000) int row) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted neural network");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to pick the sample from (e.g. held-out rows)");
    static final OutPort<Table> OUT = OutPort.of("activations", DataKind.TABLE, Table.class,
            "layers: one row per layer with its output as a picture and as a vector; filters: one row per filter, as an image");

    /** What configure resolved for the layers view: each DL4J layer's block, kind and output shape, and the common sizes. */
    record Plan(List<NetworkSpec.Layer> layers, int canvasRows, int canvasCols, int longest) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        NetworkSpec net = NetworkLayers.of(model, MODEL.name());
        var lineage = data.lineage().fittedWith(model.lineage());
        if (p.view() == View.FILTERS) {
            if (net.layers().stream().noneMatch(NetworkLayers::isConvolution)) {
                throw ConfigError.atParam("view", "This network has no convolution, so it has no filters to show.",
                        "Use view 'layers', or explain.weights for a dense layer's weights.");
            }
            TableSpec filters = new TableSpec(List.of(new ColumnSpec("filter", ColumnType.CATEGORICAL, ColumnRole.ID)), model.lineage());
            return Specs.of(OUT, filters).withRunTimeColumns(OUT, Specs.RunTimeColumns.APPENDED); // the kernel's shape is the trained layer's
        }
        SaliencyNode.inputColumns(model, data);
        List<NetworkSpec.Layer> layers = net.layers().stream().filter(NetworkLayers::isDl4jLayer).toList();
        if (layers.isEmpty()) {
            throw ConfigError.atPort(MODEL.name(), "This network has no layers before its output head, so there is nothing inside to show.",
                    "Add layer blocks (nn.dense, nn.conv2d) between nn.input and model.network.");
        }
        int rows = 0;
        int cols = 0;
        int longest = 0;
        for (NetworkSpec.Layer l : layers) {
            int[] s = ActivationGrid.size(l.outputShape());
            rows = Math.max(rows, s[0]);
            cols = Math.max(cols, s[1]);
            longest = Math.max(longest, l.outputShape().stream().reduce(1, (a, b) -> a * b));
        }
        TableSpec out = new TableSpec(List.of(new ColumnSpec("layer", ColumnType.CATEGORICAL, ColumnRole.ID),
                new ColumnSpec("kind", ColumnType.CATEGORICAL, ColumnRole.IGNORE),
                new ColumnSpec("shape", ColumnType.CATEGORICAL, ColumnRole.IGNORE),
                new ColumnSpec("size", ColumnType.NUMERIC, ColumnRole.IGNORE),
                new ColumnSpec("mean", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("active", ColumnType.NUMERIC, ColumnRole.FEATURE),
                ColumnSpec.tensor("map", ColumnRole.IGNORE, Shape.image(rows, cols, 1), ""),
                ColumnSpec.tensor("values", ColumnRole.IGNORE, Shape.spectrum(Axis.of("value", longest)), "")), lineage);
        return Specs.of(OUT, out).withPlan(new Plan(layers, rows, cols, longest));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        if (p.view() == View.FILTERS) {
            return Outputs.of(OUT, filters(model, ctx));
        }
        Plan plan = in.plan(Plan.class, this, p, ctx);
        Table data = in.get(DATA);
        if (p.row() >= data.rowCount()) {
            throw new NodeFailure("'data' has " + data.rowCount() + " rows, so there is no row " + p.row() + " (parameter 'row').",
                    "Choose 'row' below " + data.rowCount() + " (rows count from 0).");
        }
        List<NetworkProbe.LayerOutput> outs = NetworkProbe.activations(model, data.rows(new int[] {p.row()}), ctx);
        List<NetworkSpec.Layer> layers = plan.layers();
        if (outs.size() != layers.size() + 1) {
            throw new IllegalStateException("configure saw " + layers.size() + " layers and a head, DL4J ran " + outs.size());
        }
        int n = layers.size();
        double[] size = new double[n];
        double[] mean = new double[n];
        double[] active = new double[n];
        float[] maps = new float[n * plan.canvasRows() * plan.canvasCols()];
        float[] values = new float[n * plan.longest()];
        for (int l = 0; l < n; l++) {
            float[] v = outs.get(l).perRow()[0];
            size[l] = v.length;
            for (float x : v) {
                mean[l] += x / (double) v.length;
                active[l] += x > 0 ? 1.0 / v.length : 0;
            }
            float[] map = ActivationGrid.draw(outs.get(l).shape(), v, plan.canvasRows(), plan.canvasCols());
            System.arraycopy(map, 0, maps, l * map.length, map.length);
            System.arraycopy(v, 0, values, l * plan.longest(), v.length);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(categories("layer", ColumnRole.ID, layers.stream().map(NetworkSpec.Layer::node).toList()));
        cols.add(categories("kind", ColumnRole.IGNORE, layers.stream().map(NetworkSpec.Layer::kind).toList()));
        cols.add(categories("shape", ColumnRole.IGNORE, outs.subList(0, n).stream().map(o -> NetworkSpec.shapeText(o.shape())).toList()));
        cols.add(new NumericColumn("size", ColumnRole.IGNORE, size));
        cols.add(new NumericColumn("mean", ColumnRole.FEATURE, mean));
        cols.add(new NumericColumn("active", ColumnRole.FEATURE, active));
        cols.add(new TensorColumn("map", ColumnRole.IGNORE, Shape.image(plan.canvasRows(), plan.canvasCols(), 1), maps, new boolean[n], ""));
        cols.add(new TensorColumn("values", ColumnRole.IGNORE, Shape.spectrum(Axis.of("value", plan.longest())), values, new boolean[n], ""));
        return Outputs.of(OUT, new Table(cols));
    }

    /** A categorical column of one value per row (values may repeat: two dense layers, a pretrained block's layers). */
    private static CategoricalColumn categories(String name, ColumnRole role, List<String> perRow) {
        List<String> levels = perRow.stream().distinct().toList();
        return new CategoricalColumn(name, role, perRow.stream().mapToInt(levels::indexOf).toArray(), levels);
    }

    /** The first convolution's filters, one row each, as explain.weights shows that layer. */
    private static Table filters(TrainedModel model, ExecContext ctx) {
        NetworkWeights.Weights w = NetworkWeights.of(model, 1, ctx);
        for (int k = 2; !w.kind().startsWith("conv") && k <= w.layers(); k++) {
            w = NetworkWeights.of(model, k, ctx);
        }
        int units = w.perUnit().length;
        List<String> names = IntStream.range(0, units).mapToObj(i -> "filter " + (i + 1)).toList();
        return new Table(List.of(new CategoricalColumn("filter", ColumnRole.ID, IntStream.range(0, units).toArray(), names),
                WeightsNode.weightsColumn(w)));
    }
}
