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
                Positions must be whole numbers from 0 (pixel indices); two rows at one pixel are an error that names it. When \
                the table also holds the positions in micrometres — a column named like the position column with `_um` \
                added (`x_um`, `y_um`, as data.spectrum-image writes from the file's pixel size) — the axes are labelled in \
                µm at each pixel's centre; otherwise in pixel indices.""")
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
        List<String> across = physical(t, p.x(), px, width);
        List<String> down = physical(t, p.y(), py, height);
        return Outputs.of(PLOT, Plot.heatmap(title, across == null ? p.x() : p.x() + " (µm)", down == null ? p.y() : p.y() + " (µm)",
                new Plot.Heatmap(down == null ? labels(height) : down, across == null ? labels(width) : across, cells, true)));
    }

    /**
     * Labels of pixels 0 … n − 1 in micrometres, from the column {@code <position>_um} (µm) of the rows: position = offset +
     * index · scale, both read off two rows at different pixels (one pixel's value when every row sits at one); null when
     * the table has no such column or a row lacks its value.
     */
    static List<String> physical(Table t, String position, int[] index, int n) {
        if (!(t.column(position + "_um").orElse(null) instanceof NumericColumn um) || !"µm".equals(um.unit()) || t.rowCount() == 0) {
            return null;
        }
        double[] v = um.values();
        if (Arrays.stream(v).anyMatch(Double::isNaN)) {
            return null;
        }
        double scale = 0;
        for (int i = 1; i < index.length; i++) {
            if (index[i] != index[0]) {
                scale = (v[i] - v[0]) / (index[i] - index[0]);
                break;
            }
        }
        double offset = v[0] - index[0] * scale;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(micrometres(offset + i * scale, scale));
        }
        return out;
    }

    /** A position in µm with as many decimals as the pixel size needs (1.667 µm pixels: 0, 1.67, 3.33 …). */
    static String micrometres(double value, double scale) {
        int decimals = scale == 0 ? 2 : Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(Math.abs(scale)))));
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
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
