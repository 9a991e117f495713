package org.anneal.nodes.nn;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.nn.Network;
import org.anneal.nn.Shape;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "nn.input", title = "Network input", phase = Phase.MODEL, role = LeakageRole.STATELESS,
        doc = """
                Starts a network: which columns of a table feed it, and so the shape of its input. Reads only the table's \
                *schema* (column names, types, roles, shapes and the target), never its rows, so wiring it to any table — even \
                the test side of a split — fits nothing and leaks nothing; the network learns only at Fit. It reads numeric \
                columns (one sample a vector) or one tensor column: an image [height, width, channels] for nn.conv2d, a signal \
                window [time, channels] for nn.conv1d and nn.lstm, a spectrum as a vector. With `columns` empty it takes \
                every numeric feature column, or the one tensor feature when there are no numeric ones. The table's target \
                decides the output head at model.network: a numeric target gives a regression network, a categorical one a \
                classifier.""")
public final class InputNode implements Node<InputNode.Params> {

    public record Params(@Param(doc = "Numeric columns, or one tensor column (image, signal, spectrum), that feed the network; "
            + "empty = every numeric feature", def = "[]", hint = Param.Hint.COLUMNS) List<String> columns) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class,
            "A table whose columns the network will read (only its schema is used)");
    static final OutPort<Network> NETWORK = OutPort.of("network", DataKind.NETWORK, Network.class,
            "A network with no layers yet: wire layer blocks after it");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        List<ColumnSpec> chosen = p.columns().isEmpty() ? everyFeature(t) : named(t, p.columns());
        List<String> names = chosen.stream().map(ColumnSpec::name).toList();
        ColumnSpec first = chosen.get(0);
        List<Integer> shape = first.isTensor() ? sampleShape(first) : List.of(names.size());
        return Specs.of(NETWORK, NetworkSpec.input(names, shape, t.target().orElse(null)));
    }

    /** Every numeric feature; else the one tensor feature. */
    private static List<ColumnSpec> everyFeature(TableSpec t) throws ConfigError {
        List<ColumnSpec> numeric = t.features().stream().filter(ColumnSpec::isNumeric).toList();
        if (!numeric.isEmpty()) {
            return numeric;
        }
        List<ColumnSpec> tensors = t.features().stream().filter(ColumnSpec::isTensor).toList();
        if (tensors.size() == 1) {
            return tensors;
        }
        throw ConfigError.atPort(TABLE.name(), tensors.isEmpty() ? "The table has no numeric or tensor feature columns to feed a network."
                        : "The table has " + tensors.size() + " tensor features and no numeric ones; a network reads one tensor column.",
                tensors.isEmpty() ? "Check the column roles at the data source, or encode categories as numbers first (prepare.one-hot)."
                        : "Name the one to read in 'columns'.");
    }

    private static List<ColumnSpec> named(TableSpec t, List<String> names) throws ConfigError {
        List<ColumnSpec> out = new ArrayList<>();
        for (String name : names) {
            ColumnSpec c = t.requireColumn(name, "columns");
            if (c.isCategorical()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds categories; a network reads numbers.",
                        "Encode it first (prepare.one-hot), or leave it out.");
            }
            if (t.target().map(g -> g.name().equals(name)).orElse(false)) {
                throw ConfigError.atParam("columns", "Column '" + name + "' is the target: the network would be shown the answer.",
                        "Leave the target out of the input columns.");
            }
            if (c.isTensor() && names.size() > 1) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds tensors (" + c.shape().describe() + " per row); a network "
                        + "reads one tensor column alone, or numeric columns.", "Keep only '" + name + "' in 'columns', or leave it out.");
            }
            out.add(c);
        }
        return out;
    }

    /** One row's tensor as a network sample: [n] a vector, [time, channels] a sequence, [h, w, c] an image. */
    private static List<Integer> sampleShape(ColumnSpec c) throws ConfigError {
        int[] dims = c.shape().dims();
        if (dims.length < 1 || dims.length > 3) {
            throw ConfigError.atParam("columns", "Column '" + c.name() + "' holds tensors of " + dims.length + " axes; a network reads "
                    + "vectors, sequences [time, channels] or images [height, width, channels].", "Reshape or choose another column.");
        }
        return java.util.Arrays.stream(dims).boxed().toList();
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE); // only its spec is read
        NetworkSpec spec = (NetworkSpec) configure(Specs.builder().put(TABLE.name(), t.spec(org.anneal.spec.Lineage.UNSPLIT)).build(), p, ctx)
                .get(NETWORK.name());
        String target = t.target().map(Column::name).orElse("");
        Task task = spec.target() == null ? null : spec.target().isNumeric() ? Task.REGRESSION
                : spec.target().isTensor() ? Task.SEGMENTATION : Task.CLASSIFICATION; // a mask target: a class per pixel
        return Outputs.of(NETWORK, new Network(spec.inputColumns(), new Shape(spec.inputShape()), target, task, List.of()));
    }
}
