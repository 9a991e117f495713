package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
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
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "spectra.to-columns", title = "Spectrum to columns", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Spreads a spectrum column into one numeric feature column per channel, so the tabular blocks (PCA, NMF, \
                k-means, ridge, forests) can use spectra. Columns are named after the axis value of their channel (`2θ_26.65`, \
                `energy_1740`), or `<column>_<channel>` without a grid, and carry the spectrum's unit; the spectrum column \
                itself is dropped. `every` keeps one channel in k (a cheap way to cut thousands of channels before a slow \
                method; smooth first so that no peak falls between kept channels).""")
public final class ToColumnsNode implements Node<ToColumnsNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Keep one channel in this many (1 = all)", def = "1", min = 1, max = 100000) int every) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a spectrum column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with one column per channel instead");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = SpectrumStepNode.spectrumColumn(t, p.column());
        List<String> names = names(c.name(), c.shape().axis(0), p.every());
        Set<String> taken = new HashSet<>(t.names());
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec other : t.columns()) {
            if (other != c) {
                cols.add(other);
            }
        }
        for (String n : names) {
            if (taken.contains(n)) {
                throw ConfigError.atParam("column", "The table already has a column '" + n + "'.", "Rename it before spreading the spectrum.");
            }
            cols.add(new ColumnSpec(n, ColumnType.NUMERIC, c.role() == ColumnRole.FEATURE ? ColumnRole.FEATURE : c.role(), c.unit()));
        }
        return Specs.of(OUT, t.withColumns(cols));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(p.column()).orElseThrow();
        List<String> names = names(c.name(), c.shape().axis(0), p.every());
        int n = c.rowSize();
        List<Column> cols = new ArrayList<>();
        for (Column other : t.columns()) {
            if (other != c) {
                cols.add(other);
            }
        }
        for (int k = 0; k < names.size(); k++) {
            ctx.checkCancelled();
            int ch = k * p.every();
            double[] v = new double[c.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = c.isMissing(r) ? Double.NaN : c.values()[r * n + ch];
            }
            cols.add(new NumericColumn(names.get(k), c.role(), v, c.unit()));
        }
        return Outputs.of(OUT, new Table(cols));
    }

    /**
     * One name per kept channel: the axis name and the channel's value with as many decimals as the grid's spacing needs
     * to tell neighbours apart; the column name and channel number when there is no grid or the values would collide.
     */
    static List<String> names(String column, Axis axis, int every) {
        List<String> out = new ArrayList<>();
        if (axis.hasGrid()) {
            double spacing = Double.POSITIVE_INFINITY;
            for (int i = every; i < axis.size(); i += every) {
                spacing = Math.min(spacing, Math.abs(axis.value(i) - axis.value(i - every)));
            }
            int decimals = spacing == Double.POSITIVE_INFINITY || spacing >= 1 ? 0 : (int) Math.ceil(-Math.log10(spacing) + 1e-9);
            decimals = Math.min(decimals + (spacing * Math.pow(10, decimals) % 1 == 0 ? 0 : 1), 8);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < axis.size(); i += every) {
                String v = String.format(Locale.ROOT, "%." + decimals + "f", axis.value(i));
                if (v.contains(".")) {
                    v = v.replaceFirst("0+$", "").replaceFirst("\\.$", "");
                }
                if (!seen.add(axis.name() + "_" + v)) {
                    out.clear();
                    break;
                }
                out.add(axis.name() + "_" + v);
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        for (int i = 0; i < axis.size(); i += every) {
            out.add(column + "_" + (i + 1));
        }
        return out;
    }
}
