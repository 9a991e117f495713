package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
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
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "signals.trigger", title = "Trigger on a level", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Finds the moments a signal channel crosses a level, with hysteresis so that noise around the level does not \
                fire a burst of events (a Schmitt trigger): the signal goes *high* when it reaches `level` and *low* again only \
                when it falls below `level` − `hysteresis`; each change is an event. The state at the first sample is taken \
                as given (no event there). `events` holds one row per event: the row's scalar columns (run id, labels), \
                `time` (the row's time column plus the offset, or the axis value), `direction` (rising or falling), the \
                channel's `value` there and `duration` (time until the next event of the row, the length of the excursion; \
                missing for the last). `out` is the input with `<column>_events` (number of events) and `<column>_high` \
                (time spent high) added, features a classifier can use. The trigger reads each sample and the ones before \
                it only.""")
public final class TriggerNode implements Node<TriggerNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Channel to watch (1 = the first)", def = "1", min = 1, max = 100000) int channel,
            @Param(doc = "Level at which the signal goes high", def = "0") double level,
            @Param(doc = "Drop below the level needed to go low again (≥ 0)", def = "0", min = 0) double hysteresis) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a signal column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with event counts and time high added");
    static final OutPort<Table> EVENTS = OutPort.of("events", DataKind.TABLE, Table.class, "One row per event");
    static final List<String> DIRECTIONS = List.of("rising", "falling");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        Axis time = SignalStepNode.timeAxis(c);
        int channels = c.shape().rank() == 2 ? c.shape().axis(1).size() : 1;
        if (p.channel() > channels) {
            throw ConfigError.atParam("channel", "Channel " + p.channel() + " does not exist; '" + c.name() + "' has " + channels + ".",
                    "Choose a channel from 1 to " + channels + ".");
        }
        for (String n : List.of(countName(p), highName(p))) {
            if (t.column(n).isPresent()) {
                throw ConfigError.atParam("column", "The table already has a column '" + n + "'.", "Rename it first.");
            }
        }
        TableSpec out = t.plus(new ColumnSpec(countName(p), ColumnType.NUMERIC, ColumnRole.FEATURE))
                .plus(new ColumnSpec(highName(p), ColumnType.NUMERIC, ColumnRole.FEATURE, time.unit()));
        List<ColumnSpec> ev = new ArrayList<>();
        for (ColumnSpec s : t.columns()) {
            if (!s.isTensor() && s.role() != ColumnRole.TIME && !List.of("time", "direction", "value", "duration").contains(s.name())) {
                ev.add(s);
            }
        }
        ev.add(new ColumnSpec("time", ColumnType.NUMERIC, ColumnRole.TIME, time.unit()));
        ev.add(new ColumnSpec("direction", ColumnType.CATEGORICAL, ColumnRole.FEATURE));
        ev.add(new ColumnSpec("value", ColumnType.NUMERIC, ColumnRole.FEATURE, c.unit()));
        ev.add(new ColumnSpec("duration", ColumnType.NUMERIC, ColumnRole.FEATURE, time.unit()));
        return Specs.of(OUT, out, EVENTS, new TableSpec(ev, t.lineage()));
    }

    private static String countName(Params p) {
        return p.column() + "_events";
    }

    private static String highName(Params p) {
        return p.column() + "_high";
    }

    /** Sample indices where the state changes; the first entry's direction follows from the state at sample 0. */
    static List<Integer> crossings(double[] y, double level, double hysteresis, boolean[] highAtStart) {
        List<Integer> at = new ArrayList<>();
        boolean high = y[0] >= level;
        highAtStart[0] = high;
        for (int i = 1; i < y.length; i++) {
            if (!high && y[i] >= level) {
                high = true;
                at.add(i);
            } else if (high && y[i] < level - hysteresis) {
                high = false;
                at.add(i);
            }
        }
        return at;
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
        double[] count = new double[t.rowCount()];
        double[] highTime = new double[t.rowCount()];
        List<Integer> source = new ArrayList<>();
        List<Double> when = new ArrayList<>();
        List<Integer> direction = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        List<Double> duration = new ArrayList<>();
        double[] y = new double[n];
        for (int r = 0; r < t.rowCount(); r++) {
            if (c.isMissing(r)) {
                count[r] = Double.NaN;
                highTime[r] = Double.NaN;
                continue;
            }
            sd.channel(r, p.channel() - 1, y);
            boolean[] high = new boolean[1];
            List<Integer> at = crossings(y, p.level(), p.hysteresis(), high);
            double t0 = rowTime == null ? 0 : rowTime.get(r) - time.value(0);
            count[r] = at.size();
            // time high: the state holds from one sample to the next, so each step counts for the state at its start
            boolean state = high[0];
            int next = 0;
            for (int i = 0; i < n - 1; i++) {
                if (next < at.size() && at.get(next) == i) {
                    state = !state;
                    next++;
                }
                if (state) {
                    highTime[r] += time.value(i + 1) - time.value(i);
                }
            }
            for (int k = 0; k < at.size(); k++) {
                int i = at.get(k);
                source.add(r);
                when.add(t0 + time.value(i));
                direction.add((k % 2 == 0) != high[0] ? 0 : 1);
                value.add(y[i]);
                duration.add(k + 1 < at.size() ? time.value(at.get(k + 1)) - time.value(i) : Double.NaN);
            }
        }
        Table out = t.with(new NumericColumn(countName(p), ColumnRole.FEATURE, count))
                .with(new NumericColumn(highName(p), ColumnRole.FEATURE, highTime, time.unit()));
        int[] rows = source.stream().mapToInt(Integer::intValue).toArray();
        List<Column> ev = new ArrayList<>();
        for (Column s : t.columns()) {
            if (!(s instanceof TensorColumn) && s.role() != ColumnRole.TIME && !List.of("time", "direction", "value", "duration").contains(s.name())) {
                ev.add(s.rows(rows));
            }
        }
        ev.add(new NumericColumn("time", ColumnRole.TIME, when.stream().mapToDouble(Double::doubleValue).toArray(), time.unit()));
        ev.add(new CategoricalColumn("direction", ColumnRole.FEATURE, direction.stream().mapToInt(Integer::intValue).toArray(), DIRECTIONS));
        ev.add(new NumericColumn("value", ColumnRole.FEATURE, value.stream().mapToDouble(Double::doubleValue).toArray(), c.unit()));
        ev.add(new NumericColumn("duration", ColumnRole.FEATURE, duration.stream().mapToDouble(Double::doubleValue).toArray(), time.unit()));
        return Outputs.of(OUT, out, EVENTS, new Table(ev));
    }
}
