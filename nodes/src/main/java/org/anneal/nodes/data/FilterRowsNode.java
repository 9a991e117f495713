package org.anneal.nodes.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Choice;
import org.anneal.spec.Choices;
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

@NodeType(id = "data.filter", title = "Filter rows", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false, filtersRows = true,
        doc = """
                Keeps the rows whose `column` satisfies a condition: `<`, `<=`, `>`, `>=`, `==`, `!=` against `value`, or `in` \
                / `not-in` a list of `values`. Numeric columns compare numbers; categorical columns allow only `==`, `!=`, \
                `in` and `not-in`. A missing cell satisfies no condition (use `keepMissing` to keep such rows). The rule looks \
                at each row on its own, so it learns nothing; but filter before the split, so that training and test rows \
                follow the same rule (filtering only the test side is reported as leakage rule L10).""")
public final class FilterRowsNode implements Node<FilterRowsNode.Params> {

    public record Params(
            @Param(doc = "Column the condition reads", hint = Param.Hint.COLUMN, required = true) String column,
            @Param(doc = "Comparison", def = "\"<\"") Operator operator,
            @Param(doc = "Value to compare with (for <, <=, >, >=, ==, !=)") String value,
            @Param(doc = "Values for 'in' and 'not-in'") List<String> values,
            @Param(doc = "Keep rows whose cell is missing", def = "false") boolean keepMissing) {
    }

    /** The comparison, stored (and shown in messages) as its symbol or "in" / "not-in". */
    public enum Operator {
        @Choice("<") LT, @Choice("<=") LE, @Choice(">") GT, @Choice(">=") GE, @Choice("==") EQ, @Choice("!=") NE, IN, NOT_IN;

        boolean takesList() {
            return this == IN || this == NOT_IN;
        }

        /** Needs an order, which categories do not have. */
        boolean isOrdering() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        @Override
        public String toString() {
            return Choices.name(this);
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to filter");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows that satisfy the condition");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        check(t.requireColumn(p.column(), "column"), p);
        return Specs.of(OUT, t).withPlan(new ColumnPlan(List.of(p.column())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        // configure checked that the column exists and that the operator and value suit its type
        Column c = t.column(in.plan(ColumnPlan.class, this, p, ctx).columns().get(0)).orElseThrow();
        boolean[] keep = c instanceof NumericColumn n ? numeric(n, p) : categorical((CategoricalColumn) c, p);
        int[] rows = IntStream.range(0, keep.length).filter(i -> keep[i]).toArray();
        if (rows.length == 0 && t.rowCount() > 0) {
            throw new NodeFailure("No row has " + p.column() + " " + p.operator() + " " + describeValue(p) + " (of " + t.rowCount() + " rows).",
                    "Check the value and the operator; the column ranges over " + range(c) + ".");
        }
        return Outputs.of(OUT, t.rows(rows));
    }

    private static void check(ColumnSpec c, Params p) throws ConfigError {
        boolean list = p.operator().takesList();
        if (list && p.values().isEmpty()) {
            throw ConfigError.atParam("values", "'" + p.operator() + "' needs a list of values.", "List the values under 'values'.");
        }
        if (!list && p.value().isEmpty()) {
            throw ConfigError.atParam("value", "'" + p.operator() + "' needs a value to compare with.", "Set 'value'.");
        }
        if (c.isTensor()) {
            throw ConfigError.atParam("column", "Column '" + c.name() + "' holds a tensor per row (" + c.shape().describe() + "), which "
                    + "cannot be compared with a value.", "Filter on a numeric or categorical column.");
        }
        if (!c.isNumeric()) {
            if (p.operator().isOrdering()) {
                throw ConfigError.atParam("operator", "Column '" + c.name() + "' holds categories, which have no order for '" + p.operator() + "'.",
                        "Use ==, !=, in or not-in, or encode the column as numbers first (prepare.ordinal).");
            }
            return;
        }
        for (String v : list ? p.values() : List.of(p.value())) {
            parse(v, c.name(), list ? "values" : "value");
        }
    }

    private static double parse(String v, String column, String param) throws ConfigError {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw ConfigError.atParam(param, "'" + v + "' is not a number, but column '" + column + "' holds numbers.",
                    "Write the value with a '.' as decimal mark, like 7.85.");
        }
    }

    private static boolean[] numeric(NumericColumn c, Params p) {
        double[] v = c.values();
        boolean[] keep = new boolean[v.length];
        double x = p.operator().takesList() ? Double.NaN : Double.parseDouble(p.value().strip());
        double[] set = p.values().stream().mapToDouble(s -> Double.parseDouble(s.strip())).sorted().toArray();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                keep[i] = p.keepMissing();
                continue;
            }
            keep[i] = switch (p.operator()) {
                case LT -> v[i] < x;
                case LE -> v[i] <= x;
                case GT -> v[i] > x;
                case GE -> v[i] >= x;
                case EQ -> v[i] == x;
                case NE -> v[i] != x;
                case IN -> Arrays.binarySearch(set, v[i]) >= 0;
                case NOT_IN -> Arrays.binarySearch(set, v[i]) < 0;
            };
        }
        return keep;
    }

    private static boolean[] categorical(CategoricalColumn c, Params p) {
        Set<String> set = new HashSet<>(p.operator().takesList() ? p.values() : List.of(p.value()));
        boolean negate = p.operator() == Operator.NE || p.operator() == Operator.NOT_IN;
        boolean[] keep = new boolean[c.size()];
        for (int i = 0; i < keep.length; i++) {
            String s = c.get(i);
            keep[i] = s == null ? p.keepMissing() : set.contains(s) != negate;
        }
        return keep;
    }

    private static String describeValue(Params p) {
        return p.operator().takesList() ? p.values().toString() : p.value();
    }

    private static String range(Column c) {
        if (c instanceof NumericColumn n) {
            double[] s = Arrays.stream(n.values()).filter(d -> !Double.isNaN(d)).sorted().toArray();
            return s.length == 0 ? "no values at all" : s[0] + " … " + s[s.length - 1];
        }
        List<String> levels = ((CategoricalColumn) c).levels();
        return "the categories " + levels.subList(0, Math.min(10, levels.size()));
    }
}
