package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Formula;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.DerivesColumn;
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

/**
 * Issue 16, family 5: a column computed row by row from a formula a student types, parsed by {@link Formula} (exp4j).
 * Which columns the formula uses is left as the plan, so the leakage analysis sees a feature made from the target (L15)
 * at configure time.
 */
@NodeType(id = "data.derive", title = "Derived column", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Adds a column computed row by row from other numeric columns with a formula: `cement / water` for the \
                water–cement ratio, `log(strength)` as a new target, `` `Cr (wt%)` + `Ni (wt%)` `` (names with spaces or symbols \
                between backticks). Functions: exp, log, log10, sqrt, abs, sin, cos, tanh, pow, floor, ceil, signum; `^` is a \
                power. A missing or non-numeric result (log of a negative number) is a missing cell. As a `target`, the new \
                column replaces the old target, which is then ignored (it would give the answer away). A `feature` computed \
                from the target is the target in disguise, and the leakage analysis says so before anything runs (L15).""")
public final class DeriveNode implements Node<DeriveNode.Params> {

    public record Params(
            @Param(doc = "Name of the new column", required = true) String name,
            @Param(doc = "Formula over numeric columns of the same row", required = true) String formula,
            @Param(doc = "What the new column is for", def = "\"feature\"") Role role,
            @Param(doc = "Unit of the new column, for axes and viewers") String unit) {
    }

    /** The roles a derived column can take. */
    public enum Role {
        FEATURE, TARGET, IGNORE;

        ColumnRole columnRole() {
            return ColumnRole.valueOf(name());
        }
    }

    /** What configure resolved: the parsed formula and its columns. */
    record Plan(String column, List<String> uses, ColumnRole role, Formula formula) implements DerivesColumn {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to extend");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the new column");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        if (p.name().isBlank()) {
            throw ConfigError.atParam("name", "The new column needs a name.", "Type a name, for example 'w_c_ratio'.");
        }
        if (t.column(p.name()).isPresent()) {
            throw ConfigError.atParam("name", "The table already has a column '" + p.name() + "'.",
                    "Choose a new name, or drop the old column first (data.select).");
        }
        List<String> numeric = t.columns().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).toList();
        Formula f;
        try {
            f = Formula.parse(p.formula(), numeric);
        } catch (Formula.FormulaException e) {
            throw ConfigError.atParam("formula", e.getMessage(), e.fix());
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            // a new target retires the old one: left as a feature it would be the answer itself
            cols.add(p.role() == Role.TARGET && c.role() == ColumnRole.TARGET ? c.withRole(ColumnRole.IGNORE) : c);
        }
        cols.add(new ColumnSpec(p.name(), ColumnType.NUMERIC, p.role().columnRole(), p.unit()));
        return Specs.of(OUT, t.withColumns(cols)).withPlan(new Plan(p.name(), f.names(), p.role().columnRole(), f));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        Plan plan = in.plan(Plan.class, this, p, ctx);
        Formula.Evaluator e = plan.formula().evaluator();
        List<NumericColumn> used = plan.uses().stream().map(t::numeric).toList();
        double[] v = new double[t.rowCount()];
        for (int i = 0; i < v.length; i++) {
            if ((i & 0xFFF) == 0) {
                ctx.checkCancelled();
            }
            boolean missing = false;
            for (NumericColumn c : used) {
                double x = c.values()[i];
                missing |= Double.isNaN(x);
                e.set(c.name(), x);
            }
            double y = missing ? Double.NaN : e.evaluate();
            v[i] = Double.isFinite(y) ? y : Double.NaN;
        }
        List<Column> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            cols.add(p.role() == Role.TARGET && c.role() == ColumnRole.TARGET ? c.withRole(ColumnRole.IGNORE) : c);
        }
        cols.add(new NumericColumn(p.name(), p.role().columnRole(), v, p.unit()));
        return Outputs.of(OUT, new Table(cols));
    }
}
