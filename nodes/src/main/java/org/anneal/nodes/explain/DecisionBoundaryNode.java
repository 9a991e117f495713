package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.anneal.spec.TableSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "explain.decision-boundary", title = "Decision boundary", phase = Phase.EVALUATE, role = LeakageRole.APPLY, usesSeed = false,
        doc = """
                Where a classifier of two features puts its boundaries: predicts the class at every point of a `resolution` × \
                `resolution` grid spanning the `data` rows (plus a tenth of their range on each side) and draws the grid \
                points in the colour of their predicted class — the regions — with the `data` rows on top, coloured by their \
                true class. A linear model's regions meet along straight lines; a network, a kernel machine or a forest bends \
                them. Needs a classifier trained on exactly two numeric features.""")
public final class DecisionBoundaryNode implements Node<DecisionBoundaryNode.Params> {

    public record Params(
            @Param(doc = "Grid points along each feature", def = "60", min = 5, max = 400) int resolution) {
    }

    static final InPort<TrainedModel> MODEL = InPort.of("model", DataKind.MODEL, TrainedModel.class, "A fitted classifier of two features");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to draw over the regions (they also set the grid's extent)");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "Predicted class regions with the rows on top");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        ModelSpec model = in.model(MODEL);
        TableSpec data = in.table(DATA);
        if (model.task() != Task.CLASSIFICATION) {
            throw ConfigError.atPort(MODEL.name(), "A decision boundary separates classes; this model predicts a number.",
                    "Connect a classifier (a categorical target), or look at a regression model with explain.partial-dependence.");
        }
        if (model.features().size() != 2) {
            throw ConfigError.atPort(MODEL.name(), "The regions can be drawn in a plane only for a model of two features; this one reads "
                    + model.features().size() + " " + model.features() + ".", "Select two features (data.select) before training.");
        }
        ModelOutput.requireFeatures(model, data, DATA.name());
        return Specs.of(PLOT, ValueSpec.of(DataKind.PLOT, data.lineage().fittedWith(model.lineage())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        TrainedModel model = in.get(MODEL);
        Table data = in.get(DATA);
        if (data.rowCount() == 0) {
            throw new NodeFailure("There are no rows to draw.", "Connect the test (or training) rows.");
        }
        double[][] x = ModelOutput.features(model, data, DATA.name());
        double[] gx = axis(x[0], p.resolution());
        double[] gy = axis(x[1], p.resolution());
        int cells = gx.length * gy.length;
        double[][] grid = {new double[cells], new double[cells]};
        for (int i = 0; i < gx.length; i++) {
            for (int j = 0; j < gy.length; j++) {
                grid[0][i * gy.length + j] = gx[i];
                grid[1][i * gy.length + j] = gy[j];
            }
        }
        ModelOutput out = ModelOutput.of(model, "");
        double[] predicted = model.predict(out.table(grid));
        List<String> classes = model.classes();
        List<Plot.Series> series = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            final int k = c;
            series.add(points("region: " + classes.get(c), grid, i -> (int) predicted[i] == k));
        }
        CategoricalColumn truth = data.column(model.target()).filter(CategoricalColumn.class::isInstance)
                .map(CategoricalColumn.class::cast).orElse(null);
        if (truth == null) {
            series.add(points(data.rowCount() + " rows", x, i -> true));
        } else {
            for (String level : truth.levels()) {
                series.add(points(level + " (rows)", x, i -> level.equals(truth.get(i))));
            }
        }
        String[] f = model.features().toArray(String[]::new);
        return Outputs.of(PLOT, Plot.of(Plot.Kind.SCATTER, "Decision regions of the " + model.target() + " classifier", f[0], f[1], series, List.of()));
    }

    /** {@code n} evenly spaced values over the rows' range, widened by a tenth of it on each side. */
    static double[] axis(double[] values, int n) {
        double lo = Arrays.stream(values).min().orElseThrow();
        double hi = Arrays.stream(values).max().orElseThrow();
        double pad = hi > lo ? (hi - lo) / 10 : 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo - pad + (hi - lo + 2 * pad) * i / (n - 1);
        }
        return g;
    }

    private static Plot.Series points(String name, double[][] xy, java.util.function.IntPredicate keep) {
        int[] rows = java.util.stream.IntStream.range(0, xy[0].length).filter(keep).toArray();
        double[] xs = new double[rows.length];
        double[] ys = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            xs[k] = xy[0][rows[k]];
            ys[k] = xy[1][rows[k]];
        }
        return Plot.Series.of(name, xs, ys);
    }
}
