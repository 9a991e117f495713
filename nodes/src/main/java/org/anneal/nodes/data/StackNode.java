package org.anneal.nodes.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Partition;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * Issue 16, family 4 (second sources): rows of two or three tables with the same columns, one under the other. The
 * stacked rows keep the lineage of what they are made of, so the leakage analysis still knows a split's sides: the
 * training and validation rows of one split stack into that split's training rows (the honest refit before the final
 * test score), and a test side never stacks with anything else.
 */
@NodeType(id = "data.stack", title = "Stack tables", phase = Phase.DATA, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Puts the rows of `second` (and `third`) under the rows of `first`: two files of the same measurements, a \
                second lab's table, or the training and validation rows of a three-way split before the final refit. The \
                tables need the same columns (any order) with the same kinds and roles; the output has the columns in \
                `first`'s order. With `sourceColumn`, a categorical column records which input each row came from (named by \
                `labels`, else first/second/third). Stacking rows from the test side of a split with other rows is refused: \
                the test rows would be learnt from. The same material in two stacked sources lands on both sides of a later \
                random split; the leakage analysis checks that when it runs.""")
public final class StackNode implements Node<StackNode.Params> {

    public record Params(
            @Param(doc = "Name of a new column recording each row's source; empty = none") String sourceColumn,
            @Param(doc = "Names of the sources in that column, in input order; empty = first, second, third") List<String> labels) {
    }

    static final InPort<Table> FIRST = InPort.of("first", DataKind.TABLE, Table.class, "Rows that come first");
    static final InPort<Table> SECOND = InPort.of("second", DataKind.TABLE, Table.class, "Rows stacked under them");
    static final InPort<Table> THIRD = InPort.of("third", DataKind.TABLE, Table.class, "More rows (optional)").optional();
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "All rows, first's then second's (then third's)");

    private static final List<String> PORTS = List.of("first", "second", "third");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        tables.put(FIRST.name(), in.table(FIRST));
        tables.put(SECOND.name(), in.table(SECOND));
        if (in.has(THIRD)) {
            tables.put(THIRD.name(), in.table(THIRD));
        }
        TableSpec first = tables.get(FIRST.name());
        for (var e : tables.entrySet()) {
            sameColumns(first, e.getValue(), e.getKey());
        }
        if (!p.labels().isEmpty() && p.labels().size() != tables.size()) {
            throw ConfigError.atParam("labels", p.labels().size() + " label(s) for " + tables.size() + " inputs.",
                    "Give one label per connected input, or leave 'labels' empty.");
        }
        List<ColumnSpec> cols = new ArrayList<>(first.columns());
        if (!p.sourceColumn().isEmpty()) {
            if (first.column(p.sourceColumn()).isPresent()) {
                throw ConfigError.atParam("sourceColumn", "The tables already have a column '" + p.sourceColumn() + "'.", "Choose another name.");
            }
            cols.add(new ColumnSpec(p.sourceColumn(), ColumnType.CATEGORICAL, ColumnRole.FEATURE));
        }
        return Specs.of(OUT, new TableSpec(cols, lineage(tables)));
    }

    /** The stacked rows' lineage: one partition when every input is of it, a split's train side for its train + validation rows. */
    private static Lineage lineage(Map<String, TableSpec> tables) throws ConfigError {
        Set<Partition> fitted = new LinkedHashSet<>();
        Set<Partition> chosen = new LinkedHashSet<>();
        Partition split = null;
        String splitPort = null;
        for (var e : tables.entrySet()) {
            Lineage l = e.getValue().lineage();
            fitted.addAll(l.fittedOn());
            chosen.addAll(l.chosenOn());
            Partition part = l.partition();
            if (part.side() == Partition.Side.ALL) {
                continue;
            }
            if (split != null && !split.splitNode().equals(part.splitNode())) {
                throw ConfigError.atPort(e.getKey(), "'" + e.getKey() + "' holds " + part + " but '" + splitPort + "' holds " + split + ".",
                        "Stack rows of one split only (its 'train' and 'validation' sides), or stack before splitting.");
            }
            if (part.side() == Partition.Side.TEST && tables.size() > 1) {
                throw ConfigError.atPort(e.getKey(), "'" + e.getKey() + "' holds the " + part + ", and stacking them with other rows mixes "
                                + "test rows into rows that will be learnt from or scored together.",
                        "Keep the test rows apart: stack only 'train' and 'validation', and score the refitted model on 'test' alone.");
            }
            if (split == null || split.side() == Partition.Side.VALIDATION) {
                split = part;
                splitPort = e.getKey();
            }
            if (part.side() == Partition.Side.VALIDATION) {
                fitted.add(part); // the validation rows are learnt from once stacked into the training rows
            }
        }
        if (split != null && split.side() == Partition.Side.VALIDATION) {
            fitted.remove(split);
        }
        return new Lineage(split == null ? Partition.ALL : split, fitted, chosen);
    }

    private static void sameColumns(TableSpec first, TableSpec other, String port) throws ConfigError {
        Set<String> a = new LinkedHashSet<>(first.names());
        Set<String> b = new LinkedHashSet<>(other.names());
        if (!a.equals(b)) {
            Set<String> missing = new LinkedHashSet<>(a);
            missing.removeAll(b);
            Set<String> extra = new LinkedHashSet<>(b);
            extra.removeAll(a);
            throw ConfigError.atPort(port, "'" + port + "' does not have the columns of 'first'" + (missing.isEmpty() ? "" : "; missing: "
                            + String.join(", ", missing)) + (extra.isEmpty() ? "" : "; extra: " + String.join(", ", extra)) + ".",
                    "Select the same columns on both sides (data.select), rename where the names differ (data.rename).");
        }
        for (ColumnSpec c : first.columns()) {
            ColumnSpec o = other.column(c.name()).orElseThrow();
            if (o.type() == c.type() && c.isTensor() && !c.shape().equals(o.shape())) {
                // two spectra (signals) on different axes: rows would line up channel by channel at different energies
                throw ConfigError.atPort(port, "'" + c.name() + "' holds " + c.shape().describe() + " in 'first' but " + o.shape().describe()
                        + " in '" + port + "': the same channel would mean a different " + c.shape().axis(0).name() + ".",
                        "Put both on one axis first: spectra.resample on one side, onto the other's range and step (or both onto a common one).");
            }
            if (o.type() != c.type()) {
                throw ConfigError.atPort(port, "'" + c.name() + "' holds " + c.typeLabel() + " in 'first' but " + o.typeLabel() + " in '" + port + "'.",
                        "Read the column the same way in both sources (list it under 'categorical' at the CSV source, or use prepare.cast).");
            }
            if (o.role() != c.role()) {
                throw ConfigError.atPort(port, "'" + c.name() + "' is declared " + c.role().jsonName() + " in 'first' but " + o.role().jsonName()
                        + " in '" + port + "'.", "Declare the same target, group and time columns at both sources.");
            }
        }
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        List<Table> tables = new ArrayList<>(List.of(in.get(FIRST), in.get(SECOND)));
        if (in.has(THIRD)) {
            tables.add(in.get(THIRD));
        }
        Table first = tables.get(0);
        List<Column> cols = new ArrayList<>();
        for (Column c : first.columns()) {
            ctx.checkCancelled();
            cols.add(stacked(tables.stream().map(t -> t.column(c.name()).orElseThrow()).toList()));
        }
        if (!p.sourceColumn().isEmpty()) {
            List<String> labels = p.labels().isEmpty() ? PORTS.subList(0, tables.size()) : p.labels();
            int[] codes = new int[tables.stream().mapToInt(Table::rowCount).sum()];
            int at = 0;
            for (int k = 0; k < tables.size(); k++) {
                for (int i = 0; i < tables.get(k).rowCount(); i++) {
                    codes[at++] = k;
                }
            }
            cols.add(new CategoricalColumn(p.sourceColumn(), ColumnRole.FEATURE, codes, labels));
        }
        return Outputs.of(OUT, new Table(cols));
    }

    /** One column from the same-named columns of every input, categories re-coded against the union of their levels. */
    static Column stacked(List<Column> parts) {
        Column head = parts.get(0);
        int n = parts.stream().mapToInt(Column::size).sum();
        if (head instanceof NumericColumn num) {
            double[] v = new double[n];
            int at = 0;
            for (Column c : parts) {
                double[] src = ((NumericColumn) c).values();
                System.arraycopy(src, 0, v, at, src.length);
                at += src.length;
            }
            return new NumericColumn(num.name(), num.role(), v, num.unit());
        }
        if (head instanceof TensorColumn t) {
            List<float[]> rows = new ArrayList<>(n);
            for (Column c : parts) {
                TensorColumn tc = (TensorColumn) c;
                for (int i = 0; i < tc.size(); i++) {
                    rows.add(tc.isMissing(i) ? null : tc.get(i)); // null is a missing cell
                }
            }
            return TensorColumn.of(t.name(), t.role(), t.shape(), rows).withUnit(t.unit());
        }
        CategoricalColumn cat = (CategoricalColumn) head;
        Map<String, Integer> levels = new LinkedHashMap<>();
        int[] codes = new int[n];
        int at = 0;
        for (Column c : parts) {
            CategoricalColumn k = (CategoricalColumn) c;
            for (int i = 0; i < k.size(); i++) {
                codes[at++] = k.codes()[i] < 0 ? -1 : levels.computeIfAbsent(k.levels().get(k.codes()[i]), x -> levels.size());
            }
        }
        return new CategoricalColumn(cat.name(), cat.role(), codes, List.copyOf(levels.keySet()), cat.unit());
    }
}
