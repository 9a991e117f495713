package org.anneal.nodes.signals;

import java.util.ArrayList;
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
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.statistics", title = "Signal statistics", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Summarises every signal (a whole run, or one window of it) by numbers a model can use: for each channel the \
                `mean`, standard deviation `sd` (n − 1), `min`, `max`, `range`, root mean square `rms`, least-squares `slope` \
                per time unit, and the `first` and `last` value. Columns are named `<column>_<statistic>` for a one-channel \
                signal and `<column>_<channel>_<statistic>` otherwise (channels numbered from 1, or named by `channels`). \
                Each row's statistics use that row's samples only. The signal column itself is dropped unless `keep` is set \
                (models take one number per feature).""")
public final class StatisticsNode implements Node<StatisticsNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Statistics: mean, sd, min, max, range, rms, slope, first, last", def = "[\"mean\", \"sd\", \"min\", \"max\", \"slope\"]")
            List<String> statistics,
            @Param(doc = "Names for the channels, in order (as listed in data.process-log); empty = 1, 2, …") List<String> channels,
            @Param(doc = "Keep the signal column", def = "false") boolean keep) {
    }

    static final List<String> KNOWN = List.of("mean", "sd", "min", "max", "range", "rms", "slope", "first", "last");
    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a signal column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with one column per channel and statistic");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        Axis time = SignalStepNode.timeAxis(c);
        if (p.statistics().isEmpty()) {
            throw ConfigError.atParam("statistics", "No statistics are listed.", "List some of " + String.join(", ", KNOWN) + ".");
        }
        for (String s : p.statistics()) {
            if (!KNOWN.contains(s)) {
                throw ConfigError.atParam("statistics", "'" + s + "' is not a statistic this block computes.", "Use " + String.join(", ", KNOWN) + ".");
            }
        }
        int channels = c.shape().rank() == 2 ? c.shape().axis(1).size() : 1;
        if (!p.channels().isEmpty() && p.channels().size() != channels) {
            throw ConfigError.atParam("channels", p.channels().size() + " channel name(s) for " + channels + " channel(s).",
                    "Name every channel, in order, or none.");
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec s : t.columns()) {
            if (s != c || p.keep()) {
                cols.add(s);
            }
        }
        for (String name : names(p, channels)) {
            if (t.column(name).isPresent()) {
                throw ConfigError.atParam("column", "The table already has a column '" + name + "'.", "Rename it first.");
            }
            cols.add(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE, unit(name.substring(name.lastIndexOf('_') + 1), c.unit(), time)));
        }
        return Specs.of(OUT, t.withColumns(cols));
    }

    /** Output names, channel-major: every statistic of channel 1, then of channel 2. */
    static List<String> names(Params p, int channels) {
        List<String> out = new ArrayList<>();
        for (int ch = 0; ch < channels; ch++) {
            String prefix = p.column() + "_" + (channels == 1 ? "" : (p.channels().isEmpty() ? String.valueOf(ch + 1) : p.channels().get(ch)) + "_");
            for (String s : p.statistics()) {
                out.add(prefix + s);
            }
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        SignalData sd = SignalData.of(t, p.column());
        TensorColumn c = sd.column();
        Axis time = sd.time();
        int n = sd.samples();
        int channels = sd.channels();
        List<String> names = names(p, channels);
        int k = p.statistics().size();
        double[][] values = new double[names.size()][t.rowCount()];
        double[] y = new double[n];
        for (int r = 0; r < t.rowCount(); r++) {
            if ((r & 63) == 0) {
                ctx.checkCancelled();
            }
            for (int ch = 0; ch < channels; ch++) {
                sd.channel(r, ch, y);
                for (int s = 0; s < k; s++) {
                    values[ch * k + s][r] = statistic(p.statistics().get(s), y, time);
                }
            }
        }
        List<Column> out = new ArrayList<>();
        for (Column s : t.columns()) {
            if (s != c || p.keep()) {
                out.add(s);
            }
        }
        Table spec = new Table(out);
        for (int j = 0; j < names.size(); j++) {
            spec = spec.with(new NumericColumn(names.get(j), ColumnRole.FEATURE, values[j], unit(p.statistics().get(j % k), c.unit(), time)));
        }
        return Outputs.of(OUT, spec);
    }

    /** A slope is per time unit; every other statistic keeps the signal's unit. */
    private static String unit(String statistic, String signal, Axis time) {
        return statistic.equals("slope") ? (signal.isEmpty() ? "1" : signal) + "/" + (time.unit().isEmpty() ? "step" : time.unit()) : signal;
    }

    /** One statistic of one channel's samples; NaN when a sample is missing. */
    static double statistic(String name, double[] y, Axis time) {
        int n = y.length;
        double sum = 0;
        double sq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            sum += v;
            sq += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        return switch (name) {
            case "mean" -> mean;
            case "sd" -> {
                double ss = 0;
                for (double v : y) {
                    ss += (v - mean) * (v - mean);
                }
                yield n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            }
            case "min" -> Double.isNaN(sum) ? Double.NaN : min;
            case "max" -> Double.isNaN(sum) ? Double.NaN : max;
            case "range" -> max - min + 0 * sum;
            case "rms" -> Math.sqrt(sq / n);
            case "slope" -> {
                double tm = 0;
                for (int i = 0; i < n; i++) {
                    tm += time.value(i) / n;
                }
                double sxy = 0;
                double sxx = 0;
                for (int i = 0; i < n; i++) {
                    sxy += (time.value(i) - tm) * (y[i] - mean);
                    sxx += (time.value(i) - tm) * (time.value(i) - tm);
                }
                yield sxx == 0 ? 0 : sxy / sxx;
            }
            case "first" -> y[0] + 0 * sum;
            case "last" -> y[n - 1] + 0 * sum;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
