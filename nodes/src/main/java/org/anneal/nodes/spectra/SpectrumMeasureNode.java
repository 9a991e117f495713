package org.anneal.nodes.spectra;

import java.util.List;
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
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * A step that measures every spectrum on its own, in energy windows of its axis, and appends the measures as numeric
 * columns; it may also replace the spectrum (a background subtracted). Row by row: stateless, safe before a split. A
 * missing spectrum gets missing measures.
 */
abstract class SpectrumMeasureNode<P extends Record> implements Node<P> {
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a spectrum column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows with the measures appended");

    protected abstract String column(P p);

    /** Names of the appended columns. */
    protected abstract List<String> measures(P p);

    /** Checks the windows against the axis (a located error otherwise). */
    protected abstract void check(Axis axis, P p) throws ConfigError;

    /** Measures one spectrum; may rewrite {@code y} in place when {@link #rewrites()} says so. */
    protected abstract double[] measure(double[] y, Axis axis, P p);

    /** Whether {@link #measure} rewrites the spectrum (then the column is replaced). */
    protected boolean rewrites() {
        return false;
    }

    @Override
    public Specs configure(Specs in, P p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = SpectrumStepNode.spectrumColumn(t, column(p));
        check(c.shape().axis(0), p);
        for (String name : measures(p)) {
            if (t.column(name).isPresent()) {
                throw ConfigError.atParam("column", "The table already has a column '" + name + "'.", "Rename it before this step.");
            }
            t = t.plus(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        return Specs.of(OUT, t);
    }

    @Override
    public Outputs execute(Inputs in, P p, ExecContext ctx) {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(column(p)).orElseThrow();
        Axis axis = c.shape().axis(0);
        int n = c.rowSize();
        List<String> names = measures(p);
        double[][] out = new double[names.size()][c.size()];
        float[] values = c.values().clone();
        double[] y = new double[n];
        for (int r = 0; r < c.size(); r++) {
            if ((r & 63) == 0) {
                ctx.checkCancelled();
            }
            if (c.isMissing(r)) {
                for (double[] m : out) {
                    m[r] = Double.NaN;
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                y[i] = values[r * n + i];
            }
            double[] m = measure(y, axis, p);
            for (int k = 0; k < m.length; k++) {
                out[k][r] = m[k];
            }
            for (int i = 0; rewrites() && i < n; i++) {
                values[r * n + i] = (float) y[i];
            }
        }
        if (rewrites()) {
            boolean[] missing = new boolean[c.size()];
            for (int r = 0; r < missing.length; r++) {
                missing[r] = c.isMissing(r);
            }
            t = t.with(new TensorColumn(c.name(), c.role(), c.shape(), values, missing, c.unit()));
        }
        for (int k = 0; k < names.size(); k++) {
            t = t.with(new NumericColumn(names.get(k), ColumnRole.FEATURE, out[k]));
        }
        return Outputs.of(OUT, t);
    }

    /**
     * Channels [first, last] of the axis inside the window [from, to] (axis units), or a located error at {@code param}
     * when the window leaves the axis or holds fewer than {@code least} channels.
     */
    static int[] window(Axis axis, double from, double to, String param, int least) throws ConfigError {
        if (!axis.hasGrid()) {
            throw ConfigError.atParam(param, "The spectrum has no physical axis, so an energy window cannot be placed.",
                    "Load the spectra with their axis (energy in eV).");
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < axis.size(); i++) {
            double e = axis.value(i);
            if (e >= from && e <= to) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (from >= to || first < 0 || last - first + 1 < least) {
            throw ConfigError.atParam(param, "The window %s–%s %s holds %d channels of the axis %s; it needs at least %d."
                    .formatted(num(from), num(to), axis.unit(), first < 0 ? 0 : last - first + 1, axis.range(), least),
                    "Place the window inside the spectrum's range.");
        }
        return new int[] {first, last};
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
