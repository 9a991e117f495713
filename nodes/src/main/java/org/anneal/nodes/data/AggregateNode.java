package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
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
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "data.aggregate", title = "Average replicates", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Collapses the rows of each value of `key` (a sample, a specimen) into one row: numeric columns become the mean \
                of their non-missing values, categorical columns the most frequent value (or the first one), tensor columns \
                (spectra, images) the value-by-value mean of their rows, id and group columns keep their first value, and a \
                count column tells how many rows were averaged. Use it for replicate spectra or repeated measurements of one \
                sample: one row per sample cannot be split across training and test. Groups appear in the order of their first \
                row. Each output row depends only on the rows of its own key, so it is safe before a split.""")
public final class AggregateNode implements Node<AggregateNode.Params> {

    public record Params(
            @Param(doc = "Column whose equal values are averaged together (sample id, specimen)", hint = Param.Hint.COLUMN, required = true)
            String key,
            @Param(doc = "How to summarise a categorical column", def = "\"mode\"") Categorical categorical,
            @Param(doc = "Name of the added column holding the number of rows per key; empty = no count column", def = "\"n_rows\"")
            String countColumn) {
    }

    /** A categorical column's summary: its most frequent value, or the first row's. */
    public enum Categorical { MODE, FIRST }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with several measurements per key");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "One row per key");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        if (p.key() == null || p.key().isBlank()) {
            throw ConfigError.atParam("key", "No key column is set.", "Set 'key' to the column that names the sample of each row.");
        }
        if (t.requireColumn(p.key(), "key").isTensor()) {
            throw ConfigError.atParam("key", "The key '" + p.key() + "' holds a tensor per row, which cannot name a sample.",
                    "Use the column that names each row's sample or specimen.");
        }
        if (!p.countColumn().isEmpty() && t.column(p.countColumn()).isPresent()) {
            throw ConfigError.atParam("countColumn", "The table already has a column '" + p.countColumn() + "'.",
                    "Choose another name for the count column, or leave it empty.");
        }
        // the count says how reliable a mean is, not something to learn from: it is added with role ignore
        return Specs.of(OUT, p.countColumn().isEmpty() ? t : t.plus(new ColumnSpec(p.countColumn(), ColumnType.NUMERIC, ColumnRole.IGNORE)));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        Column key = t.column(p.key()).orElseThrow();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (key.isMissing(i)) {
                throw new NodeFailure("Row " + (i + 1) + " has no value in the key column '" + key.name() + "'.",
                        "Drop rows with a missing key first (Drop missing rows on '" + key.name() + "').");
            }
            groups.computeIfAbsent(key.text(i), k -> new ArrayList<>()).add(i);
        }
        List<int[]> rows = groups.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < t.columnCount(); j++) {
            ctx.checkCancelled();
            Column c = t.columns().get(j);
            boolean keepFirst = c == key || c.role() == ColumnRole.ID || c.role() == ColumnRole.GROUP;
            if (c instanceof TensorColumn tc) { // replicate spectra or images: their mean, value by value
                out.add(keepFirst ? tc.rows(rows.stream().mapToInt(g -> g[0]).toArray()) : tc.meanOfRows(rows));
            } else {
                out.add(c instanceof NumericColumn n ? (keepFirst ? first(n, rows) : mean(n, rows))
                        : summarise((CategoricalColumn) c, rows, keepFirst || p.categorical() == Categorical.FIRST));
            }
            ctx.progress((j + 1.0) / t.columnCount());
        }
        if (!p.countColumn().isEmpty()) {
            out.add(new NumericColumn(p.countColumn(), ColumnRole.IGNORE, rows.stream().mapToDouble(g -> g.length).toArray()));
        }
        return Outputs.of(OUT, new Table(out));
    }

    private static Column first(NumericColumn c, List<int[]> rows) {
        return c.rows(rows.stream().mapToInt(g -> g[0]).toArray());
    }

    /** Mean of the non-missing values of each group; missing when a group has none. */
    static NumericColumn mean(NumericColumn c, List<int[]> rows) {
        double[] v = new double[rows.size()];
        for (int g = 0; g < v.length; g++) {
            double sum = 0;
            int n = 0;
            for (int i : rows.get(g)) {
                if (!c.isMissing(i)) {
                    sum += c.get(i);
                    n++;
                }
            }
            v[g] = n == 0 ? Double.NaN : sum / n;
        }
        return new NumericColumn(c.name(), c.role(), v);
    }

    /** The first non-missing category, or the most frequent one (ties go to the one seen first). */
    static CategoricalColumn summarise(CategoricalColumn c, List<int[]> rows, boolean first) {
        int[] codes = new int[rows.size()];
        for (int g = 0; g < codes.length; g++) {
            int[] count = new int[c.levels().size()];
            int best = -1;
            for (int i : rows.get(g)) {
                int code = c.codes()[i];
                if (code >= 0 && first && best < 0) {
                    best = code;
                }
                if (code >= 0) {
                    count[code]++;
                }
            }
            if (!first) {
                for (int i : rows.get(g)) { // in row order, so a tie goes to the category seen first
                    int code = c.codes()[i];
                    if (code >= 0 && (best < 0 || count[code] > count[best])) {
                        best = code;
                    }
                }
            }
            codes[g] = best;
        }
        return new CategoricalColumn(c.name(), c.role(), codes, c.levels());
    }
}
