package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
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
import org.anneal.spec.Partition;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "data.join", title = "Join tables", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Adds the columns of the `right` table to the rows of the `left` table whose `key` matches, for example element \
                properties (melting point, electronegativity) to a table of alloys by element symbol. Each key may occur only \
                once in `right` (a lookup table); `inner` keeps only left rows with a match, `left` keeps every left row and \
                leaves the added cells missing where there is none. The output has the left table's rows and lineage. Joining \
                rows from two different sides of a split is refused: it would mix training and test rows.""")
public final class JoinNode implements Node<JoinNode.Params> {

    public record Params(
            @Param(doc = "Key column, present in both tables", hint = Param.Hint.COLUMN, required = true) String key,
            @Param(doc = "Key column in the right table, when it is named differently; empty = same as 'key'") String rightKey,
            @Param(doc = "inner = only matched left rows; left = every left row", def = "\"inner\"") How how) {
    }

    public enum How { INNER, LEFT }

    static final InPort<Table> LEFT = InPort.of("left", DataKind.TABLE, Table.class, "The rows to extend");
    static final InPort<Table> RIGHT = InPort.of("right", DataKind.TABLE, Table.class, "A lookup table with one row per key");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "Left rows with the right table's columns added");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec left = in.table(LEFT);
        TableSpec right = in.table(RIGHT);
        Partition l = left.lineage().partition();
        Partition r = right.lineage().partition();
        if (r.side() != Partition.Side.ALL && !r.equals(l)) {
            throw ConfigError.atPort(RIGHT.name(), "'right' holds " + r + " but 'left' holds " + l + ".",
                    "Join before the split (or join a lookup table that was never split), so that training and test rows stay apart.");
        }
        List<ColumnSpec> cols = new ArrayList<>(left.columns());
        cols.addAll(added(left, right, p));
        Set<org.anneal.spec.Partition> fitted = new LinkedHashSet<>(left.lineage().fittedOn());
        fitted.addAll(right.lineage().fittedOn());
        return Specs.of(OUT, new TableSpec(cols, new Lineage(l, fitted)));
    }

    /** The right table's columns that join the left ones: all but its key, checked for clashes and second targets. */
    private static List<ColumnSpec> added(TableSpec left, TableSpec right, Params p) throws ConfigError {
        String rk = rightKey(p);
        ColumnSpec lKey = left.requireColumn(p.key(), "key");
        ColumnSpec rKey = right.column(rk).orElseThrow(() -> ConfigError.atPort(RIGHT.name(), "The table on 'right' has no column '" + rk + "'.",
                "Set 'rightKey' to the key's name in the right table. Columns there: " + String.join(", ", right.names())));
        if (lKey.isTensor() || rKey.isTensor()) {
            throw ConfigError.atParam(lKey.isTensor() ? "key" : "rightKey", "The key '" + (lKey.isTensor() ? lKey : rKey).name()
                    + "' holds a tensor per row, which cannot be matched.", "Join on an id, a category or a number.");
        }
        if (lKey.type() != rKey.type()) {
            throw ConfigError.atPort(RIGHT.name(), "The key '" + p.key() + "' holds " + kind(lKey) + " on 'left' but '" + rk + "' holds "
                    + kind(rKey) + " on 'right', so no key can match.",
                    "Read both key columns the same way: list the numeric one under 'categorical' at its CSV source (or use prepare.cast).");
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec c : right.columns()) {
            if (c.name().equals(rk)) {
                continue;
            }
            if (left.column(c.name()).isPresent()) {
                throw ConfigError.atPort(RIGHT.name(), "Both tables have a column '" + c.name() + "'.",
                        "Rename it on one side (data.rename) or drop it (data.select) before joining.");
            }
            if (c.role() == ColumnRole.TARGET && left.target().isPresent()) {
                throw ConfigError.atPort(RIGHT.name(), "Both tables have a target ('" + left.target().get().name() + "' and '" + c.name() + "').",
                        "Drop '" + c.name() + "' from the right table, or declare no target at its source.");
            }
            out.add(c);
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table left = in.get(LEFT);
        Table right = in.get(RIGHT);
        Column lk = left.column(p.key()).orElseThrow();
        Column rk = right.column(rightKey(p)).orElseThrow();
        Map<Object, Integer> index = new HashMap<>();
        for (int i = 0; i < rk.size(); i++) {
            Object k = key(rk, i);
            if (k == null) {
                continue;
            }
            Integer before = index.put(k, i);
            if (before != null) {
                throw new NodeFailure("The key '" + rk.text(i) + "' occurs twice in the right table's '" + rk.name() + "' (rows " + (before + 1)
                        + " and " + (i + 1) + "), so a left row would match both.",
                        "Make the right table one row per key: remove duplicates, or aggregate them first.");
            }
        }
        List<Integer> leftRows = new ArrayList<>();
        List<Integer> rightRows = new ArrayList<>();
        for (int i = 0; i < lk.size(); i++) {
            if ((i & 0xFFF) == 0) {
                ctx.checkCancelled();
            }
            Object k = key(lk, i);
            Integer match = k == null ? null : index.get(k);
            if (match != null || p.how() == How.LEFT) {
                leftRows.add(i);
                rightRows.add(match == null ? -1 : match);
            }
        }
        if (leftRows.isEmpty() && left.rowCount() > 0) {
            throw new NodeFailure("No key of the left table's '" + lk.name() + "' occurs in the right table's '" + rk.name() + "'.",
                    "Check that both key columns hold the same codes (spelling, case, spaces).");
        }
        int[] li = leftRows.stream().mapToInt(Integer::intValue).toArray();
        int[] ri = rightRows.stream().mapToInt(Integer::intValue).toArray();
        List<Column> cols = new ArrayList<>(left.rows(li).columns());
        for (Column c : right.columns()) {
            if (!c.name().equals(rk.name())) {
                cols.add(rowsOrMissing(c, ri));
            }
        }
        return Outputs.of(OUT, new Table(cols));
    }

    /** Like {@link Column#rows} but index -1 gives a missing cell (a left row without a match). */
    private static Column rowsOrMissing(Column c, int[] index) {
        if (c instanceof TensorColumn t) {
            return t.rowsOrMissing(index);
        }
        if (c instanceof NumericColumn n) {
            double[] v = new double[index.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = index[i] < 0 ? Double.NaN : n.values()[index[i]];
            }
            return new NumericColumn(n.name(), n.role(), v, n.unit());
        }
        CategoricalColumn k = (CategoricalColumn) c;
        int[] codes = new int[index.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = index[i] < 0 ? -1 : k.codes()[index[i]];
        }
        return new CategoricalColumn(k.name(), k.role(), codes, k.levels(), k.unit());
    }

    /** Numbers match by value, categories by text; a missing key matches nothing. */
    private static Object key(Column c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        if (c instanceof NumericColumn n) {
            double v = n.get(row);
            return v == 0 ? 0.0 : v; // -0.0 and 0.0 are the same key
        }
        return ((CategoricalColumn) c).get(row);
    }

    private static String rightKey(Params p) {
        return p.rightKey().isEmpty() ? p.key() : p.rightKey();
    }

    private static String kind(ColumnSpec c) {
        return c.isNumeric() ? "numbers" : c.isTensor() ? "tensors" : "categories";
    }
}
