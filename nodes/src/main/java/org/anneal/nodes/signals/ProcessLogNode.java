package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.anneal.data.CategoricalColumn;
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
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "data.process-log", title = "Process log to signal windows", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Turns a long-format process log (one row per time, channel and value, with a run id) into signal windows: one \
                row per window of `window` samples, taken every `stride` samples within each run, holding a tensor [time, \
                channel] whose time axis starts at 0 and steps by `step` in the time column's unit, and whose channels are \
                `channels` in that order (other channels of the log are left out). Each row keeps its `run` (a group: windows \
                of one run belong together), the `start` time of the window (the time column) and the `labels` columns: a \
                number is the window's largest value (an anomaly flag becomes 'the window contains an anomaly'), a category \
                its value at the window's last sample. A run's samples must lie on one grid of `step`: a gap, a repeated \
                (time, channel) pair or a missing channel is an error naming the run and time. Windows never cross runs; a run \
                shorter than a window gives none. Windows with a stride below their length share samples: a time split of them \
                needs a `gap` of (window − 1) × step, or the leakage analysis reports it (L8).""")
public final class ProcessLogNode implements Node<ProcessLogNode.Params> {

    public record Params(
            @Param(doc = "Time column (numeric)", def = "\"time\"", hint = Param.Hint.COLUMN) String time,
            @Param(doc = "Channel column (categorical: the sensor's name)", def = "\"channel\"", hint = Param.Hint.COLUMN) String channel,
            @Param(doc = "Value column (numeric)", def = "\"value\"", hint = Param.Hint.COLUMN) String value,
            @Param(doc = "Run id column (categorical); empty = the whole log is one run", def = "\"run\"", hint = Param.Hint.COLUMN) String run,
            @Param(doc = "Channel names to keep, in the order of the tensor's channel axis", required = true) List<String> channels,
            @Param(doc = "Sampling interval, in the time column's unit", def = "1", min = 0) double step,
            @Param(doc = "Samples per window", def = "60", min = 2, max = 1000000) int window,
            @Param(doc = "Samples from one window's start to the next (= window: windows side by side)", def = "60", min = 1, max = 1000000) int stride,
            @Param(doc = "Columns carried to each window (numbers: the window's maximum; categories: the last value)", hint = Param.Hint.COLUMNS) List<String> labels,
            @Param(doc = "Name of the signal column", def = "\"signal\"") String column) implements org.anneal.spec.SharesSamples {

        @Override
        public double sharedSpan(TableSpec in) {
            return stride < window ? (window - 1) * step : 0;
        }
    }

    static final InPort<Table> LOG = InPort.of("log", DataKind.TABLE, Table.class, "Long-format log: time, channel, value, run");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "One row per window: run, start, labels, signal");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec log = in.table(LOG);
        ColumnSpec time = LogColumns.require(log, p.time(), "time", true);
        LogColumns.require(log, p.channel(), "channel", false);
        LogColumns.require(log, p.value(), "value", true);
        if (p.channels().isEmpty()) {
            throw ConfigError.atParam("channels", "No channels are listed.", "List the channel names to keep, e.g. temperature, power.");
        }
        if (!(p.step() > 0)) {
            throw ConfigError.atParam("step", "The sampling interval must be positive.", "Set 'step' to the log's time between samples.");
        }
        List<ColumnSpec> out = new ArrayList<>();
        if (!p.run().isEmpty()) {
            LogColumns.require(log, p.run(), "run", false);
            out.add(new ColumnSpec(p.run(), ColumnType.CATEGORICAL, ColumnRole.GROUP));
        }
        out.add(new ColumnSpec("start", ColumnType.NUMERIC, ColumnRole.TIME, time.unit()));
        for (String l : p.labels()) {
            ColumnSpec c = log.requireColumn(l, "labels");
            if (c.isTensor() || List.of(p.time(), p.channel(), p.value(), p.run(), "start", p.column()).contains(l)) {
                throw ConfigError.atParam("labels", "'" + l + "' cannot be carried to the windows.", "List label columns other than the log's own.");
            }
            out.add(c);
        }
        out.add(ColumnSpec.tensor(p.column(), ColumnRole.FEATURE, shape(p, time.unit()), ""));
        return Specs.of(OUT, new TableSpec(out, log.lineage()));
    }

    static Shape shape(Params p, String unit) {
        return Shape.signal(Axis.regular("time", p.window(), unit, 0, p.step()), p.channels().size());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table log = in.get(LOG);
        LogColumns lc = LogColumns.of(log, p.time(), p.channel(), p.value(), p.run());
        NumericColumn time = lc.time();
        NumericColumn value = lc.value();
        CategoricalColumn channel = lc.channel();
        CategoricalColumn run = lc.run();
        Map<String, Integer> channelIndex = new HashMap<>();
        for (int c = 0; c < p.channels().size(); c++) {
            channelIndex.put(p.channels().get(c), c);
        }
        // rows of each run, by run code in the order of the run column's levels
        Map<Integer, List<Integer>> byRun = new TreeMap<>();
        for (int r = 0; r < log.rowCount(); r++) {
            byRun.computeIfAbsent(run == null ? 0 : run.codes()[r], k -> new ArrayList<>()).add(r);
        }
        int nc = p.channels().size();
        List<Integer> windowRun = new ArrayList<>();
        List<Double> windowStart = new ArrayList<>();
        List<int[]> windowRows = new ArrayList<>();
        List<float[]> signals = new ArrayList<>();
        for (var e : byRun.entrySet()) {
            ctx.checkCancelled();
            String runName = run == null ? "the log" : "run '" + run.levels().get(e.getKey()) + "'";
            List<Integer> rows = e.getValue();
            double t0 = Double.POSITIVE_INFINITY;
            double t1 = Double.NEGATIVE_INFINITY;
            for (int r : rows) {
                t0 = Math.min(t0, time.get(r));
                t1 = Math.max(t1, time.get(r));
            }
            int n = (int) Math.round((t1 - t0) / p.step()) + 1;
            float[] grid = new float[n * nc];
            Arrays.fill(grid, Float.NaN);
            int[] sampleRow = new int[n];
            for (int r : rows) {
                Integer c = channelIndex.get(channel.get(r));
                if (c == null) {
                    continue;
                }
                double k = (time.get(r) - t0) / p.step();
                int i = (int) Math.round(k);
                if (Double.isNaN(time.get(r)) || Math.abs(k - i) > 1e-6) {
                    throw new NodeFailure(String.format(Locale.ROOT, "In %s the time %s is not on the grid of step %s from %s.", runName,
                            fmt(time.get(r)), fmt(p.step()), fmt(t0)), "Set 'step' to the log's sampling interval, or resample the log first.");
                }
                if (!Float.isNaN(grid[i * nc + c])) {
                    throw new NodeFailure(String.format(Locale.ROOT, "In %s, '%s' has two values at time %s.", runName, channel.get(r), fmt(time.get(r))),
                            "Remove repeated log rows (data.aggregate) before making windows.");
                }
                grid[i * nc + c] = (float) value.get(r);
                sampleRow[i] = r;
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < nc; c++) {
                    if (Float.isNaN(grid[i * nc + c])) {
                        throw new NodeFailure(String.format(Locale.ROOT, "In %s, '%s' has no value at time %s.", runName, p.channels().get(c),
                                fmt(t0 + i * p.step())), "Check the channel names in 'channels' and fill gaps in the log before making windows.");
                    }
                }
            }
            for (int s = 0; s + p.window() <= n; s += p.stride()) {
                windowRun.add(e.getKey());
                windowStart.add(t0 + s * p.step());
                windowRows.add(Arrays.copyOfRange(sampleRow, s, s + p.window()));
                signals.add(Arrays.copyOfRange(grid, s * nc, (s + p.window()) * nc));
            }
        }
        List<Column> out = new ArrayList<>();
        if (run != null) {
            out.add(new CategoricalColumn(p.run(), ColumnRole.GROUP, windowRun.stream().mapToInt(Integer::intValue).toArray(), run.levels()));
        }
        out.add(new NumericColumn("start", ColumnRole.TIME, windowStart.stream().mapToDouble(Double::doubleValue).toArray(), time.unit()));
        for (String l : p.labels()) {
            out.add(carried(log.column(l).orElseThrow(), windowRows));
        }
        out.add(TensorColumn.of(p.column(), ColumnRole.FEATURE, shape(p, time.unit()), signals));
        return Outputs.of(OUT, new Table(out));
    }

    /** A label per window: a number's maximum over the window, a category's value at its last sample. */
    private static Column carried(Column c, List<int[]> windows) {
        if (c instanceof NumericColumn num) {
            double[] v = new double[windows.size()];
            for (int w = 0; w < v.length; w++) {
                v[w] = Double.NEGATIVE_INFINITY;
                for (int r : windows.get(w)) {
                    v[w] = Math.max(v[w], num.get(r));
                }
            }
            return new NumericColumn(c.name(), c.role(), v, num.unit());
        }
        CategoricalColumn cat = (CategoricalColumn) c;
        int[] codes = new int[windows.size()];
        for (int w = 0; w < codes.length; w++) {
            int[] rows = windows.get(w);
            codes[w] = cat.codes()[rows[rows.length - 1]];
        }
        return new CategoricalColumn(c.name(), c.role(), codes, cat.levels(), cat.unit());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
