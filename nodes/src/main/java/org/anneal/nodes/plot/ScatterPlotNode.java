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

@NodeType(id = "plot.scatter", title = "Scatter plot", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Two numeric columns of a table against each other, one point per row. With a categorical `colour` column (a \
                class, a group, a cluster) each of its values becomes its own series, drawn in its own colour: the way to look \
                at two features, or at a two-dimensional embedding (PCA components).""")
public final class ScatterPlotNode implements Node<ScatterPlotNode.Params> {

    public record Params(
            @Param(doc = "Column on the horizontal axis", required = true, hint = Param.Hint.COLUMN) String x,
            @Param(doc = "Column on the vertical axis", required = true, hint = Param.Hint.COLUMN) String y,
            @Param(doc = "Categorical column that colours the points; empty = one colour", def = "\"\"", hint = Param.Hint.COLUMN) String colour) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "The rows to draw");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Scatter of y against x, one series per colour value");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        PlotSpecs.column(t, p.x(), "x", ColumnType.NUMERIC);
        PlotSpecs.column(t, p.y(), "y", ColumnType.NUMERIC);
        if (!p.colour().isEmpty()) {
            PlotSpecs.column(t, p.colour(), "colour", ColumnType.CATEGORICAL);
        }
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        NumericColumn x = t.numeric(p.x());
        NumericColumn y = t.numeric(p.y());
        List<Plot.Series> series = new ArrayList<>();
        if (p.colour().isEmpty()) {
            series.add(points(t.rowCount() + " rows", x, y, i -> true));
        } else {
            CategoricalColumn c = (CategoricalColumn) t.column(p.colour()).orElseThrow();
            for (String level : c.levels()) {
                series.add(points(level, x, y, i -> level.equals(c.get(i))));
            }
            if (c.missingCount() > 0) {
                series.add(points("(missing)", x, y, c::isMissing));
            }
        }
        return Outputs.of(PLOT, Plot.of(Plot.Kind.SCATTER, p.y() + " vs " + p.x(), p.x(), p.y(), series, List.of()));
    }

    /** The rows picked by {@code keep} that have both coordinates; rows missing one cannot be placed. */
    private static Plot.Series points(String name, NumericColumn x, NumericColumn y, java.util.function.IntPredicate keep) {
        double[] xs = new double[x.size()];
        double[] ys = new double[x.size()];
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            if (keep.test(i) && !x.isMissing(i) && !y.isMissing(i)) {
                xs[n] = x.get(i);
                ys[n++] = y.get(i);
            }
        }
        return Plot.Series.of(name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n));
    }
}
