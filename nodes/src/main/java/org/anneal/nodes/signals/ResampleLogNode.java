package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
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

@NodeType(id = "signals.resample", title = "Resample a process log", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Puts a long-format log whose sensors report at irregular or differing times onto one regular time grid, so \
                data.process-log can cut it into windows: for each run, the grid starts at the latest first sample of its \
                channels and steps by `step` up to the earliest last sample (every channel has a value at every grid time). \
                `linear` interpolates between the samples on either side; `previous` holds the last sample at or before the \
                grid time (what a controller saw at that moment: it never reads a later sample). Out: `run`, time, `channel`, \
                `value` (other columns are left out); a channel with fewer than two samples in a run is an error naming both.""")
public final class ResampleLogNode implements Node<ResampleLogNode.Params> {

    public record Params(
            @Param(doc = "Time column (numeric)", def = "\"time\"", hint = Param.Hint.COLUMN) String time,
            @Param(doc = "Channel column (categorical)", def = "\"channel\"", hint = Param.Hint.COLUMN) String channel,
            @Param(doc = "Value column (numeric)", def = "\"value\"", hint = Param.Hint.COLUMN) String value,
            @Param(doc = "Run id column (categorical); empty = one run", def = "\"run\"", hint = Param.Hint.COLUMN) String run,
            @Param(doc = "Grid step, in the time column's unit", def = "1", min = 0) double step,
            @Param(doc = "Value at a grid time", def = "\"linear\"") Method method) {
    }

    public enum Method { LINEAR, PREVIOUS }

    static final InPort<Table> LOG = InPort.of("log", DataKind.TABLE, Table.class, "Long-format log: time, channel, value, run");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The log on a regular grid");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec log = in.table(LOG);
        List<ColumnSpec> out = new ArrayList<>();
        if (!p.run().isEmpty()) {
            out.add(LogColumns.require(log, p.run(), "run", false).withRole(ColumnRole.GROUP));
        }
        out.add(LogColumns.require(log, p.time(), "time", true).withRole(ColumnRole.TIME));
        out.add(LogColumns.require(log, p.channel(), "channel", false));
        out.add(LogColumns.require(log, p.value(), "value", true));
        if (!(p.step() > 0)) {
            throw ConfigError.atParam("step", "The grid step must be positive.", "Set 'step' to the time between grid points.");
        }
        return Specs.of(OUT, new TableSpec(out, log.lineage()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table log = in.get(LOG);
        LogColumns lc = LogColumns.of(log, p.time(), p.channel(), p.value(), p.run());
        NumericColumn time = lc.time();
        NumericColumn value = lc.value();
        CategoricalColumn channel = lc.channel();
        CategoricalColumn run = lc.run();
        // rows of each run and channel, by codes
        Map<Integer, Map<Integer, List<Integer>>> rows = new TreeMap<>();
        for (int r = 0; r < log.rowCount(); r++) {
            if (Double.isNaN(time.get(r)) || Double.isNaN(value.get(r)) || channel.isMissing(r)) {
                continue; // a sample without time or value carries nothing to interpolate
            }
            rows.computeIfAbsent(run == null ? 0 : run.codes()[r], k -> new TreeMap<>()).computeIfAbsent(channel.codes()[r], k -> new ArrayList<>()).add(r);
        }
        List<Integer> outRun = new ArrayList<>();
        List<Double> outTime = new ArrayList<>();
        List<Integer> outChannel = new ArrayList<>();
        List<Double> outValue = new ArrayList<>();
        for (var e : rows.entrySet()) {
            ctx.checkCancelled();
            String runName = run == null ? "the log" : "run '" + run.levels().get(e.getKey()) + "'";
            double t0 = Double.NEGATIVE_INFINITY;
            double t1 = Double.POSITIVE_INFINITY;
            for (var ch : e.getValue().entrySet()) {
                List<Integer> rs = ch.getValue();
                rs.sort(Comparator.comparingDouble(time::get));
                if (rs.size() < 2) {
                    throw new NodeFailure("In " + runName + ", '" + channel.levels().get(ch.getKey()) + "' has " + rs.size() + " sample(s); resampling needs two.",
                            "Drop the channel or the run first (data.filter-rows).");
                }
                t0 = Math.max(t0, time.get(rs.get(0)));
                t1 = Math.min(t1, time.get(rs.get(rs.size() - 1)));
            }
            int points = (int) Math.floor((t1 - t0) / p.step() + 1e-9) + 1;
            if (points < 1) {
                throw new NodeFailure(String.format(Locale.ROOT, "In %s the channels share no time span (latest start %s after earliest end %s).",
                        runName, t0, t1), "Check the log's channels and times.");
            }
            for (int i = 0; i < points; i++) {
                double t = t0 + i * p.step();
                for (var ch : e.getValue().entrySet()) {
                    outRun.add(e.getKey());
                    outTime.add(t);
                    outChannel.add(ch.getKey());
                    outValue.add(at(ch.getValue(), time, value, t, p.method()));
                }
            }
        }
        List<Column> out = new ArrayList<>();
        if (run != null) {
            out.add(new CategoricalColumn(run.name(), ColumnRole.GROUP, outRun.stream().mapToInt(Integer::intValue).toArray(), run.levels()));
        }
        out.add(new NumericColumn(time.name(), ColumnRole.TIME, outTime.stream().mapToDouble(Double::doubleValue).toArray(), time.unit()));
        out.add(new CategoricalColumn(channel.name(), channel.role(), outChannel.stream().mapToInt(Integer::intValue).toArray(), channel.levels(),
                channel.unit()));
        out.add(new NumericColumn(value.name(), value.role(), outValue.stream().mapToDouble(Double::doubleValue).toArray(), value.unit()));
        return Outputs.of(OUT, new Table(out));
    }

    /** The channel's value at time t from its samples (sorted by time), t within their span. */
    static double at(List<Integer> rs, NumericColumn time, NumericColumn value, double t, Method m) {
        int lo = 0;
        int hi = rs.size() - 1;
        while (hi - lo > 1) { // the last sample at or before t is at lo
            int mid = (lo + hi) >>> 1;
            if (time.get(rs.get(mid)) <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (time.get(rs.get(hi)) <= t) {
            lo = hi;
        }
        double ta = time.get(rs.get(lo));
        if (m == Method.PREVIOUS || lo == rs.size() - 1 || ta == t) {
            return value.get(rs.get(lo));
        }
        double tb = time.get(rs.get(lo + 1));
        double w = (t - ta) / (tb - ta);
        return (1 - w) * value.get(rs.get(lo)) + w * value.get(rs.get(lo + 1));
    }
}
