package org.anneal.nodes.nn;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Network;
import org.anneal.nn.PretrainedLayer;
import org.anneal.nn.Shape;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;

@NodeType(id = "nn.pretrained", title = "Pretrained micrograph network", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Starts a network from Anneal's own pretrained convolutional layers instead of random ones (transfer learning), \
                in place of nn.input. The layers — conv 16 (3×3, relu) → max-pool 2×2 → conv 32 (3×3, relu) → max-pool 2×2 → \
                global average pool, 4,800 weights — learnt to tell processing routes apart on 360 generated grey micrographs \
                (32×32 pixels at 2 µm, seed 2026; not the teaching examples' data); they turn a grey image of any size from \
                10×10 pixels into 32 numbers. Add a head (nn.dense, then model.network's output layer) and train as usual. \
                `freeze` keeps the first layers' weights fixed (a feature extractor: fast, needs few images); 0 fine-tunes \
                every layer from the pretrained start. The weights ship inside Anneal with their recipe, seed, accuracy and \
                SHA-256; nothing is downloaded and no model file from a workflow's folder is ever read. Like nn.input it reads \
                only the table's schema, never its rows.""")
public final class PretrainedNode implements Node<PretrainedNode.Params> {

    public record Params(
            @Param(doc = "Grey image column (one channel); empty = the table's one image feature", def = "\"\"", hint = Param.Hint.COLUMN)
            String column,
            @Param(doc = "Pretrained layers kept fixed, from the input side (0 = fine-tune all, 5 = all frozen)", def = "5", min = 0, max = 5)
            int freeze) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class,
            "A table with a grey image column (only its schema is used)");
    static final OutPort<Network> NETWORK = OutPort.of("network", DataKind.NETWORK, Network.class,
            "The pretrained layers, ending in a vector of 32: add a head after it");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = imageColumn(t, p.column());
        int[] d = image.shape().dims();
        NetworkSpec spec = NetworkSpec.input(List.of(image.name()), List.of(d[0], d[1], 1), t.target().orElse(null));
        for (LayerDef l : PretrainedWeights.BACKBONE) {
            spec = Network.append(spec, ctx.nodeId(), l);
        }
        return Specs.of(NETWORK, spec);
    }

    static ColumnSpec imageColumn(TableSpec t, String name) throws ConfigError {
        ColumnSpec c;
        if (name.isEmpty()) {
            List<ColumnSpec> images = t.features().stream().filter(x -> x.isTensor() && x.shape().rank() == 3).toList();
            if (images.size() != 1) {
                throw ConfigError.atPort(TABLE.name(), "The table has " + images.size() + " image feature columns; the pretrained "
                        + "network reads one.", images.isEmpty() ? "Feed it a table of images (data.images, data.generate-micrographs)."
                        : "Name one in 'column'.");
            }
            c = images.get(0);
        } else {
            c = t.requireColumn(name, "column");
        }
        String where = name.isEmpty() ? null : "column";
        if (!c.isTensor() || c.shape().rank() != 3) {
            throw located(where, "Column '" + c.name() + "' holds " + (c.isTensor() ? c.shape().describe() : "one value per row")
                    + "; the pretrained network reads images.", "Choose an image column.");
        }
        int[] d = c.shape().dims();
        if (d[2] != 1) {
            throw located(where, "Column '" + c.name() + "' has " + d[2] + " channels; the pretrained network learnt on grey images.",
                    "Convert the images to grey first.");
        }
        if (d[0] < PretrainedWeights.MIN_SIDE || d[1] < PretrainedWeights.MIN_SIDE) {
            throw located(where, "Images of " + d[0] + "×" + d[1] + " pixels are too small: its convolutions and pooling need at least "
                    + PretrainedWeights.MIN_SIDE + "×" + PretrainedWeights.MIN_SIDE + ".", "Use larger images or tiles.");
        }
        if (t.target().map(g -> g.name().equals(c.name())).orElse(false)) {
            throw located(where, "Column '" + c.name() + "' is the target.", "Choose a feature column.");
        }
        return c;
    }

    private static ConfigError located(String param, String message, String fix) {
        return param == null ? ConfigError.atPort(TABLE.name(), message, fix) : ConfigError.atParam(param, message, fix);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE); // only its spec is read
        ColumnSpec image = imageColumn(t.spec(Lineage.UNSPLIT), p.column());
        int[] d = image.shape().dims();
        float[][] weights = PretrainedWeights.load();
        List<LayerDef> layers = new ArrayList<>();
        for (int i = 0; i < PretrainedWeights.BACKBONE.size(); i++) {
            layers.add(new PretrainedLayer(PretrainedWeights.BACKBONE.get(i), weights[i], i < p.freeze()));
        }
        String target = t.target().map(Column::name).orElse("");
        Task task = t.target().map(c -> c.spec().isNumeric() ? Task.REGRESSION : Task.CLASSIFICATION).orElse(null);
        return Outputs.of(NETWORK, new Network(List.of(image.name()), Shape.image(d[0], d[1], 1), target, task, layers));
    }
}
