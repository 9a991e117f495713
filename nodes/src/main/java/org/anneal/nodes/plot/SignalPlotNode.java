package org.anneal.nodes.plot;

import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
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

@NodeType(id = "plot.signal", title = "Signal with events", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Draws one run of a signal column on the clock: its windows laid end to end on the rows' time column (each \
                moment once where windows overlap), one line per channel, and shades where something happened — the windows \
                whose `flag` column is 1 (signals.anomaly-score's `_flag`, the generator's `anomaly` truth) and, when \
                signals.trigger's `events` are wired in, the stretches the signal spent above the trigger level. So a \
                student sees whether the flagged windows sit on the excursions and faults they are meant to catch. The \
                editor's Data tab draws the same chart for any signal table.""")
public final class SignalPlotNode implements Node<SignalPlotNode.Params> {

    public record Params(
            @Param(doc = "Signal column", def = "\"signal\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Channel to draw (1 = the first); 0 = every channel", def = "0", min = 0, max = 100000) int channel,
            @Param(doc = "Run to draw (a value of the group column); empty = the first row's run", def = "\"\"") String run,
            @Param(doc = "Column whose 1 marks windows to shade; empty = 'anomaly' or a column ending in _flag, if any",
                    def = "\"\"", hint = Param.Hint.COLUMN) String flag,
            @Param(doc = "Title; empty = the signal's name and what is shaded", def = "\"\"") String title) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a signal column (windows or whole runs)");
    static final InPort<Table> EVENTS = InPort.of("events", DataKind.TABLE, Table.class,
            "signals.trigger's events (time, direction, duration): the stretches above the level are shaded").optional();
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The signal over time with its events and flags shaded");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        if (!c.isTensor() || c.shape().rank() > 2 || !c.shape().axis(0).name().equals("time") || Double.isNaN(c.shape().axis(0).step())) {
            throw ConfigError.atParam("column", "Column '" + p.column() + "' is not a signal [time, channel] on a regular time grid.",
                    "Name a signal column (from data.process-log or signals.window), resampled onto equal steps.");
        }
        int channels = c.shape().size() / c.shape().axis(0).size();
        if (p.channel() > channels) {
            throw ConfigError.atParam("channel", "Channel " + p.channel() + " does not exist; '" + c.name() + "' has " + channels + ".",
                    "Choose 0 (all) or a channel from 1 to " + channels + ".");
        }
        if (!p.flag().isEmpty() && !t.requireColumn(p.flag(), "flag").isNumeric()) {
            throw ConfigError.atParam("flag", "Column '" + p.flag() + "' does not hold a number per row.", "Name a 0/1 column such as anomaly_score_flag.");
        }
        if (!p.run().isEmpty() && t.columns().stream().noneMatch(s -> s.role() == ColumnRole.GROUP && !s.isTensor())) {
            throw ConfigError.atParam("run", "The rows have no group column, so there is no run '" + p.run() + "' to choose.", "Leave 'run' empty.");
        }
        if (in.has(EVENTS)) {
            ColumnSpec time = in.table(EVENTS).column("time").orElse(null);
            if (time == null || !time.isNumeric()) {
                throw ConfigError.atPort(EVENTS.name(), "The events table has no numeric 'time' column.", "Connect the 'events' output of signals.trigger.");
            }
        }
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(p.column()).orElseThrow();
        NumericColumn flag = p.flag().isEmpty() ? SignalTraces.flagColumn(t) : t.numeric(p.flag());
        if (!p.run().isEmpty()) {
            Column group = t.columns().stream().filter(s -> s.role() == ColumnRole.GROUP && !(s instanceof TensorColumn)).findFirst().orElseThrow();
            boolean found = false;
            for (int r = 0; r < t.rowCount() && !found; r++) {
                found = p.run().equals(group.text(r)) && !c.isMissing(r);
            }
            if (!found) {
                throw new NodeFailure("No row of " + group.name() + " '" + p.run() + "' has a signal.", "Choose a run that is in the table, or leave 'run' empty.");
            }
        }
        Plot plot = SignalTraces.stitched(t, c, p.run().isEmpty() ? null : p.run(), p.channel() - 1, flag, in.has(EVENTS) ? in.get(EVENTS) : null);
        if (!p.title().isEmpty()) {
            plot = new Plot(plot.kind(), p.title(), plot.xLabel(), plot.yLabel(), plot.series(), plot.guides(), null, plot.spans());
        }
        return Outputs.of(PLOT, plot);
    }
}
