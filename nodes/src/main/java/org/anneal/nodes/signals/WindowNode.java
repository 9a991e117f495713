package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.window", title = "Cut signals into windows", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Cuts every signal of a tensor column (a whole run, a layer) into windows of `window` samples, one every \
                `stride` samples: one output row per window, holding the window [time, channel] on a time axis that starts \
                at 0. Each window keeps its row's other scalar columns (the run id stays a group, so a group split keeps a \
                run's windows together) and gets its start time: the row's time column plus the window's offset, or a new \
                `start` column (time role) when the rows have none. Other tensor columns are left out. A signal shorter than \
                a window gives none. Windows with a stride below their length share samples: split such rows by time with a \
                `gap` of at least (window − 1) × step, or by run, or neighbouring windows land on both sides (L8).""")
public final class WindowNode implements Node<WindowNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Samples per window", def = "30", min = 2, max = 1000000, tunable = true) int window,
            @Param(doc = "Samples from one window's start to the next (= window: side by side)", def = "30", min = 1, max = 1000000) int stride)
            implements org.anneal.spec.SharesSamples {

        @Override
        public double sharedSpan(TableSpec in) {
            var c = in.column(column).orElse(null);
            if (stride >= window || c == null || !c.isTensor() || Double.isNaN(c.shape().axis(0).step())) {
                return 0;
            }
            return (window - 1) * c.shape().axis(0).step();
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a signal column (one per run)");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "One row per window");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        Axis time = SignalStepNode.timeAxis(c);
        if (p.window() > time.size()) {
            throw ConfigError.atParam("window", "A window of " + p.window() + " samples is longer than the signals (" + time.size() + ").",
                    "Choose at most " + time.size() + " samples.");
        }
        List<ColumnSpec> cols = new ArrayList<>();
        boolean hasTime = false;
        for (ColumnSpec s : t.columns()) {
            if (s.role() == ColumnRole.TIME && s.isNumeric()) {
                hasTime = true;
            }
            if (s == c) {
                cols.add(ColumnSpec.tensor(c.name(), c.role(), shape(c.shape(), time, p), c.unit()));
            } else if (!s.isTensor()) {
                cols.add(s);
            }
        }
        if (!hasTime) {
            if (t.column("start").isPresent()) {
                throw ConfigError.atPort(TABLE.name(), "The rows have a column 'start' that is not their time column.", "Rename it first.");
            }
            cols.add(cols.indexOf(cols.stream().filter(s -> s.name().equals(c.name())).findFirst().orElseThrow()),
                    new ColumnSpec("start", ColumnType.NUMERIC, ColumnRole.TIME, time.unit()));
        }
        return Specs.of(OUT, t.withColumns(cols));
    }

    static Shape shape(Shape in, Axis time, Params p) {
        List<Axis> axes = new ArrayList<>(in.axes());
        axes.set(0, Axis.regular(time.name(), p.window(), time.unit(), 0, time.step()));
        return new Shape(axes);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        SignalData sd = SignalData.of(t, p.column());
        TensorColumn c = sd.column();
        Axis time = sd.time();
        int n = sd.samples();
        int channels = sd.channels();
        NumericColumn rowTime = sd.rowTime();
        List<Integer> source = new ArrayList<>();
        List<Double> start = new ArrayList<>();
        List<float[]> windows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if ((r & 63) == 0) {
                ctx.checkCancelled();
            }
            if (c.isMissing(r)) {
                continue;
            }
            for (int s = 0; s + p.window() <= n; s += p.stride()) {
                source.add(r);
                start.add((rowTime == null ? 0 : rowTime.get(r)) + time.value(s) - (rowTime == null ? 0 : time.value(0)));
                windows.add(Arrays.copyOfRange(c.values(), c.offset(r) + s * channels, c.offset(r) + (s + p.window()) * channels));
            }
        }
        int[] rows = source.stream().mapToInt(Integer::intValue).toArray();
        double[] starts = start.stream().mapToDouble(Double::doubleValue).toArray();
        List<Column> out = new ArrayList<>();
        for (Column s : t.columns()) {
            if (s == c) {
                if (rowTime == null) {
                    out.add(new NumericColumn("start", ColumnRole.TIME, starts, time.unit()));
                }
                out.add(TensorColumn.of(c.name(), c.role(), shape(c.shape(), time, p), windows).withUnit(c.unit()));
            } else if (s == rowTime) {
                out.add(new NumericColumn(s.name(), s.role(), starts, rowTime.unit()));
            } else if (!(s instanceof TensorColumn)) {
                out.add(s.rows(rows));
            }
        }
        return Outputs.of(OUT, new Table(out));
    }
}
