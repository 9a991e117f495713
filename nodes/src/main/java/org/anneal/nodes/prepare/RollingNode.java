package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.LooksAhead;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "prepare.rolling", title = "Rolling window", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = """
                Adds, for each listed column, a rolling statistic (mean, standard deviation, minimum or maximum) over a window \
                of `window` rows in time order, named `column_mean5` and so on; the rows keep their order. The rows are \
                ordered by the column declared `time` at the source, or taken as they come when there is none. Alignment: \
                *trailing* uses the row and the ones before it (what is known at that moment), *centred* the rows around it, \
                *leading* the row and the ones after it. Windows that run off the ends of the series are missing, unless \
                `fill` copies the nearest complete value forward (from the past) or backward (from the future). A centred or \
                leading window, or a backward fill, puts future measurements into today's features: on time-indexed data the \
                leakage analysis reports it (L8). Missing cells inside a window are skipped. With `by`, every value of that \
                column (one furnace, one specimen) is its own series, so no window mixes two of them.""")
public final class RollingNode implements Node<RollingNode.Params> {

    public record Params(
            @Param(doc = "Numeric columns to summarise; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Rows per window", def = "5", min = 2, max = 100000) int window,
            @Param(doc = "What to compute over each window", def = "\"mean\"") Statistic statistic,
            @Param(doc = "Which rows form the window of a row", def = "\"trailing\"")
            Alignment alignment,
            @Param(doc = "How to fill rows whose window runs off the series", def = "\"none\"")
            Fill fill,
            @Param(doc = "Column whose values each form their own series (furnace, specimen); empty = one series", hint = Param.Hint.COLUMN)
            String by) implements LooksAhead {

        @Override
        public String lookAhead() {
            if (alignment != Alignment.TRAILING) {
                return "a " + org.anneal.spec.Choices.name(alignment) + " window uses rows recorded after the row it describes";
            }
            return fill == Fill.BACKWARD ? "a backward fill copies values computed from later rows into the first rows" : null;
        }

        @Override
        public Map<String, String> pastOnly() {
            return Map.of("alignment", "trailing", "fill", fill == Fill.BACKWARD ? "none" : org.anneal.spec.Choices.name(fill));
        }
    }

    public enum Statistic { MEAN, STD, MIN, MAX }

    /** Which rows form the window of a row: the ones before it, around it, or after it. */
    public enum Alignment { TRAILING, CENTRED, LEADING }

    /** How rows whose window runs off the series are filled. */
    public enum Fill { NONE, FORWARD, BACKWARD }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows of a series (one row per time step)");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the rolling columns added");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        if (p.by() != null && !p.by().isEmpty()) {
            t.requireColumn(p.by(), "by");
        }
        TableSpec out = t;
        List<String> cols = ScalingSpecs.columns(requireNumericFeature(t), p.columns(), "columns");
        for (String c : cols) {
            if (t.column(c).orElseThrow().role() == ColumnRole.TARGET) {
                throw ConfigError.atParam("columns", "'" + c + "' is the target: a window that contains the row itself hands its answer "
                        + "to the model.", "Remove '" + c + "' from 'columns'.");
            }
            String name = outputName(c, p);
            if (t.column(name).isPresent()) {
                throw ConfigError.atParam("columns", "The table already has a column '" + name + "'.",
                        "Rename that column, or use another window length.");
            }
            out = out.plus(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        return Specs.of(OUT, out).withPlan(new ColumnPlan(cols));
    }

    /** Checked here because ScalingSpecs would name a 'fit' port, and this node's only port is 'table'. */
    private static TableSpec requireNumericFeature(TableSpec t) throws ConfigError {
        if (t.columns().stream().noneMatch(c -> c.role().isUsedAsFeature() && c.isNumeric())) {
            throw ConfigError.atPort(TABLE.name(), "The table has no numeric feature columns to summarise.",
                    "Check the data source's column roles and types.");
        }
        return t;
    }

    static String outputName(String column, Params p) {
        return column + "_" + org.anneal.spec.Choices.name(p.statistic()) + p.window();
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        List<int[]> series = series(t, p.by());
        Table out = t;
        for (int j = 0; j < cols.size(); j++) {
            ctx.checkCancelled();
            double[] x = t.numeric(cols.get(j)).values();
            double[] back = new double[x.length];
            for (int[] order : series) {
                double[] sorted = new double[order.length];
                for (int k = 0; k < order.length; k++) {
                    sorted[k] = x[order[k]];
                }
                double[] rolled = roll(sorted, p.window(), p.statistic(), p.alignment(), p.fill());
                for (int k = 0; k < order.length; k++) {
                    back[order[k]] = rolled[k];
                }
            }
            out = out.with(new NumericColumn(outputName(cols.get(j), p), ColumnRole.FEATURE, back));
            ctx.progress((j + 1.0) / cols.size());
        }
        return Outputs.of(OUT, out);
    }

    /** The row indices of each series (one per value of {@code by}, in order of first appearance), each in time order. */
    private static List<int[]> series(Table t, String by) {
        int[] order = timeOrder(t);
        if (by == null || by.isEmpty()) {
            return List.of(order);
        }
        Column key = t.column(by).orElseThrow();
        java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i : order) { // stays in time order within each series
            groups.computeIfAbsent(key.text(i), k -> new ArrayList<>()).add(i);
        }
        return groups.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /** Row indices sorted by the time column (stable for equal stamps), or the row order when there is no time column. */
    private static int[] timeOrder(Table t) {
        Column time = t.columns().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst().orElse(null);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (time != null && time.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no time stamp in '" + time.name() + "'.", "Drop rows without a time first.");
            }
            idx.add(i);
        }
        if (time instanceof NumericColumn n) {
            idx.sort(java.util.Comparator.comparingDouble(n::get));
        } else if (time != null) {
            idx.sort(java.util.Comparator.comparing(time::text));
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The statistic over each window of a series in time order. The window of row i spans [i - w + 1, i] (trailing),
     * [i - w/2, i + (w - 1)/2] (centred; an even window takes its extra row from the past) or [i, i + w - 1] (leading).
     */
    static double[] roll(double[] x, int w, Statistic statistic, Alignment alignment, Fill fill) {
        int n = x.length;
        int before = switch (alignment) {
            case TRAILING -> w - 1;
            case LEADING -> 0;
            case CENTRED -> w / 2; // centred: for an even window, one more row from the past than from the future
        };
        int after = w - 1 - before;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int lo = i - before;
            int hi = i + after;
            out[i] = lo < 0 || hi >= n ? Double.NaN : statistic(x, lo, hi, statistic);
        }
        if (fill == Fill.FORWARD) {
            for (int i = 1; i < n; i++) {
                if (Double.isNaN(out[i]) && (i + after >= n)) {
                    out[i] = out[i - 1];
                }
            }
        } else if (fill == Fill.BACKWARD) {
            for (int i = n - 2; i >= 0; i--) {
                if (Double.isNaN(out[i]) && i - before < 0) {
                    out[i] = out[i + 1];
                }
            }
        }
        return out;
    }

    private static double statistic(double[] x, int lo, int hi, Statistic statistic) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = lo; k <= hi; k++) {
            if (!Double.isNaN(x[k])) {
                n++;
                sum += x[k];
                min = Math.min(min, x[k]);
                max = Math.max(max, x[k]);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        return switch (statistic) {
            case STD -> {
                if (n < 2) {
                    yield Double.NaN;
                }
                double ss = 0;
                for (int k = lo; k <= hi; k++) {
                    if (!Double.isNaN(x[k])) {
                        ss += (x[k] - mean) * (x[k] - mean);
                    }
                }
                yield Math.sqrt(ss / (n - 1));
            }
            case MIN -> min;
            case MAX -> max;
            case MEAN -> mean;
        };
    }
}
