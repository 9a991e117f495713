package org.anneal.nodes.spectra;

import java.util.List;
import java.util.Locale;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ColumnSpec;
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

@NodeType(id = "spectra.non-negative", title = "Make intensities non-negative", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        usesSeed = false,
        doc = """
                Makes the chosen numeric columns of every row non-negative, so NMF (which splits rows into non-negative parts) \
                can take a wide spectral table whose noise or subtracted background dips below zero. Each row is one spectrum \
                over the columns and is treated on its own, so nothing is learnt from other rows. `offset`: when the row's \
                smallest value is negative, subtract it from the whole row (a constant baseline, which keeps every difference \
                between channels). `clip`: set negative values to 0, allowed only while they are noise around zero: a value \
                below −`tolerance` × the row's largest value is an error naming the row, the column and the value, because \
                clipping it would change the spectrum's shape; use `offset` or a baseline there. A missing value is an error \
                naming its row and column. For a spectrum column use spectra.baseline with `clip`, or spectra.to-columns \
                first.""")
public final class NonNegativeNode implements Node<NonNegativeNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns forming each row's spectrum; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "How to remove negative values", def = "\"offset\"") Rule rule,
            @Param(doc = "clip: deepest negative value allowed, as a fraction of the row's largest value", def = "0.05", min = 0, max = 1) double tolerance) {
    }

    /** The stated rule for negative values. */
    public enum Rule { OFFSET, CLIP }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows whose columns form a spectrum");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows with non-negative values in those columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        return Specs.of(OUT, t).withPlan(new ColumnPlan(columns(t, p.columns())));
    }

    static List<String> columns(TableSpec t, List<String> listed) throws ConfigError {
        if (listed.isEmpty()) {
            List<String> all = t.columns().stream().filter(c -> c.role().isUsedAsFeature() && c.isNumeric()).map(ColumnSpec::name).toList();
            if (all.isEmpty()) {
                throw ConfigError.atPort(TABLE.name(), "The table has no numeric feature columns.", "Spread a spectrum column with spectra.to-columns first.");
            }
            return all;
        }
        for (String name : listed) {
            if (!t.requireColumn(name, "columns").isNumeric()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' does not hold one number per row.",
                        "List numeric columns only; for a spectrum column use spectra.baseline with clip.");
            }
        }
        return listed;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        List<String> names = in.plan(ColumnPlan.class, this, p, ctx).columns();
        double[][] x = new double[names.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = t.numeric(names.get(j)).values().clone();
        }
        for (int r = 0; r < t.rowCount(); r++) {
            if ((r & 255) == 0) {
                ctx.checkCancelled();
            }
            fixRow(x, r, names, p);
        }
        java.util.Map<String, double[]> fixed = new java.util.HashMap<>();
        for (int j = 0; j < x.length; j++) {
            fixed.put(names.get(j), x[j]);
        }
        List<Column> out = t.columns().stream().map(c -> fixed.containsKey(c.name())
                ? new NumericColumn(c.name(), c.role(), fixed.get(c.name()), ((NumericColumn) c).unit()) : c).toList();
        return Outputs.of(OUT, new Table(out));
    }

    /** Applies the rule to row r of the columns {@code x}, in place. */
    static void fixRow(double[][] x, int r, List<String> names, Params p) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int deepest = 0;
        for (int j = 0; j < x.length; j++) {
            double v = x[j][r];
            if (Double.isNaN(v)) {
                throw new NodeFailure("Row " + (r + 1) + " has no value in column '" + names.get(j) + "'.",
                        "Impute or drop rows with missing values before making them non-negative.");
            }
            if (v < min) {
                min = v;
                deepest = j;
            }
            max = Math.max(max, v);
        }
        if (min >= 0) {
            return;
        }
        if (p.rule() == Rule.OFFSET) {
            for (double[] col : x) {
                col[r] -= min;
            }
            return;
        }
        if (min < -p.tolerance() * Math.max(max, 0)) {
            throw new NodeFailure(String.format(Locale.ROOT, "Row %d, column '%s': %.4g is below −%.3g × the row's largest value %.4g, so it is "
                    + "not noise around zero and clipping it would change the spectrum.", r + 1, names.get(deepest), min, p.tolerance(), max),
                    "Use rule 'offset', remove the baseline first, or raise 'tolerance' if these dips are noise.");
        }
        for (double[] col : x) {
            col[r] = Math.max(0, col[r]);
        }
    }
}
