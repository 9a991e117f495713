package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
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
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "plot.bars", title = "Bar chart", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                One bar per row of a table: a label column names the bars, a value column sets their height, and an optional \
                column gives ± error bars. Made for the tables of explain.permutation-importance (feature, importance, \
                importance_sd), explain.coefficients (parameter, value) and explain.shap's summary; with the defaults it finds \
                those columns itself.""")
public final class BarPlotNode implements Node<BarPlotNode.Params> {

    public record Params(
            @Param(doc = "Column naming the bars; empty = the first categorical column", def = "\"\"", hint = Param.Hint.COLUMN) String label,
            @Param(doc = "Column of bar heights; empty = the first numeric column", def = "\"\"", hint = Param.Hint.COLUMN) String value,
            @Param(doc = "Column of ± error bar half-widths; empty = `<value>_sd` when the table has it", def = "\"\"", hint = Param.Hint.COLUMN) String error,
            @Param(doc = "Chart title; empty = the value column's name", def = "\"\"") String title) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "One row per bar");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Bar chart");

    /** The columns to draw, after filling in the defaults. */
    record Columns(String label, String value, String error) {
        static Columns resolve(TableSpec t, Params p) throws ConfigError {
            String label = p.label().isEmpty() ? t.columns().stream().filter(ColumnSpec::isCategorical).map(ColumnSpec::name).findFirst()
                    .orElseThrow(() -> ConfigError.atPort("table", "The table has no categorical column to name the bars.", "Set 'label'."))
                    : PlotSpecs.column(t, p.label(), "label", ColumnType.CATEGORICAL).name();
            String value = p.value().isEmpty() ? t.columns().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).findFirst()
                    .orElseThrow(() -> ConfigError.atPort("table", "The table has no numeric column for the bar heights.", "Set 'value'."))
                    : PlotSpecs.column(t, p.value(), "value", ColumnType.NUMERIC).name();
            String error = p.error().isEmpty() ? (t.column(value + "_sd").filter(ColumnSpec::isNumeric).isPresent() ? value + "_sd" : null)
                    : PlotSpecs.column(t, p.error(), "error", ColumnType.NUMERIC).name();
            return new Columns(label, value, error);
        }
    }

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        return Specs.of(PLOT, PlotSpecs.plot(t)).withPlan(Columns.resolve(t, p));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        Columns c = in.plan(Columns.class, this, p, ctx);
        Column labels = t.column(c.label()).orElseThrow();
        List<String> names = new ArrayList<>();
        double[] x = new double[t.rowCount()];
        for (int i = 0; i < x.length; i++) {
            names.add(labels.text(i));
            x[i] = i;
        }
        double[] y = PlotSpecs.complete(t, c.value());
        double[] lo = null;
        double[] hi = null;
        if (c.error() != null) {
            double[] e = PlotSpecs.complete(t, c.error());
            lo = new double[e.length];
            hi = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                lo[i] = y[i] - e[i];
                hi[i] = y[i] + e[i];
            }
        }
        String title = p.title().isEmpty() ? c.value() + " by " + c.label() : p.title();
        return Outputs.of(PLOT, Plot.of(Plot.Kind.BAR, title, c.label(), c.value(), List.of(new Plot.Series(c.value(), x, y, lo, hi, names)), List.of()));
    }
}
