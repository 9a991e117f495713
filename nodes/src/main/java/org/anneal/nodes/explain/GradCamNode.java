package org.anneal.nodes.explain;

import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.dl4j.NetworkProbe;
import org.anneal.nodes.image.ImagesNode;
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
import org.anneal.spec.Task;

@NodeType(id = "explain.grad-cam", title = "Grad-CAM (where a CNN looked)", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        usesDevice = true, usesSeed = false,
        doc = """
                Where in an image (or along a spectrum or signal) did a trained CNN find the evidence for its answer? Grad-CAM \
                (Selvaraju et al., 2017) takes the convolution block named in `layer` (its block id; empty = the last \
                convolution), differentiates the score of the explained class (before softmax; for regression the predicted \
                value) with respect to that block's output channels, averages each channel's gradient over the positions into \
                one weight, and keeps the positive part of the channels' weighted sum, stretched (bilinearly) to the input's \
                size. Bright regions of the `gradcam` column, beside the input for an overlay, are where the chosen class's \
                evidence lies. A late convolution gives coarse maps of whole objects; an early one fine maps of edges. \
                Computed as the network predicts (dropout off). Explains `rows` rows from row `from` (0-based) of `data`: \
                `from` = k with `rows` = 1 is one chosen sample. Naming a block that is not in this network, or one that is \
                no convolution, is an error on `layer`. Only for model.network models wired straight from train.fit.""")
public final class GradCamNode implements Node<GradCamNode.Params> {

    public record Params(
            @Param(doc = "The convolution block to explain at (its id on the canvas); empty = the network's last convolution", def = "\"\"")
            String layer,
            @Param(doc = "First row of 'data' to explain (0 = the first)", def = "0", min = 0, max = 10000000) int from,
            @Param(doc = "How many rows to explain from there", def = "16", min = 1, max = 100000) int rows,
            @Param(doc = "For a classifier: the class whose evidence is mapped; empty = each row's predicted class", def = "\"\"")
            String outputClass) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted convolutional network");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to explain (e.g. held-out images)");
    static final OutPort<Table> MAPS = OutPort.of("maps", DataKind.TABLE, Table.class,
            "The explained rows with a `gradcam` map each, the input's size with one channel");

    static final String MAP = "gradcam";

    /** What configure resolved: DL4J's index of the chosen convolution. */
    record Plan(int layerIndex) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        NetworkSpec net = NetworkLayers.of(model, MODEL.name());
        int index = NetworkLayers.convolution(net, p.layer(), "layer");
        SaliencyNode.requireClassFits(model, p.outputClass());
        List<ColumnSpec> tensors = SaliencyNode.inputColumns(model, data);
        if (tensors.isEmpty()) {
            throw ConfigError.atPort(MODEL.name(), "This network reads table columns, which have no positions to map.",
                    "Use explain.saliency for a network on table columns.");
        }
        TableSpec out = data.plus(ColumnSpec.tensor(MAP, ColumnRole.IGNORE, mapShape(tensors.get(0).shape()), ""));
        if (model.task() == Task.CLASSIFICATION) {
            out = out.plus(new ColumnSpec("explained_class", ColumnType.CATEGORICAL, ColumnRole.IGNORE));
        }
        return Specs.of(MAPS, out.withLineage(data.lineage().fittedWith(model.lineage()))).withPlan(new Plan(index));
    }

    /** The input's positions with one channel: [height, width, 1] for an image, [time, 1] for a signal. */
    static Shape mapShape(Shape input) {
        return switch (input.rank()) {
            case 3 -> Shape.of(input.axis(0), input.axis(1), Axis.of("channel", 1));
            case 2 -> Shape.of(input.axis(0), Axis.of("channel", 1));
            default -> input;
        };
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        int layer = in.plan(Plan.class, this, p, ctx).layerIndex();
        if (p.from() >= data.rowCount()) {
            throw new NodeFailure("'data' has " + data.rowCount() + " rows, so there is no row " + p.from() + " to start from (parameter 'from').",
                    "Choose 'from' below " + data.rowCount() + " (rows count from 0).");
        }
        int n = Math.min(p.rows(), data.rowCount() - p.from());
        Table explained = data.rows(IntStream.range(p.from(), p.from() + n).toArray());
        int[] unit = SaliencyNode.units(model, explained, p.outputClass());
        NetworkProbe.Cam cam = NetworkProbe.gradCam(model, explained, layer, unit, ctx);
        ctx.progress(1);
        TensorColumn input = (TensorColumn) explained.column(model.features().get(0)).orElseThrow();
        Shape shape = mapShape(input.shape());
        // a signal's map is an image one pixel high; both are stretched with pixel centres aligned
        int[] from = cam.dims().length == 2 ? cam.dims() : new int[] {1, cam.dims()[0]};
        int[] to = input.shape().rank() == 3 ? new int[] {shape.dims()[0], shape.dims()[1]} : new int[] {1, shape.dims()[0]};
        float[] maps = new float[n * shape.size()];
        for (int r = 0; r < n; r++) {
            float[] m = ImagesNode.resize(cam.perRow()[r], from[1], from[0], 1, to[1], to[0]);
            System.arraycopy(m, 0, maps, r * m.length, m.length);
        }
        Table out = explained.with(new TensorColumn(MAP, ColumnRole.IGNORE, shape, maps, new boolean[n], ""));
        if (model.task() == Task.CLASSIFICATION) {
            out = out.with(new CategoricalColumn("explained_class", ColumnRole.IGNORE, unit, model.classes()));
        }
        return Outputs.of(MAPS, out);
    }
}
