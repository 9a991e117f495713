package org.anneal.nodes.plot;

import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnSpec;
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

@NodeType(id = "plot.spectra", title = "Spectra overlaid", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Overlays the spectra of a table on their physical axis (energy, 2θ, Raman shift, with the unit on the axis): up \
                to `lines` spectra spread evenly over the rows, coloured by `colour` — a category (phase, sample, material) or \
                a number cut into four ranges — so one colour is one group and the legend lists the groups, not the rows. With \
                `band`, each group's mean spectrum and a band of ± one standard deviation per channel over all its rows: where \
                the groups differ beyond their scatter is what a classifier or NMF can use. The editor zooms into the chart \
                (drag across a range, double-click to go back); `anneal run --plots` writes it as a PNG.""")
public final class SpectraPlotNode implements Node<SpectraPlotNode.Params> {

    public record Params(
            @Param(doc = "Spectrum column", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Column that colours the spectra (a category, or a number in four ranges); empty = one colour per line",
                    def = "\"\"", hint = Param.Hint.COLUMN) String colour,
            @Param(doc = "Most spectra drawn as lines (0 = only the bands)", def = "20", min = 0, max = 2000) int lines,
            @Param(doc = "Add each colour group's mean ± standard deviation", def = "false") boolean band,
            @Param(doc = "Title; empty = what is drawn", def = "\"\"") String title) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a spectrum column");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The spectra on their axis");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec c = t.requireColumn(p.column(), "column");
        if (!c.isTensor() || c.shape().rank() != 1) {
            throw ConfigError.atParam("column", "Column '" + p.column() + "' holds " + (c.isTensor() ? c.shape().describe() + " tensors" : "one value per row")
                    + ", not a spectrum (one axis of channels).", "Name the column that holds the spectra.");
        }
        if (!p.colour().isEmpty() && t.requireColumn(p.colour(), "colour").isTensor()) {
            throw ConfigError.atParam("colour", "Column '" + p.colour() + "' holds a tensor; colours come from one label or number per row.",
                    "Choose a label column such as a phase or sample.");
        }
        if (p.lines() == 0 && !p.band()) {
            throw ConfigError.atParam("lines", "With no lines and no band there is nothing to draw.", "Draw some lines, or tick 'band'.");
        }
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        TensorColumn c = (TensorColumn) t.column(p.column()).orElseThrow();
        Column colour = p.colour().isEmpty() ? null : t.column(p.colour()).orElseThrow();
        String title = p.title().isEmpty() ? SpectrumTraces.describe(c, colour, p.lines(), p.band()) : p.title();
        return Outputs.of(PLOT, SpectrumTraces.overlay(c, colour, p.lines(), p.band(), title));
    }
}
