package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
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
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;

@NodeType(id = "prepare.ordinal", title = "Ordinal encode", phase = Phase.PREPARE, role = LeakageRole.FIT,
        doc = """
                Replaces categories that have a natural order (heat-treatment state, quality grade, phase sequence) by their \
                position: 0, 1, 2, ... Give the order under `order`, one entry per column written `column: low < medium < \
                high`; columns without an entry take the categories of the `fit` rows in alphabetical order, which is only \
                meaningful for a tree model. A category the order does not know (a typo, or one that appears only in test \
                rows) is an error naming the row, or becomes a missing value with `unknown = missing`. Feed `state` into an \
                Apply node to encode other rows with the same order.""")
public final class OrdinalNode implements Node<OrdinalNode.Params> {

    public record Params(
            @Param(doc = "Categorical columns to encode; empty = every categorical feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Explicit orders, one per column: 'column: low < medium < high'") List<String> order,
            @Param(doc = "A category not in the order: stop with an error, or make the cell missing", def = "\"error\"") Unknown unknown) {
    }

    /** What a category outside the order becomes. */
    public enum Unknown { ERROR, MISSING }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the categories are learnt from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to encode");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with numbers instead of categories");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class, "The category order per column");

    /** The columns to encode and the orders the 'order' entries give, as configure checked them. */
    record Resolved(List<String> columns, Map<String, List<String>> explicit) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec fit = in.table(FIT);
        TableSpec data = in.table(DATA);
        List<String> cols = columns(fit, p);
        for (String c : cols) {
            if (data.column(c).map(s -> s.type() != ColumnType.CATEGORICAL).orElse(true)) {
                throw ConfigError.atPort(DATA.name(), "The table on 'data' lacks the categorical column '" + c + "'.",
                        "Encode a table with the same columns as the 'fit' rows.");
            }
        }
        List<ColumnSpec> made = cols.stream().map(c -> data.column(c).orElseThrow())
                .map(c -> new ColumnSpec(c.name(), ColumnType.NUMERIC, c.role())).toList();
        TableSpec out = data.withColumns(TransformerSpec.transform(data.columns(), List.of(), byName(made)));
        return Specs.of(OUT, out.withLineage(data.lineage().fittedWith(fit.lineage())), STATE, TransformerSpec.learntFrom(fit.lineage(), cols, List.of(), made)).withPlan(new Resolved(cols, explicitOrders(p)));
    }

    private static Map<String, ColumnSpec> byName(List<ColumnSpec> cols) {
        Map<String, ColumnSpec> m = new LinkedHashMap<>();
        cols.forEach(c -> m.put(c.name(), c));
        return m;
    }

    /** The columns to encode, after checking that every explicit order names one of them. */
    private static List<String> columns(TableSpec t, Params p) throws ConfigError {
        List<String> cols = new ArrayList<>();
        if (p.columns().isEmpty()) {
            t.columns().stream().filter(c -> c.role() == ColumnRole.FEATURE && c.type() == ColumnType.CATEGORICAL).forEach(c -> cols.add(c.name()));
        } else {
            for (String c : p.columns()) {
                if (t.requireColumn(c, "columns").type() != ColumnType.CATEGORICAL) {
                    throw ConfigError.atParam("columns", "Column '" + c + "' already holds numbers.", "Encode only categorical columns.");
                }
                cols.add(c);
            }
        }
        for (String column : explicitOrders(p).keySet()) {
            t.requireColumn(column, "order");
            if (!cols.contains(column)) {
                throw ConfigError.atParam("order", "An order is given for '" + column + "', which is not among the columns to encode.",
                        "Add '" + column + "' to 'columns' (it must hold categories), or remove its entry from 'order'.");
            }
        }
        if (cols.isEmpty()) {
            throw ConfigError.atPort(FIT.name(), "The table has no categorical feature columns to encode.", "Check the data source's column types.");
        }
        return cols;
    }

    /** 'column: a < b < c' entries, parsed; every category listed once. */
    static Map<String, List<String>> explicitOrders(Params p) throws ConfigError {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String entry : p.order()) {
            int colon = entry.lastIndexOf(':');
            String column = colon < 0 ? "" : entry.substring(0, colon).strip();
            List<String> levels = colon < 0 ? List.of() : List.of(entry.substring(colon + 1).split("<")).stream().map(String::strip).toList();
            if (column.isEmpty() || levels.size() < 2 || levels.contains("")) {
                throw ConfigError.atParam("order", "The entry '" + entry + "' is not of the form 'column: low < medium < high'.",
                        "Write the column, a colon, then at least two categories from lowest to highest separated by '<'.");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String l : levels) {
                if (!seen.add(l)) {
                    throw ConfigError.atParam("order", "'" + l + "' appears twice in the order for '" + column + "'.", "List each category once.");
                }
            }
            if (out.put(column, levels) != null) {
                throw ConfigError.atParam("order", "Two orders are given for '" + column + "'.", "Keep one entry per column.");
            }
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        Map<String, List<String>> order = new LinkedHashMap<>();
        Resolved plan = in.plan(Resolved.class, this, p, ctx);
        for (String c : plan.columns()) {
            CategoricalColumn k = (CategoricalColumn) fit.column(c).orElseThrow();
            order.put(c, plan.explicit().containsKey(c) ? plan.explicit().get(c) : seen(k));
        }
        OrdinalEncoding state = new OrdinalEncoding(order, p.unknown() == Unknown.MISSING);
        state.apply(fit); // a fit row outside an explicit order is a typo in the order: report it against the fit rows first
        return Outputs.of(OUT, state.apply(in.get(DATA)), STATE, state);
    }

    private static List<String> seen(CategoricalColumn k) {
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < k.size(); i++) {
            if (k.get(i) != null) {
                s.add(k.get(i));
            }
        }
        return List.copyOf(s);
    }
}
