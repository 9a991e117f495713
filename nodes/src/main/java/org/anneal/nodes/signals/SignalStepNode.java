package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/**
 * A step that maps every signal window [time, channel] of one tensor column to a new one, channel by channel and row by
 * row: nothing is learnt from other rows. The first axis must carry a regular time grid (the step is needed for rates and
 * frequencies). A missing row stays missing.
 */
abstract class SignalStepNode<P extends Record> implements Node<P> {
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a signal column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The same rows, the signal column processed");

    protected abstract String column(P p);

    /** The first axis of the processed column (the time axis itself unless the step changes it, as the FFT does). */
    protected Axis outAxis(Axis time, P p) throws ConfigError {
        return time;
    }

    protected String outUnit(String in, Axis time, P p) {
        return in;
    }

    /** One channel's samples {@code y} at spacing {@code dt} to its processed values (length = the out axis). */
    protected abstract double[] process(double[] y, double dt, P p);

    @Override
    public Specs configure(Specs in, P p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(column(p), "column");
        Axis time = timeAxis(c);
        Shape out = outShape(c.shape(), outAxis(time, p));
        List<ColumnSpec> cols = new ArrayList<>(t.columns());
        cols.set(cols.indexOf(c), ColumnSpec.tensor(c.name(), c.role(), out, outUnit(c.unit(), time, p)));
        return Specs.of(OUT, t.withColumns(cols));
    }

    private static Shape outShape(Shape in, Axis first) {
        List<Axis> axes = new ArrayList<>(in.axes());
        axes.set(0, first);
        return new Shape(axes);
    }

    static Axis timeAxis(ColumnSpec c) throws ConfigError {
        if (!c.isTensor() || c.shape().rank() > 2) {
            throw ConfigError.atParam("column", "Column '" + c.name() + "' holds " + (c.isTensor() ? c.shape().describe() + " tensors" : "one value per row")
                    + ", not a signal [time, channel].", "Name a signal column (from data.process-log).");
        }
        Axis time = c.shape().axis(0);
        if (Double.isNaN(time.step())) {
            throw ConfigError.atParam("column", "The first axis of '" + c.name() + "' has no regular grid, so rates and frequencies are undefined.",
                    "Resample the signal onto equal time steps first.");
        }
        return time;
    }

    @Override
    public Outputs execute(Inputs in, P p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(column(p)).orElseThrow();
        Axis time = c.shape().axis(0);
        Axis outTime = outAxis(time, p);
        int n = time.size();
        int channels = c.rowSize() / n;
        int m = outTime.size();
        float[] values = new float[c.size() * m * channels];
        double[] y = new double[n];
        for (int r = 0; r < c.size(); r++) {
            if ((r & 63) == 0) {
                ctx.checkCancelled();
            }
            for (int ch = 0; ch < channels; ch++) {
                for (int i = 0; i < n; i++) {
                    y[i] = c.values()[r * c.rowSize() + i * channels + ch];
                }
                if (c.isMissing(r)) {
                    for (int i = 0; i < m; i++) {
                        values[(r * m + i) * channels + ch] = Float.NaN;
                    }
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(y[i])) {
                        throw new NodeFailure("Row " + (r + 1) + " of '" + c.name() + "' has no value at time step " + (i + 1) + ", channel " + (ch + 1) + ".",
                                "Fill or drop windows with gaps first.");
                    }
                }
                double[] z = process(y, time.step(), p);
                for (int i = 0; i < m; i++) {
                    values[(r * m + i) * channels + ch] = (float) z[i];
                }
            }
        }
        boolean[] missing = new boolean[c.size()];
        for (int r = 0; r < missing.length; r++) {
            missing[r] = c.isMissing(r);
        }
        return Outputs.of(OUT, t.with(new TensorColumn(c.name(), c.role(), outShape(c.shape(), outTime), values, missing, outUnit(c.unit(), time, p))));
    }
}
