package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.Choice;
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
import org.anneal.spec.TransformerSpec;

@NodeType(id = "prepare.cast", title = "Change column type", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = """
                Turns categorical columns into numbers or numeric columns into categories. To `numeric`: each category is read \
                as a number (with `decimal` as decimal mark); a cell that is not a number stops the run with its row, column \
                and text, or becomes missing with `invalid = missing`. To `categorical`: each number becomes a category named \
                as the table shows it (sample ids, furnace numbers, crystal-system codes that are labels, not quantities). \
                Role and unit stay. Each cell is converted on its own, so nothing is learnt.""")
public final class CastNode implements Node<CastNode.Params> {

    public record Params(
            @Param(doc = "Columns to convert", hint = Param.Hint.COLUMNS, required = true) List<String> columns,
            @Param(doc = "Type to convert to", def = "\"numeric\"") To to,
            @Param(doc = "Decimal mark when reading numbers", def = "\".\"") Decimal decimal,
            @Param(doc = "A text that is not a number: stop with an error, or make the cell missing", def = "\"error\"") Invalid invalid) {
    }

    public enum To { NUMERIC, CATEGORICAL }

    /** The decimal mark, stored as "." or ",". */
    public enum Decimal { @Choice(".") POINT, @Choice(",") COMMA }

    /** What a text that is not a number becomes. */
    public enum Invalid { ERROR, MISSING }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows whose columns to convert");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with converted columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        Map<String, ColumnSpec> made = new LinkedHashMap<>();
        for (ColumnSpec c : retyped(t, p)) {
            made.put(c.name(), c);
        }
        return Specs.of(OUT, t.withColumns(TransformerSpec.transform(t.columns(), List.of(), made))).withPlan(new ColumnPlan(p.columns()));
    }

    private static List<ColumnSpec> retyped(TableSpec t, Params p) throws ConfigError {
        if (p.columns().isEmpty()) {
            throw ConfigError.atParam("columns", "No columns are listed.", "List the columns to convert to " + org.anneal.spec.Choices.name(p.to()) + ".");
        }
        ColumnType target = p.to() == To.NUMERIC ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        List<ColumnSpec> out = new ArrayList<>();
        for (String name : p.columns()) {
            ColumnSpec c = t.requireColumn(name, "columns");
            if (c.isTensor()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds a tensor per row, which cannot become " + p.to() + ".",
                        "Remove it from 'columns'.");
            }
            if (c.type() == target) {
                throw ConfigError.atParam("columns", "Column '" + name + "' already holds " + (target == ColumnType.NUMERIC ? "numbers" : "categories") + ".",
                        "Remove it from 'columns'.");
            }
            out.add(new ColumnSpec(name, target, c.role(), c.unit()));
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<Column> made = new ArrayList<>();
        for (String name : in.plan(ColumnPlan.class, this, p, ctx).columns()) { // configure checked each can be cast
            Column c = t.column(name).orElseThrow();
            made.add(c instanceof CategoricalColumn k ? toNumeric(k, p) : toCategorical((NumericColumn) c));
        }
        return Outputs.of(OUT, TableEdits.apply(t, List.of(), made));
    }

    private static NumericColumn toNumeric(CategoricalColumn k, Params p) {
        boolean comma = p.decimal() == Decimal.COMMA;
        double[] byCode = new double[k.levels().size()];
        for (int c = 0; c < byCode.length; c++) {
            String s = k.levels().get(c).strip();
            try {
                if (comma && s.indexOf('.') >= 0) {
                    throw new NumberFormatException(s); // with a decimal comma, '.' is a thousands separator: refuse, don't guess
                }
                byCode[c] = Double.parseDouble(comma ? s.replace(',', '.') : s);
            } catch (NumberFormatException e) {
                byCode[c] = Double.NaN;
            }
        }
        double[] v = new double[k.size()];
        for (int i = 0; i < v.length; i++) {
            int code = k.codes()[i];
            v[i] = code < 0 ? Double.NaN : byCode[code];
            if (code >= 0 && Double.isNaN(v[i]) && p.invalid() != Invalid.MISSING) {
                throw new NodeFailure("Row " + (i + 1) + ", column '" + k.name() + "': '" + k.get(i) + "' is not a number.",
                        "Correct the value at its source, set 'invalid' to 'missing' to drop such cells"
                                + (comma ? "" : ", or set 'decimal' to ',' if the column writes 7,85") + ".");
            }
        }
        return new NumericColumn(k.name(), k.role(), v, k.unit());
    }

    private static CategoricalColumn toCategorical(NumericColumn n) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double x : n.values()) {
            if (!Double.isNaN(x)) {
                distinct.add(x == 0 ? 0.0 : x);
            }
        }
        List<String> levels = new ArrayList<>();
        Map<Double, Integer> code = new HashMap<>();
        for (double x : distinct) {
            code.put(x, levels.size());
            levels.add(new NumericColumn("", n.role(), new double[] {x}).text(0));
        }
        int[] codes = new int[n.size()];
        for (int i = 0; i < codes.length; i++) {
            double x = n.get(i);
            codes[i] = Double.isNaN(x) ? -1 : code.get(x == 0 ? 0.0 : x);
        }
        return new CategoricalColumn(n.name(), n.role(), codes, levels, n.unit());
    }
}
