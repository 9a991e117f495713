package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.TensorColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
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
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "explain.weights", title = "Network weights", phase = Phase.EVALUATE, role = LeakageRole.STATELESS, usesDevice = true,
        usesSeed = false, doc = """
                What a trained network learnt, read straight from one layer: `layer` 1 is the first layer with weights \
                (pooling, dropout and flatten have none; the output head is the last). The heat map has one row per neuron \
                or filter and one column per input it reads (a table column's name for the first dense layer, a kernel \
                position for a convolution): red and blue cells are the inputs a neuron weighs up and down, and a column \
                that stays pale is an input the network ignores. The `weights` table has one row per neuron or filter and its \
                weights as a tensor: a first-layer convolution's filters are small images (edge and blob detectors after \
                training, noise before), shown in the image viewer; a dense neuron's weights are a profile over its inputs. \
                Reads only the model, never rows.""")
public final class WeightsNode implements Node<WeightsNode.Params> {

    public record Params(
            @Param(doc = "Which layer with weights: 1 = the first, counting dense, convolution and LSTM layers and the output head",
                    def = "1", min = 1, max = 1000) int layer) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted neural network");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Heat map: one row per neuron or filter, one column per input");
    static final OutPort<Table> WEIGHTS = OutPort.of("weights", DataKind.TABLE, Table.class,
            "One row per neuron or filter: its name and its weights as a tensor (filters as images)");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        if (!model.gradientTrained()) {
            throw ConfigError.atPort(MODEL.name(), "Weights can be shown for a neural network; this model is not trained by gradient steps.",
                    "Wire the model of a Fit node whose learner comes from model.network, or use explain.coefficients.");
        }
        TableSpec table = new TableSpec(List.of(new ColumnSpec("unit", ColumnType.CATEGORICAL, ColumnRole.ID)), model.lineage());
        return Specs.of(PLOT, ValueSpec.of(DataKind.PLOT, model.lineage()), WEIGHTS, table)
                .withRunTimeColumns(WEIGHTS, Specs.RunTimeColumns.APPENDED); // the tensor's shape is the trained layer's
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        NetworkWeights.Weights w = NetworkWeights.of(model, p.layer(), ctx);
        int units = w.perUnit().length;
        boolean filters = w.unitShape().length > 1;
        String unitName = filters ? "filter" : "neuron";
        List<String> names = IntStream.range(0, units).mapToObj(i -> unitName + " " + (i + 1)).toList();
        List<String> inputs = inputNames(model, w);
        double[][] cells = new double[units][];
        for (int u = 0; u < units; u++) {
            float[] unit = w.perUnit()[u];
            cells[u] = IntStream.range(0, unit.length).mapToDouble(i -> unit[i]).toArray();
        }
        String title = "Weights of layer " + w.layer() + " of " + w.layers() + " (" + w.kind() + ", " + units + " " + unitName + "s)";
        Plot plot = Plot.heatmap(title, "input", unitName, new Plot.Heatmap(names, inputs, cells));
        Table table = new Table(List.of(new CategoricalColumn("unit", ColumnRole.ID, IntStream.range(0, units).toArray(), names),
                weightsColumn(w)));
        return Outputs.of(PLOT, plot, WEIGHTS, table);
    }

    /** Every unit's weights as one tensor per row: filters as images, a dense neuron's weights as a profile. */
    static TensorColumn weightsColumn(NetworkWeights.Weights w) {
        int units = w.perUnit().length;
        int each = w.perUnit()[0].length;
        float[] flat = new float[units * each];
        for (int u = 0; u < units; u++) {
            System.arraycopy(w.perUnit()[u], 0, flat, u * each, each);
        }
        return new TensorColumn("weights", ColumnRole.IGNORE, shape(w.unitShape()), flat, new boolean[units], "");
    }

    /** A dense layer reading the table's columns is labelled with their names; other inputs by position. */
    private static List<String> inputNames(TrainedModel model, NetworkWeights.Weights w) {
        int[] s = w.unitShape();
        if (s.length == 1 && w.layer() == 1 && model.features().size() == s[0]) {
            return model.features();
        }
        List<String> out = new ArrayList<>();
        if (s.length == 3) {
            for (int y = 0; y < s[0]; y++) {
                for (int x = 0; x < s[1]; x++) {
                    for (int c = 0; c < s[2]; c++) {
                        out.add("(" + (y + 1) + "," + (x + 1) + (s[2] > 1 ? ") ch " + (c + 1) : ")"));
                    }
                }
            }
            return out;
        }
        if (s.length == 2) {
            for (int t = 0; t < s[0]; t++) {
                for (int c = 0; c < s[1]; c++) {
                    out.add("step " + (t + 1) + " ch " + (c + 1));
                }
            }
            return out;
        }
        return IntStream.range(0, s[0]).mapToObj(i -> "in " + (i + 1)).toList();
    }

    private static Shape shape(int[] s) {
        return switch (s.length) {
            case 3 -> Shape.image(s[0], s[1], s[2]);
            case 2 -> Shape.signal(Axis.of("step", s[0]), s[1]);
            default -> Shape.spectrum(Axis.of("input", s[0]));
        };
    }
}
