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
        doc = "Starts a network: which columns of a table feed it, and so the size of its input. Reads only the table's "
                + "*schema* (column names, types, roles and the target), never its rows, so wiring it to any table — even the "
                + "test side of a split — fits nothing and leaks nothing; the network learns only at Fit. With `columns` "
                + "empty it takes every numeric feature column. The table's target decides the output head at "
                + "model.network: a numeric target gives a regression network, a categorical one a classifier.")
public final class InputNode implements Node<InputNode.Params> {

    public record Params(@Param(doc = "Numeric columns that feed the network; empty = every numeric feature", def = "[]",
            hint = Param.Hint.COLUMNS) List<String> columns) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class,
            "A table whose columns the network will read (only its schema is used)");
    static final OutPort<Network> NETWORK = OutPort.of("network", DataKind.NETWORK, Network.class,
            "A network with no layers yet: wire layer blocks after it");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        List<String> columns = new ArrayList<>();
        if (p.columns().isEmpty()) {
            t.features().stream().filter(ColumnSpec::isNumeric).forEach(c -> columns.add(c.name()));
            if (columns.isEmpty()) {
                throw ConfigError.atPort(TABLE.name(), "The table has no numeric feature columns to feed a network.",
                        "Check the column roles at the data source, or encode categories as numbers first (prepare.one-hot).");
            }
        } else {
            for (String name : p.columns()) {
                ColumnSpec c = t.requireColumn(name, "columns");
                if (!c.isNumeric()) {
                    throw ConfigError.atParam("columns", "Column '" + name + "' holds categories; a network reads numbers.",
                            "Encode it first (prepare.one-hot), or leave it out.");
                }
                if (t.target().map(g -> g.name().equals(name)).orElse(false)) {
                    throw ConfigError.atParam("columns", "Column '" + name + "' is the target: the network would be shown the answer.",
                            "Leave the target out of the input columns.");
                }
                columns.add(name);
            }
        }
        return Specs.of(NETWORK, NetworkSpec.input(columns, List.of(columns.size()), t.target().orElse(null)));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE); // only its spec is read
        NetworkSpec spec = (NetworkSpec) configure(Specs.builder().put(TABLE.name(), t.spec(org.anneal.spec.Lineage.UNSPLIT)).build(), p, ctx)
                .get(NETWORK.name());
        String target = t.target().map(Column::name).orElse("");
        Task task = spec.target() == null ? null : spec.target().isNumeric() ? Task.REGRESSION : Task.CLASSIFICATION;
        return Outputs.of(NETWORK, new Network(spec.inputColumns(), new Shape(spec.inputShape()), target, task, List.of()));
    }
}
