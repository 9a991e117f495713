package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "prepare.drop-missing", title = "Drop missing rows", phase = Phase.PREPARE, role = LeakageRole.STATELESS, filtersRows = true,
        doc = """
                Removes every row that has a missing value in one of the listed columns (all columns when the list is empty). \
                It looks at each row on its own and learns nothing, so it is safe before a split; but dropping rows changes \
                what the model is evaluated on, so say so when you report the score.""")
public final class DropMissingNode implements Node<DropMissingNode.Params> {

    public record Params(
            @Param(doc = "Columns to check; empty = every column", hint = Param.Hint.COLUMNS) List<String> columns) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to filter");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "Rows without missing values in those columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE).requireColumns(p.columns(), "columns");
        return Specs.of(OUT, t);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<Column> checked = p.columns().isEmpty() ? t.columns()
                : p.columns().stream().map(c -> t.column(c).orElseThrow()).toList();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            boolean complete = true;
            for (Column c : checked) {
                if (c.isMissing(i)) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                keep.add(i);
            }
        }
        if (keep.isEmpty() && t.rowCount() > 0) {
            throw new NodeFailure("Every row has a missing value in " + checked.stream().map(Column::name).toList() + ".",
                    "List only the columns you need under 'columns'.");
        }
        return Outputs.of(OUT, t.rows(keep.stream().mapToInt(Integer::intValue).toArray()));
    }
}
