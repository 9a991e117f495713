package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.Comparator;
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

@NodeType(id = "spectra.from-columns", title = "Columns to spectrum", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Gathers the channel columns of a wide table (one spectrum per row, one column per channel, as many \
                instruments and Orange export them; read it with data.csv) into one spectrum column with a physical axis, \
                the reverse of spectra.to-columns. A column is a channel when its name is `prefix` followed by a number, the \
                channel's position on the axis (`1000.5`, `wn_1000.5`, `2θ_26.65`); the channels are put in order of that \
                number, and the axis is a regular grid when the steps are equal (to one part in a million), else the listed \
                values. The other columns are kept as they are. A row with a missing channel becomes a missing spectrum \
                (blocks downstream skip it or say which row) rather than a spectrum with a hole that a filter would smear.""")
public final class FromColumnsNode implements Node<FromColumnsNode.Params> {

    public record Params(
            @Param(doc = "Channel columns are named this text followed by their axis value (empty: names that are numbers)") String prefix,
            @Param(doc = "The physical axis of the channels (its name and unit go on the spectrum)", def = "\"wavenumber\"") AxisKind axis,
            @Param(doc = "Name of the new spectrum column", def = "\"spectrum\"") String column) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "A wide table: one row per spectrum, one column per channel");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the channels gathered into one spectrum column");

    /** The fewest channels that make a spectrum: fewer are more likely a naming accident than a measurement. */
    static final int MIN_CHANNELS = 3;

    /** The channel columns in axis order, their axis values, and where the spectrum column goes among the others. */
    record Plan(List<String> channels, double[] positions, int insertAt) {
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        Plan plan = plan(t.columns(), p);
        List<ColumnSpec> cols = new ArrayList<>();
        String unit = t.column(plan.channels().get(0)).orElseThrow().unit();
        for (ColumnSpec c : t.columns()) {
            if (!plan.channels().contains(c.name())) {
                cols.add(c);
            }
        }
        cols.add(plan.insertAt(), ColumnSpec.tensor(p.column(), ColumnRole.FEATURE, Shape.spectrum(axis(plan, p)), unit));
        return Specs.of(OUT, t.withColumns(cols));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        Plan plan = plan(t.spec(org.anneal.spec.Lineage.UNSPLIT).columns(), p);
        int n = plan.channels().size();
        int rows = t.rowCount();
        double[][] channel = new double[n][];
        for (int k = 0; k < n; k++) {
            channel[k] = ((NumericColumn) t.column(plan.channels().get(k)).orElseThrow()).values();
        }
        float[] values = new float[rows * n];
        boolean[] missing = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            if ((r & 1023) == 0) {
                ctx.checkCancelled();
            }
            for (int k = 0; k < n; k++) {
                double v = channel[k][r];
                missing[r] |= Double.isNaN(v);
                values[r * n + k] = (float) v;
            }
            if (missing[r]) {
                java.util.Arrays.fill(values, r * n, (r + 1) * n, Float.NaN);
            }
        }
        String unit = ((NumericColumn) t.column(plan.channels().get(0)).orElseThrow()).unit();
        List<Column> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            if (!plan.channels().contains(c.name())) {
                cols.add(c);
            }
        }
        cols.add(plan.insertAt(), new TensorColumn(p.column(), ColumnRole.FEATURE, Shape.spectrum(axis(plan, p)), values, missing, unit));
        return Outputs.of(OUT, new Table(cols));
    }

    static Axis axis(Plan plan, Params p) {
        return SpectrumFile.grid(p.axis().axisName, p.axis().unit, plan.positions());
    }

    /** Finds the channel columns by name and checks that they can make one spectrum; every refusal names the column. */
    static Plan plan(List<ColumnSpec> columns, Params p) throws ConfigError {
        record Channel(ColumnSpec spec, double at) {
        }
        List<Channel> found = new ArrayList<>();
        int insertAt = -1;
        int kept = 0;
        for (ColumnSpec c : columns) {
            double at = position(c.name(), p.prefix());
            if (Double.isNaN(at)) {
                kept++;
                continue;
            }
            if (c.type() != ColumnType.NUMERIC) {
                throw ConfigError.atParam("prefix", "Column '" + c.name() + "' is named like a channel but holds " + c.type().name().toLowerCase()
                        + " values.", "Give the channels a prefix of their own, or drop the column with data.select first.");
            }
            if (c.role() == ColumnRole.TARGET) {
                throw ConfigError.atParam("prefix", "Column '" + c.name() + "' is the target; gathering it into the spectrum would put the answer "
                        + "among the features.", "Declare another target at the source, or choose a prefix that leaves it out.");
            }
            insertAt = insertAt < 0 ? kept : insertAt;
            found.add(new Channel(c, at));
        }
        if (found.size() < MIN_CHANNELS) {
            throw ConfigError.atParam("prefix", (found.isEmpty() ? "No column" : "Only " + found.size() + " column(s)") + " named "
                    + (p.prefix().isEmpty() ? "by a number" : "'" + p.prefix() + "' and a number") + "; a spectrum needs at least "
                    + MIN_CHANNELS + " channels.", "Set 'prefix' to the text before the axis value in the channel names (e.g. 'wn_' for wn_1000.5).");
        }
        found.sort(Comparator.comparingDouble(Channel::at));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).at() == found.get(i - 1).at()) {
                throw ConfigError.atParam("prefix", "Columns '" + found.get(i - 1).spec().name() + "' and '" + found.get(i).spec().name()
                        + "' are at the same axis value " + found.get(i).at() + ".", "Drop or rename one of them before gathering.");
            }
        }
        String unit = found.get(0).spec().unit();
        for (Channel c : found) {
            if (!c.spec().unit().equals(unit)) {
                throw ConfigError.atParam("prefix", "Channel '" + c.spec().name() + "' is in '" + c.spec().unit() + "', channel '"
                        + found.get(0).spec().name() + "' in '" + unit + "'; one spectrum has one unit.", "Convert the columns to one unit first.");
            }
        }
        return new Plan(found.stream().map(c -> c.spec().name()).toList(), found.stream().mapToDouble(Channel::at).toArray(), insertAt);
    }

    /** The axis value a column name gives after the prefix, or NaN when the name is not a channel's. */
    static double position(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return Double.NaN;
        }
        String rest = name.substring(prefix.length()).strip();
        if (!rest.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.NaN;
        }
        double v = Double.parseDouble(rest);
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
