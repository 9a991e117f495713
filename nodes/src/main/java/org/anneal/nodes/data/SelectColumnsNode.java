package org.anneal.nodes.data;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnPlan;
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

@NodeType(id = "data.select", title = "Select columns", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Keeps or drops columns by name or by pattern: `comp_*` matches every column starting with \"comp_\", `?` one \
                character. With `keep`, the output has the matched columns in the listed order; with `drop`, every other \
                column in table order. Roles and units travel with the columns. A name or pattern that matches nothing is an \
                error, because it is almost always a typo.""")
public final class SelectColumnsNode implements Node<SelectColumnsNode.Params> {

    public record Params(
            @Param(doc = "Column names or patterns with * and ?", hint = Param.Hint.COLUMNS, required = true) List<String> columns,
            @Param(doc = "Keep the matched columns, or drop them", def = "\"keep\"") Mode mode) {
    }

    public enum Mode { KEEP, DROP }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows whose columns to choose");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows with the chosen columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        List<String> names = chosen(t, p);
        return Specs.of(OUT, t.withColumns(names.stream().map(n -> t.column(n).orElseThrow()).toList())).withPlan(new ColumnPlan(names));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<String> names = in.plan(ColumnPlan.class, this, p, ctx).columns();
        List<Column> cols = names.stream().map(n -> t.column(n).orElseThrow()).toList();
        return Outputs.of(OUT, new Table(cols));
    }

    private static List<String> chosen(TableSpec t, Params p) throws ConfigError {
        if (p.columns().isEmpty()) {
            throw ConfigError.atParam("columns", "No columns are listed.", "List the columns to " + org.anneal.spec.Choices.name(p.mode()) + ", or patterns such as 'comp_*'.");
        }
        List<String> matched = ColumnPatterns.resolve(t, p.columns(), "columns");
        List<String> out = p.mode() == Mode.KEEP ? matched
                : t.columns().stream().map(ColumnSpec::name).filter(n -> !matched.contains(n)).toList();
        if (out.isEmpty()) {
            throw ConfigError.atParam("columns", "Dropping " + matched + " leaves no columns.", "Drop fewer columns, or use 'keep'.");
        }
        return out;
    }
}
