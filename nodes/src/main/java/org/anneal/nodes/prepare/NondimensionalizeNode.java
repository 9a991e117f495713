package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
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

@NodeType(id = "prepare.nondim", title = "Non-dimensionalise", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = """
                Divides columns by a reference column of the same row or by a constant: test temperature by melting point \
                gives the homologous temperature T/T_m, stress by yield strength a stress ratio. Physics often generalises \
                across materials in such ratios where raw values do not. Each row is divided by its own reference, so nothing \
                is learnt and the node is safe anywhere. When both columns carry units they must match (°C over K is refused: \
                a homologous temperature needs absolute temperatures). The results are named `column/reference` (or keep their \
                name with `replace`) and carry no unit. A zero reference is an error naming the row; a missing one gives a \
                missing result.""")
public final class NondimensionalizeNode implements Node<NondimensionalizeNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to divide", hint = Param.Hint.COLUMNS, required = true) List<String> columns,
            @Param(doc = "Column to divide by; empty = divide by 'constant'", hint = Param.Hint.COLUMN) String reference,
            @Param(doc = "Constant to divide by when no reference column is given", def = "1") double constant,
            @Param(doc = "Overwrite the columns instead of adding 'column/reference' columns", def = "false") boolean replace) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with the columns and the reference");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the ratios");

    /** The ratio columns configure checked and named, for execute. */
    record Made(List<ColumnSpec> columns) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        java.util.Map<String, ColumnSpec> made = new java.util.LinkedHashMap<>();
        List<ColumnSpec> columns = made(t, p);
        columns.forEach(c -> made.put(c.name(), c));
        return Specs.of(OUT, t.withColumns(TransformerSpec.transform(t.columns(), List.of(), made))).withPlan(new Made(columns));
    }

    private static List<ColumnSpec> made(TableSpec t, Params p) throws ConfigError {
        if (p.columns().isEmpty()) {
            throw ConfigError.atParam("columns", "No columns are listed.", "List the columns to divide.");
        }
        ColumnSpec ref = null;
        if (!p.reference().isEmpty()) {
            ref = t.requireColumn(p.reference(), "reference");
            if (!ref.isNumeric()) {
                throw ConfigError.atParam("reference", "The reference '" + ref.name() + "' holds categories.", "Choose a numeric column.");
            }
        } else if (p.constant() == 0 || !Double.isFinite(p.constant())) {
            throw ConfigError.atParam("constant", "Dividing by " + p.constant() + " is undefined.", "Set a non-zero 'constant', or a 'reference' column.");
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (String name : p.columns()) {
            ColumnSpec c = t.requireColumn(name, "columns");
            if (!c.isNumeric()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds categories, which cannot be divided.", "Remove it from 'columns'.");
            }
            if (ref != null && !c.unit().isEmpty() && !ref.unit().isEmpty() && !c.unit().equals(ref.unit())) {
                throw ConfigError.atParam("reference", "'" + name + "' is in " + c.unit() + " but '" + ref.name() + "' is in " + ref.unit()
                        + ", so their ratio is not dimensionless" + (isTemperature(c.unit()) ? " (and °C ratios are not even meaningful)." : "."),
                        "Convert one column so both share a unit (temperatures in K) before dividing.");
            }
            String outName = p.replace() ? name : name + "/" + (ref != null ? ref.name() : fmt(p.constant()));
            if (!p.replace() && t.column(outName).isPresent()) {
                throw ConfigError.atParam("columns", "The table already has a column '" + outName + "'.", "Turn on 'replace', or rename that column.");
            }
            out.add(new ColumnSpec(outName, ColumnType.NUMERIC, c.role()));
        }
        return out;
    }

    private static boolean isTemperature(String unit) {
        return unit.equals("°C") || unit.equals("°F") || unit.equals("K");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<ColumnSpec> made = in.plan(Made.class, this, p, ctx).columns();
        double[] ref = p.reference().isEmpty() ? null : t.numeric(p.reference()).values();
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < made.size(); j++) {
            double[] v = t.numeric(p.columns().get(j)).values();
            double[] r = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double d = ref == null ? p.constant() : ref[i];
                if (d == 0) {
                    throw new NodeFailure("Row " + (i + 1) + " has '" + p.reference() + "' = 0, so '" + p.columns().get(j) + "' cannot be divided by it.",
                            "Check that row, or remove it first (data.filter with " + p.reference() + " != 0).");
                }
                r[i] = v[i] / d;
            }
            cols.add(new NumericColumn(made.get(j).name(), made.get(j).role(), r));
        }
        return Outputs.of(OUT, TableEdits.apply(t, List.of(), cols));
    }
}
