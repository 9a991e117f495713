package org.anneal.nodes.image;

import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Axis;
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

@NodeType(id = "image.resize", title = "Resize images", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Scales every image to `width` × `height` pixels. `bilinear` reads each new pixel's centre off the old grid \
                and blends the four nearest old pixels by distance; the two grids' outer edges coincide (new pixel x sits at \
                old (x + 0.5)·w/width − 0.5, clamped to the image) — as data.images' `fit: resize` does. Shrinking by more than \
                2× with bilinear skips pixels and aliases fine detail (scan lines, thin boundaries); `area` avoids that: each \
                new pixel is the mean of the old pixels it covers, weighted by the area covered (shrinking 4×4 to 2×2 averages \
                each 2×2 block). The image axes keep their unit and their pixel size grows by old/new size (per axis), and a \
                `pixel_size_um` column (µm per pixel along x, as data.images and data.generate-micrographs give) is scaled by \
                old width / `width`, so measurements after resizing stay in µm. Each image alone: nothing is learnt from \
                other rows.""")
public final class ResizeNode implements Node<ResizeNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Width in pixels after resizing", def = "64", min = 1, max = 65536) int width,
            @Param(doc = "Height in pixels after resizing", def = "64", min = 1, max = 65536) int height,
            @Param(doc = "How new pixels are made from old ones", def = "\"bilinear\"") Method method) {
    }

    public enum Method { BILINEAR, AREA }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with their images resized");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        return Specs.of(OUT, ImageMaps.spec(t, image, out(image.shape(), p)));
    }

    /** The resized shape: each axis keeps its name and unit, its pixel size scaled by old over new size. */
    static Shape out(Shape s, Params p) {
        return Shape.of(axis(s.axis(0), p.height()), axis(s.axis(1), p.width()), s.axis(2));
    }

    private static Axis axis(Axis a, int size) {
        return Double.isNaN(a.step()) ? Axis.of(a.name(), size) : Axis.regular(a.name(), size, a.unit(), a.start(),
                a.step() * a.size() / size);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        int tw = p.width();
        int th = p.height();
        Table t = ImageMaps.apply(im, out(im.column().shape(), p), (img, h, w, c) -> p.method() == Method.AREA
                ? area(img, w, h, c, tw, th) : ImagesNode.resize(img, w, h, c, tw, th), ctx);
        if (t.column(ImagesNode.PIXEL_SIZE).orElse(null) instanceof NumericColumn um && um.spec().type() == ColumnType.NUMERIC) {
            double[] v = new double[t.rowCount()];
            for (int r = 0; r < v.length; r++) {
                v[r] = um.get(r) * im.w() / tw;
            }
            t = t.with(new NumericColumn(um.name(), um.role(), v, um.unit()));
        }
        return Outputs.of(OUT, t);
    }

    /** Area-weighted resampling, one axis after the other: a new pixel averages the old ones it covers, by covered area. */
    static float[] area(float[] img, int w, int h, int c, int tw, int th) {
        Cover cx = Cover.of(w, tw);
        Cover cy = Cover.of(h, th);
        float[] rows = new float[h * tw * c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < tw; x++) {
                for (int k = 0; k < c; k++) {
                    double s = 0;
                    for (int i = 0; i < cx.weight[x].length; i++) {
                        s += cx.weight[x][i] * img[(y * w + cx.first[x] + i) * c + k];
                    }
                    rows[(y * tw + x) * c + k] = (float) s;
                }
            }
        }
        float[] out = new float[th * tw * c];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                for (int k = 0; k < c; k++) {
                    double s = 0;
                    for (int i = 0; i < cy.weight[y].length; i++) {
                        s += cy.weight[y][i] * rows[((cy.first[y] + i) * tw + x) * c + k];
                    }
                    out[(y * tw + x) * c + k] = (float) s;
                }
            }
        }
        return out;
    }

    /**
     * Along one axis of {@code n} old pixels cut into {@code m} new ones: new pixel j covers the stretch [j·n/m, (j+1)·n/m]
     * and takes from old pixel first[j] + i the share weight[j][i] of it (the shares of one new pixel sum to 1).
     */
    record Cover(int[] first, double[][] weight) {
        static Cover of(int n, int m) {
            double scale = (double) n / m;
            int[] first = new int[m];
            double[][] weight = new double[m][];
            for (int j = 0; j < m; j++) {
                double from = j * scale;
                double to = (j + 1) * scale;
                first[j] = (int) Math.floor(from);
                int last = (int) Math.min(n, Math.ceil(to - 1e-9 * scale));
                weight[j] = new double[Math.max(1, last - first[j])];
                for (int i = 0; i < weight[j].length; i++) {
                    int old = first[j] + i;
                    weight[j][i] = (Math.min(to, old + 1) - Math.max(from, old)) / scale;
                }
            }
            return new Cover(first, weight);
        }
    }
}
