package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
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
import org.anneal.spec.LooksAhead;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.lag", title = "Lag features", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Adds, for every chosen numeric column and every lag k, a column `<name>_lag<k>` holding the value k rows \
                earlier in time, within the same group (run, furnace load) when `group` is set: rows are ordered by the `time` \
                column, and a lag never reaches into another group. Lags look only into the past, so a model that uses them \
                could have been run at that time; a lag below 1 is refused. `leads` adds `<name>_lead<k>`, the value k rows \
                *later*: a feature that reads the future, which the leakage analysis reports (L8) on time-indexed rows. The \
                honest use of the future is as the answer: a `horizon` h > 0 declares a forecast h rows ahead, so the table's \
                target y is replaced by `y_ahead<h>` (y h rows later, the new target) and y itself becomes a feature (its \
                present value is known). The first k rows of each group have no value for lag k, the last k none for lead \
                k or horizon k: `drop-incomplete` removes those rows, otherwise they are missing. The row order of the output \
                is that of the input.""")
public final class LagNode implements Node<LagNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to lag", hint = Param.Hint.COLUMNS, required = true) List<String> columns,
            @Param(doc = "Lags in rows (1 = the previous row), each at least 1", def = "[1]") List<Integer> lags,
            @Param(doc = "Time column that orders the rows", def = "\"time\"", hint = Param.Hint.COLUMN) String time,
            @Param(doc = "Group column (run); empty = the whole table is one series", def = "\"\"", hint = Param.Hint.COLUMN) String group,
            @Param(doc = "Remove rows that lack a value for any lag", def = "true") boolean dropIncomplete,
            @Param(doc = "Leads in rows (1 = the next row): features from the future, reported as leakage", def = "[]") List<Integer> leads,
            @Param(doc = "Forecast horizon in rows: the target becomes its value this many rows later; 0 = no forecast", def = "0", min = 0,
                    max = 100000) int horizon) implements LooksAhead {

        /** The settings of the earlier version (lags only). */
        public Params(List<String> columns, List<Integer> lags, String time, String group, boolean dropIncomplete) {
            this(columns, lags, time, group, dropIncomplete, List.of(), 0);
        }

        @Override
        public String lookAhead() {
            return leads == null || leads.isEmpty() ? null
                    : "the lead columns (" + leads.stream().map(k -> "_lead" + k).collect(java.util.stream.Collectors.joining(", "))
                            + ") hold values recorded after the row";
        }

        @Override
        public Map<String, ?> pastOnly() {
            return Map.of("leads", List.of());
        }

        @Override
        public String pastOnlyFix() {
            return "no leads (to forecast, declare a 'horizon': the future becomes the target, not a feature)";
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Time-indexed rows");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with lag columns added");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        if (!t.requireColumn(p.time(), "time").isNumeric()) {
            throw ConfigError.atParam("time", "The time column '" + p.time() + "' must hold numbers.", "Choose a numeric time column.");
        }
        if (!p.group().isEmpty() && !t.requireColumn(p.group(), "group").isCategorical()) {
            throw ConfigError.atParam("group", "The group column '" + p.group() + "' must hold categories.", "Choose the run id column.");
        }
        if (p.lags().isEmpty()) {
            throw ConfigError.atParam("lags", "No lags are given.", "List at least one lag, e.g. [1, 2, 3].");
        }
        for (int k : p.lags()) {
            if (k < 1) {
                throw ConfigError.atParam("lags", "Lag " + k + " would read " + (k == 0 ? "the row itself" : (-k) + " row(s) into the future")
                        + "; a feature must be known before the value it helps predict.", "Use lags of 1 or more.");
            }
        }
        for (int k : p.leads()) {
            if (k < 1) {
                throw ConfigError.atParam("leads", "Lead " + k + " is not a row ahead.", "Use leads of 1 or more.");
            }
        }
        List<ColumnSpec> cols = new ArrayList<>(t.columns());
        Set<String> names = new HashSet<>(t.names());
        if (p.horizon() > 0) {
            List<ColumnSpec> targets = t.columns().stream().filter(c -> c.role() == ColumnRole.TARGET).toList();
            if (targets.size() != 1 || !targets.get(0).isNumeric()) {
                throw ConfigError.atParam("horizon", "A forecast horizon needs exactly one numeric target column; the table has "
                        + (targets.isEmpty() ? "none" : targets.stream().map(ColumnSpec::name).toList()) + ".",
                        "Declare the column to forecast as the target at the data source, or set 'horizon' to 0.");
            }
            ColumnSpec y = targets.get(0);
            cols.set(cols.indexOf(y), new ColumnSpec(y.name(), y.type(), ColumnRole.FEATURE, y.unit()));
            String ahead = aheadName(y.name(), p.horizon());
            if (!names.add(ahead)) {
                throw ConfigError.atParam("horizon", "The table already has a column '" + ahead + "'.", "Rename it first.");
            }
            cols.add(new ColumnSpec(ahead, ColumnType.NUMERIC, ColumnRole.TARGET, y.unit()));
        }
        for (String c : p.columns()) {
            ColumnSpec s = t.requireColumn(c, "columns");
            if (!s.isNumeric()) {
                throw ConfigError.atParam("columns", "Column '" + c + "' does not hold numbers.", "List numeric columns only.");
            }
            for (int k : p.lags()) {
                String name = lagName(c, k);
                if (!names.add(name)) {
                    throw ConfigError.atParam("columns", "The table already has a column '" + name + "'.", "Rename it, or lag another column.");
                }
                cols.add(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE, s.unit()));
            }
            for (int k : p.leads()) {
                String name = leadName(c, k);
                if (!names.add(name)) {
                    throw ConfigError.atParam("columns", "The table already has a column '" + name + "'.", "Rename it, or lead another column.");
                }
                cols.add(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE, s.unit()));
            }
        }
        return Specs.of(OUT, t.withColumns(cols));
    }

    static String leadName(String column, int k) {
        return column + "_lead" + k;
    }

    static String aheadName(String column, int h) {
        return column + "_ahead" + h;
    }

    static String lagName(String column, int k) {
        return column + "_lag" + k;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        int n = t.rowCount();
        NumericColumn time = t.numeric(p.time());
        int[] group = p.group().isEmpty() ? new int[n] : ((CategoricalColumn) t.column(p.group()).orElseThrow()).codes();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // by group, then time; the sort is stable, so rows at equal times keep their input order
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> group[i]).thenComparingDouble(time::get));
        int maxLag = p.lags().stream().mapToInt(Integer::intValue).max().orElse(1);
        int maxLead = java.util.stream.IntStream.concat(p.leads().stream().mapToInt(Integer::intValue), java.util.stream.IntStream.of(p.horizon()))
                .max().orElse(0);
        int[] position = new int[n]; // index of the row within its group's time order
        for (int k = 0; k < n; k++) {
            position[order[k]] = k > 0 && group[order[k - 1]] == group[order[k]] ? position[order[k - 1]] + 1 : 0;
        }
        int[] remaining = new int[n]; // rows after it within its group
        for (int k = n - 1; k >= 0; k--) {
            remaining[order[k]] = k < n - 1 && group[order[k + 1]] == group[order[k]] ? remaining[order[k + 1]] + 1 : 0;
        }
        List<Column> cols = new ArrayList<>(t.columns());
        if (p.horizon() > 0) {
            NumericColumn y = (NumericColumn) t.columns().stream().filter(c -> c.role() == ColumnRole.TARGET).findFirst().orElseThrow();
            cols.set(cols.indexOf(y), y.withRole(ColumnRole.FEATURE));
            cols.add(new NumericColumn(aheadName(y.name(), p.horizon()), ColumnRole.TARGET, ahead(y, order, remaining, p.horizon()), y.unit()));
        }
        for (String c : p.columns()) {
            NumericColumn src = t.numeric(c);
            for (int lag : p.lags()) {
                double[] v = new double[n];
                for (int k = 0; k < n; k++) {
                    int row = order[k];
                    v[row] = position[row] >= lag ? src.get(order[k - lag]) : Double.NaN;
                }
                cols.add(new NumericColumn(lagName(c, lag), ColumnRole.FEATURE, v, src.unit()));
            }
            for (int lead : p.leads()) {
                cols.add(new NumericColumn(leadName(c, lead), ColumnRole.FEATURE, ahead(src, order, remaining, lead), src.unit()));
            }
        }
        Table out = new Table(cols);
        if (!p.dropIncomplete()) {
            return Outputs.of(OUT, out);
        }
        int[] keep = java.util.stream.IntStream.range(0, n).filter(r -> position[r] >= maxLag && remaining[r] >= maxLead).toArray();
        return Outputs.of(OUT, out.rows(keep));
    }

    /** The value {@code k} rows later in the row's group, in the input's row order; missing for the last k rows. */
    private static double[] ahead(NumericColumn src, Integer[] order, int[] remaining, int k) {
        double[] v = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            int row = order[i];
            v[row] = remaining[row] >= k ? src.get(order[i + k]) : Double.NaN;
        }
        return v;
    }
}
