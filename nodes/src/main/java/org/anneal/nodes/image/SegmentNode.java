package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import ij.process.AutoThresholder;
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
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "image.segment", title = "Segment phase", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Thresholds each image (grey: channels averaged) into one phase — the `dark` side (second phase, pores) or the \
                `bright` one — by Otsu's method (the cut that best separates two grey classes), ISODATA (Ridler–Calvard: the \
                midpoint of the two class means, iterated), a `fixed` threshold, or one of ImageJ's automatic thresholds on a \
                256-bin histogram: `huang` (fuzzy entropy), `li` (minimum cross-entropy), `triangle` (for one peak and a long \
                tail: a small phase), `yen`, `mean`, `minimum` (the valley between two peaks) and `max-entropy`. Then, with \
                ImageJ, `open` erosions followed by as many dilations (drop specks and thin bridges), `close` dilations \
                followed by erosions (fill small holes) and, with `watershed`, the EDM watershed that cuts touching round \
                particles apart at their necks. Finally labels its connected particles (4- or 8-connected). Adds `area_fraction` (share of the image in the phase, small specks included), `particle_count` \
                (particles of at least `minArea` pixels; those cut by the image edge count too), `particle_mean_area` and \
                `particle_mean_diameter` (mean equivalent-circle diameter √(4A/π)) in µm² and µm when the image has a pixel \
                size, else px² and px, and `threshold`; with `keepMask` the phase as a 0/1 `mask` image. The `particles` output has one row per counted particle: \
                `micrograph` (its image's id, a group), `particle`, `area`, `equivalent_diameter`, `centroid_x`, `centroid_y` \
                and `touches_edge` (1 when it is cut by the image edge: its size is then too small, exclude it for size \
                distributions).\s"""
                + ImageColumns.MEASURED_DOC)
public final class SegmentNode implements Node<SegmentNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "How the threshold is found", def = "\"otsu\"") Method method,
            @Param(doc = "The threshold with method fixed (grey scale 0–1)", def = "0.5", min = 0, max = 1) double threshold,
            @Param(doc = "Which side of the threshold is the phase", def = "\"dark\"") Side phase,
            @Param(doc = "Pixels touching at corners belong to one particle (8-connected) or not (4)", def = "\"four\"") Connectivity connectivity,
            @Param(doc = "Smallest particle counted, in pixels (smaller specks are noise)", def = "1", min = 1, max = 1000000) int minArea,
            @Param(doc = "Add the phase as a 0/1 mask image column", def = "false") boolean keepMask,
            @Param(doc = "Binary openings (erosion then dilation, 3×3) after the threshold; 0 for none", def = "0", min = 0, max = 20) int open,
            @Param(doc = "Binary closings (dilation then erosion, 3×3) after the opening; 0 for none", def = "0", min = 0, max = 20) int close,
            @Param(doc = "Cut touching particles apart with ImageJ's EDM watershed", def = "false") boolean watershed) {
    }

    public enum Method {
        OTSU(null), ISODATA(null), FIXED(null), HUANG(AutoThresholder.Method.Huang), LI(AutoThresholder.Method.Li),
        TRIANGLE(AutoThresholder.Method.Triangle), YEN(AutoThresholder.Method.Yen), MEAN(AutoThresholder.Method.Mean),
        MINIMUM(AutoThresholder.Method.Minimum), MAX_ENTROPY(AutoThresholder.Method.MaxEntropy);

        /** ImageJ's method, or null for the three computed here. */
        final AutoThresholder.Method imagej;

        Method(AutoThresholder.Method imagej) {
            this.imagej = imagej;
        }
    }

    public enum Side { DARK, BRIGHT }

    public enum Connectivity { FOUR, EIGHT }

    static final List<String> MEASURES = List.of("area_fraction", "particle_count", "particle_mean_area", "particle_mean_diameter", "threshold");

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the phase measured");
    static final OutPort<Table> PARTICLES = OutPort.of("particles", DataKind.TABLE, Table.class, "One row per particle with its size");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        List<String> added = new ArrayList<>(MEASURES);
        if (p.keepMask()) {
            added.add("mask");
        }
        List<ColumnSpec> cols = ImageColumns.measured(t, image, added, "Segment each image column once.");
        String len = ImageColumns.lengthUnit(image.shape());
        cols.add(new ColumnSpec("area_fraction", ColumnType.NUMERIC, ColumnRole.FEATURE));
        cols.add(new ColumnSpec("particle_count", ColumnType.NUMERIC, ColumnRole.FEATURE));
        cols.add(new ColumnSpec("particle_mean_area", ColumnType.NUMERIC, ColumnRole.FEATURE, len + "²"));
        cols.add(new ColumnSpec("particle_mean_diameter", ColumnType.NUMERIC, ColumnRole.FEATURE, len));
        cols.add(new ColumnSpec("threshold", ColumnType.NUMERIC, ColumnRole.IGNORE));
        if (p.keepMask()) {
            cols.add(ColumnSpec.tensor("mask", ColumnRole.IGNORE, ImageColumns.resized(image.shape(), image.shape().dims()[0],
                    image.shape().dims()[1], 1), ""));
        }
        return Specs.of(OUT, t.withColumns(cols), PARTICLES, t.withColumns(Particles.columns(len)));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        TensorColumn images = im.column();
        int h = im.h();
        int w = im.w();
        int rows = im.rows();
        double px = ImageColumns.pixel(images.shape());
        double[][] m = new double[MEASURES.size()][rows];
        float[] masks = p.keepMask() ? new float[rows * h * w] : null;
        boolean[] missing = new boolean[rows];
        Particles particles = new Particles(h, w, px);
        for (int r = 0; r < rows; r++) {
            ctx.checkCancelled();
            if (images.isMissing(r)) {
                missing[r] = true;
                for (double[] col : m) {
                    col[r] = Double.NaN;
                }
                continue;
            }
            float[] g = im.grey(r);
            double cut = switch (p.method()) {
                case OTSU -> ImageOps.otsu(g, 0, g.length);
                case ISODATA -> Components.isodata(g);
                case FIXED -> p.threshold();
                default -> ImageJ.threshold(p.method().imagej, g);
            };
            boolean[] mask = new boolean[g.length];
            for (int i = 0; i < g.length; i++) {
                mask[i] = p.phase() == Side.DARK ? g[i] < cut : g[i] >= cut;
            }
            if (p.open() > 0 || p.close() > 0 || p.watershed()) {
                mask = ImageJ.morphology(mask, h, w, p.open(), p.close(), p.watershed());
            }
            long inPhase = 0;
            for (int i = 0; i < g.length; i++) {
                inPhase += mask[i] ? 1 : 0;
                if (masks != null && mask[i]) {
                    masks[r * h * w + i] = 1;
                }
            }
            int[] labels = Components.label(mask, h, w, p.connectivity() == Connectivity.EIGHT);
            long[] areas = Components.areas(labels);
            particles.add(r, labels, areas, p.minArea());
            long count = 0;
            double area = 0;
            double diameter = 0;
            for (int k = 1; k < areas.length; k++) {
                if (areas[k] >= p.minArea()) {
                    count++;
                    area += areas[k];
                    diameter += Math.sqrt(4 * areas[k] / Math.PI);
                }
            }
            m[0][r] = (double) inPhase / g.length;
            m[1][r] = count;
            m[2][r] = count == 0 ? 0 : area / count * px * px;
            m[3][r] = count == 0 ? 0 : diameter / count * px;
            m[4][r] = cut;
            ctx.progress((r + 1.0) / rows);
        }
        List<Column> cols = ImageColumns.measured(im);
        String len = ImageColumns.lengthUnit(images.shape());
        String[] units = {"", "", len + "²", len, ""};
        for (int k = 0; k < MEASURES.size(); k++) {
            cols.add(new NumericColumn(MEASURES.get(k), k == 4 ? ColumnRole.IGNORE : ColumnRole.FEATURE, m[k], units[k]));
        }
        if (masks != null) {
            cols.add(new TensorColumn("mask", ColumnRole.IGNORE, ImageColumns.resized(images.shape(), h, w, 1), masks, missing, ""));
        }
        return Outputs.of(OUT, new Table(cols), PARTICLES, particles.table(in.get(TABLE), len));
    }
}
