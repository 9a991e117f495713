package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
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

@NodeType(id = "plot.map", title = "Map of pixels", phase = Phase.EVALUATE, role = LeakageRole.SINK, usesSeed = false,
        doc = """
                Paints one value per row back onto the pixel grid the rows came from: the rows of a spectrum image \
                (data.spectrum-image keeps each pixel's `x` and `y`), coloured by a cluster label, an NMF or PCA weight, a \
                predicted phase or a residual. This is the phase map of the characterization lesson: k-means or NMF only \
                become a microstructure when their labels are seen in place. A numeric value shades from white to dark; a \
                categorical one (a cluster or phase label) is painted by its category number from 1, and the title lists which \
                number is which category. Pixels with no row stay blank, so a map of only the test rows shows where they lie. \
                Positions must be whole numbers from 0 (pixel indices); two rows at one pixel are an error that names it.""")
public final class MapPlotNode implements Node<MapPlotNode.Params> {
    /** Larger maps would be drawn as more cells than a plot pane has pixels. */
    static final int MAX_SIDE = 1024;

    public record Params(
            @Param(doc = "Value to paint: a numeric or categorical column", hint = Param.Hint.COLUMN, required = true) String value,
            @Param(doc = "Column of the pixel's column index (0 at the left)", def = "\"x\"", hint = Param.Hint.COLUMN) String x,
            @Param(doc = "Column of the pixel's row index (0 at the top)", def = "\"y\"", hint = Param.Hint.COLUMN) String y,
            @Param(doc = "Title; empty = the value column's name", def = "\"\"") String title) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "One row per pixel, with its x and y");
    static final OutPort<Plot> PLOT = OutPort.of("plot", DataKind.PLOT, Plot.class, "The value of every pixel in place");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        PlotSpecs.column(t, p.x(), "x", ColumnType.NUMERIC);
        PlotSpecs.column(t, p.y(), "y", ColumnType.NUMERIC);
        ColumnSpec v = t.requireColumn(p.value(), "value");
        if (v.isTensor()) {
            throw ConfigError.atParam("value", "Column '" + p.value() + "' holds a tensor (a spectrum or image per row); a map paints one "
                    + "number or label per pixel.", "Choose a score, weight or label column (after prepare.pca, prepare.nmf or cluster.kmeans).");
        }
        return Specs.of(PLOT, PlotSpecs.plot(t));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        int[] px = positions(t, p.x());
        int[] py = positions(t, p.y());
        int width = Arrays.stream(px).max().orElse(-1) + 1;
        int height = Arrays.stream(py).max().orElse(-1) + 1;
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new NodeFailure("The map would be " + width + " × " + height + " pixels; plot.map draws at most " + MAX_SIDE + " a side.",
                    "Bin the map first (average blocks of pixels with data.aggregate on a block column), or filter a region.");
        }
        double[][] cells = new double[height][width];
        for (double[] row : cells) {
            Arrays.fill(row, Double.NaN);
        }
        Column value = t.column(p.value()).orElseThrow();
        boolean[] seen = new boolean[width * height];
        for (int i = 0; i < t.rowCount(); i++) {
            if (seen[py[i] * width + px[i]]) {
                throw new NodeFailure("Two rows sit at pixel (x " + px[i] + ", y " + py[i] + "); the second is row " + (i + 1) + ".",
                        "Map one image at a time: filter the rows of one map (data.filter), or average replicates per pixel (data.aggregate).");
            }
            seen[py[i] * width + px[i]] = true;
            cells[py[i]][px[i]] = value instanceof NumericColumn n ? n.values()[i]
                    : value.isMissing(i) ? Double.NaN : ((CategoricalColumn) value).codes()[i] + 1; // 1, 2, …: blank stays 'no row'
        }
        String title = p.title().isEmpty() ? p.value() : p.title();
        if (value instanceof CategoricalColumn c) {
            List<String> key = new ArrayList<>();
            for (int k = 0; k < c.levels().size(); k++) {
                key.add((k + 1) + " = " + c.levels().get(k));
            }
            title += " (" + String.join(", ", key) + ")";
        }
        return Outputs.of(PLOT, Plot.heatmap(title, p.x(), p.y(), new Plot.Heatmap(labels(height), labels(width), cells, true)));
    }

    /** Pixel indices of a position column: whole numbers from 0, none missing. */
    private static int[] positions(Table t, String column) {
        double[] v = PlotSpecs.complete(t, column);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] != Math.rint(v[i])) {
                throw new NodeFailure("Column '" + column + "' holds " + v[i] + " in row " + (i + 1) + "; a pixel position is a whole number from 0.",
                        "Use the pixel indices (x and y of data.spectrum-image), not physical coordinates.");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    private static List<String> labels(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }
}
