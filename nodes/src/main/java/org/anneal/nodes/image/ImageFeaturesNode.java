package org.anneal.nodes.image;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
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

@NodeType(id = "prepare.image-features", title = "Image features", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = """
                Classical stereology of each image, as scalar feature columns to compare with learned features: `grey_mean` \
                and `grey_std` of the grey values (RGB averaged to grey), `dark_fraction` (share of pixels at or below Otsu's \
                threshold: the second phase of a two-phase micrograph, pores included), `boundary_density` (share of pixels on \
                a dark line narrower than 3 pixels: a grey closing minus the image exceeds `boundaryDepth`) and \
                `intercept_length` (rows and columns measured over the runs of boundary pixels they cross: the \
                linear-intercept grain size, in the unit of the image's x axis, µm when the image has a pixel size, else \
                pixels; within about 15 % of the truth on clean generated images, biased by noise, which breaks the lines, yet \
                still ordered by grain size). Each image is measured alone, so nothing is learnt from other rows. The image \
                column stays in the table, no longer a feature.""")
public final class ImageFeaturesNode implements Node<ImageFeaturesNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "How much darker than its closing a pixel must be to count as grain boundary (grey scale 0–1)",
                    def = "0.08", min = 0.001, max = 1) double boundaryDepth,
            @Param(doc = "Gaussian smoothing before the boundary search, standard deviation in pixels (0 for none); damps noise",
                    def = "0", min = 0, max = 5) double smooth) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the measured features added");

    /** Half-width of the closing square: fills the 2-pixel lines that etched boundaries leave. */
    static final int RADIUS = 1;

    /** Line pixels at most this far apart along a row or column belong to one crossing. */
    static final int GAP = 1;

    static final List<String> FEATURES = List.of("grey_mean", "grey_std", "dark_fraction", "boundary_density", "intercept_length");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = imageColumn(t, p);
        List<ColumnSpec> cols = ImageColumns.measured(t, image, FEATURES, "Measure each image column once.");
        String unit = image.shape().axis(1).unit();
        for (String f : FEATURES) {
            cols.add(new ColumnSpec(f, ColumnType.NUMERIC, ColumnRole.FEATURE, f.equals("intercept_length") ? (unit.isEmpty() ? "px" : unit) : ""));
        }
        return Specs.of(OUT, t.withColumns(cols));
    }

    static ColumnSpec imageColumn(TableSpec t, Params p) throws ConfigError {
        return ImageColumns.pick(t, p.column());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        Shape s = im.column().shape();
        int h = im.h();
        int w = im.w();
        double step = ImageColumns.pixel(s);
        int rows = im.rows();
        double[][] f = new double[FEATURES.size()][rows];
        for (int r = 0; r < rows; r++) {
            ctx.checkCancelled();
            if (im.column().isMissing(r)) {
                for (double[] col : f) {
                    col[r] = Double.NaN;
                }
                continue;
            }
            double[] m = measure(im.grey(r), h, w, p);
            for (int k = 0; k < m.length; k++) {
                f[k][r] = k == 4 ? m[k] * step : m[k];
            }
            ctx.progress((r + 1.0) / rows);
        }
        List<Column> cols = ImageColumns.measured(im);
        String unit = ImageColumns.lengthUnit(s);
        for (int k = 0; k < FEATURES.size(); k++) {
            cols.add(new NumericColumn(FEATURES.get(k), ColumnRole.FEATURE, f[k], k == 4 ? unit : ""));
        }
        return Outputs.of(OUT, new Table(cols));
    }

    /** One row as grey values: the channels averaged. */
    static float[] grey(TensorColumn images, int row, int pixels, int channels) {
        float[] v = images.values();
        int o = images.offset(row);
        float[] g = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            float sum = 0;
            for (int k = 0; k < channels; k++) {
                sum += v[o + i * channels + k];
            }
            g[i] = sum / channels;
        }
        return g;
    }

    /** mean, std, dark fraction, boundary density and the mean intercept in pixels of one grey image. */
    static double[] measure(float[] g, int h, int w, Params p) {
        int n = h * w;
        double sum = 0;
        double sq = 0;
        for (float x : g) {
            sum += x;
            sq += (double) x * x;
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sq / n - mean * mean));
        double cut = ImageOps.otsu(g, 0, n);
        long dark = 0;
        for (float x : g) {
            if (x < cut) {
                dark++;
            }
        }
        float[] s = p.smooth() > 0 ? ImageOps.gaussianBlur(g, h, w, p.smooth()) : g;
        float[] closed = ImageOps.closing(s, 0, h, w, RADIUS);
        boolean[] line = new boolean[n];
        long onLine = 0;
        for (int i = 0; i < n; i++) {
            line[i] = closed[i] - s[i] > p.boundaryDepth();
            if (line[i]) {
                onLine++;
            }
        }
        long runs = 0;
        for (int y = 0; y < h; y++) {
            int lastX = -GAP - 1;
            for (int x = 0; x < w; x++) {
                if (line[y * w + x] && x - lastX > GAP) {
                    runs++;
                }
                if (line[y * w + x]) {
                    lastX = x;
                }
            }
        }
        for (int x = 0; x < w; x++) {
            int lastY = -GAP - 1;
            for (int y = 0; y < h; y++) {
                if (line[y * w + x] && y - lastY > GAP) {
                    runs++;
                }
                if (line[y * w + x]) {
                    lastY = y;
                }
            }
        }
        double intercept = runs == 0 ? Math.max(h, w) : (2.0 * h * w) / runs;
        return new double[] {mean, std, (double) dark / n, (double) onLine / n, intercept};
    }
}
