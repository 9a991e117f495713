package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
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

@NodeType(id = "prepare.dedupe", title = "Remove duplicate rows", phase = Phase.PREPARE, role = LeakageRole.STATELESS, filtersRows = true,
        doc = """
                Removes rows that repeat an earlier row exactly, keeping the first occurrence and the original order. Rows are \
                compared on the listed columns, or on every column except id columns when the list is empty (ids differ even \
                between true copies). Use it before a split: a duplicated row that lands on both sides turns part of the test \
                into a memory test (the run-time check D1 counts such rows). It looks at each row's values only and learns \
                nothing, so it is safe before the split; two missing cells count as equal. With a `tolerance` above 0, numbers \
                count as equal when they differ by at most that fraction of the larger one (0.01 = 1 %), which also removes \
                the same sample entered twice with different rounding (159 and 158.6 kg of cement); text must still match \
                exactly. Tensor columns (images, spectra) match only when every value is the same (compared by a hash of the \
                values), even with a tolerance. The near-copy check D4 reports such rows across a split.""")
public final class DedupeNode implements Node<DedupeNode.Params> {

    public record Params(
            @Param(doc = "Columns that must all match for two rows to be duplicates; empty = every column except id columns",
                    hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Relative difference up to which two numbers count as equal; 0 = exact copies only", def = "0", min = 0, max = 0.5)
            double tolerance) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows that may contain duplicates");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows without repeats, first occurrences kept");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE).requireColumns(p.columns(), "columns");
        if (p.columns().isEmpty() && t.columns().stream().allMatch(c -> c.role() == ColumnRole.ID)) {
            throw ConfigError.atParam("columns", "Every column is an id column, so no two rows can be compared.",
                    "List the columns to compare under 'columns'.");
        }
        return Specs.of(OUT, t);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        List<Column> cols = compared(t, p.columns());
        // without a numeric column a tolerance changes nothing, and hashing every row beats comparing all pairs (image tables)
        boolean near = p.tolerance() > 0 && cols.stream().anyMatch(org.anneal.data.NumericColumn.class::isInstance);
        return Outputs.of(OUT, t.rows(near ? NearCopies.firstOccurrences(t, cols, p.tolerance(), ctx) : firstOccurrences(t, cols, ctx)));
    }

    static List<Column> compared(Table t, List<String> names) {
        return names.isEmpty() ? t.columns().stream().filter(c -> c.role() != ColumnRole.ID).toList()
                : names.stream().map(n -> t.column(n).orElseThrow()).toList();
    }

    /** Indices of the rows whose values on {@code cols} were not seen in an earlier row. */
    static int[] firstOccurrences(Table t, List<Column> cols, ExecContext ctx) {
        Set<List<String>> seen = new HashSet<>();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if ((i & 4095) == 0) {
                ctx.checkCancelled();
                ctx.progress(i / (double) Math.max(1, t.rowCount()));
            }
            List<String> key = new ArrayList<>(cols.size());
            for (Column c : cols) {
                key.add(c.isMissing(i) ? null : c.key(i)); // a tensor's key hashes its values
            }
            if (seen.add(key)) {
                keep.add(i);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
