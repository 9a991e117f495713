package org.anneal.nodes.data;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "data.set-target", title = "Set target", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Makes `column` the table's target, the column learners predict. The old target is set aside (role ignore), \
                so it cannot slip in as a feature that gives the answer away. Use it where the data source's target is not \
                the one this model predicts: a generated micrograph table's `phase_mask` as the target of a per-pixel \
                segmentation network, or another measured property of an alloy table. Values are unchanged.""")
public final class SetTargetNode implements Node<SetTargetNode.Params> {

    public record Params(@Param(doc = "The column to predict", hint = Param.Hint.COLUMN, required = true) String column) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows with the new target");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec chosen = t.requireColumn(p.column(), "column");
        if (chosen.role() == ColumnRole.PREDICTION) {
            throw ConfigError.atParam("column", "Column '" + chosen.name() + "' holds a model's predictions; a target is what is measured.",
                    "Choose a measured column.");
        }
        return Specs.of(OUT, t.withColumns(t.columns().stream().map(c -> new ColumnSpec(c.name(), c.type(), role(c.name(), c.role(), p),
                c.unit(), c.shape())).toList()));
    }

    /** The chosen column becomes the target; the old target is set aside; every other role stays. */
    private static ColumnRole role(String name, ColumnRole now, Params p) {
        return name.equals(p.column()) ? ColumnRole.TARGET : now == ColumnRole.TARGET ? ColumnRole.IGNORE : now;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        List<Column> cols = in.get(TABLE).columns().stream().map(c -> role(c.name(), c.role(), p) == c.role() ? c
                : c.withRole(role(c.name(), c.role(), p))).toList();
        return Outputs.of(OUT, new Table(cols));
    }
}
