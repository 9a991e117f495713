package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
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
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "data.generate-micrographs", title = "Generated micrographs", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Grey two-phase micrographs with exact ground truth, reproducibly from the workflow seed: grains of a Laguerre \
                tessellation (log-normal weights), whole grains turned into a dark second phase up to a target fraction, \
                optional round pores, etched (darkened) grain boundaries, Gaussian blur and noise. Three processing routes \
                differ in grain size and phase fraction: `hot-rolled` (10 µm, 18 %), `normalised` (14 µm, 25 %), `annealed` \
                (19 µm, 32 %); each specimen draws its own size and fraction around its route's, and gives `fieldsPerSpecimen` \
                images (`specimen` is the group, `route` the target). The truth columns are counted on the drawn maps and are \
                not features: `phase_fraction` (second-phase share of solid pixels), `grain_size_um` (mean linear intercept \
                of rows and columns), `porosity`; with `masks`, `phase_mask`, the drawn phase of every pixel (0 matrix, 1 second \
phase, 2 pore) as an image, the truth evaluate.segmentation scores a segmentation against. `scanLines` adds SEM scan \
lines: each pixel row brightened by `scanLines` · sin(2π y / `scanPeriod`), a periodic artefact that shows as two bright \
spots on the vertical axis of image.fft and that image.filter removes. Not modelled: curved boundaries, lamellae, \
shading, scratches.""")
public final class GenerateMicrographsNode implements Node<GenerateMicrographsNode.Params> {

    public record Params(
            @Param(doc = "Number of specimens (spread over the routes in turn)", def = "12", min = 1, max = 2000) int specimens,
            @Param(doc = "Images (fields of view) per specimen", def = "5", min = 1, max = 100) int fieldsPerSpecimen,
            @Param(doc = "Image side in pixels (square images)", def = "128", min = 32, max = 1024) int size,
            @Param(doc = "Pixel size in µm per pixel", def = "0.5", min = 0.01, max = 100) double pixelSize,
            @Param(doc = "Pore area fraction (0 for none)", def = "0", min = 0, max = 0.3) double porosity,
            @Param(doc = "Gaussian blur, standard deviation in pixels (0 for none)", def = "0.7", min = 0, max = 5) double blur,
            @Param(doc = "Standard deviation of the grey-level noise (grey scale 0–1)", def = "0.03", min = 0, max = 0.5) double noise,
            @Param(doc = "Amplitude of SEM scan lines (grey scale 0–1); 0 for none", def = "0", min = 0, max = 0.5) double scanLines,
            @Param(doc = "Period of the scan lines in pixel rows", def = "4", min = 2, max = 256) double scanPeriod,
            @Param(doc = "Add the drawn phase map as a phase_mask image (0 matrix, 1 second phase, 2 pore)", def = "false") boolean masks) {
    }

    /** The processing routes and what they do to the structure: mean grain diameter (µm) and second-phase fraction. */
    enum Route {
        HOT_ROLLED(10, 0.18), NORMALISED(14, 0.25), ANNEALED(19, 0.32);

        final double grainUm;
        final double fraction;

        Route(double grainUm, double fraction) {
            this.grainUm = grainUm;
            this.fraction = fraction;
        }

        String label() {
            return org.anneal.spec.Choices.name(this);
        }
    }

    /** Largest number of pixels held in the image column (2²⁸ floats = 1 GiB). */
    static final long MAX_PIXELS = 1L << 28;

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per image with its truth");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        long pixels = (long) p.specimens() * p.fieldsPerSpecimen() * p.size() * p.size();
        if (pixels > MAX_PIXELS) {
            throw ConfigError.atParam("specimens", p.specimens() * p.fieldsPerSpecimen() + " images of " + p.size() + "×" + p.size()
                    + " pixels hold " + pixels + " values, more than the " + MAX_PIXELS + " (1 GiB) allowed.",
                    "Use fewer specimens, fewer fields per specimen or smaller images.");
        }
        if (Route.HOT_ROLLED.grainUm / p.pixelSize() < 3) {
            throw ConfigError.atParam("pixelSize", "At " + p.pixelSize() + " µm per pixel the smallest grains (10 µm) span under 3 pixels.",
                    "Use a pixel size of at most " + Route.HOT_ROLLED.grainUm / 3 + " µm.");
        }
        if (Route.ANNEALED.grainUm / p.pixelSize() > p.size() / 2.0) {
            throw ConfigError.atParam("size", "A " + p.size() + "-pixel field at " + p.pixelSize() + " µm per pixel holds fewer than two "
                    + "of the largest grains (19 µm) across.", "Use larger images or a larger pixel size.");
        }
        return Specs.of(TABLE, new TableSpec(columns(p), Lineage.UNSPLIT));
    }

    static List<ColumnSpec> columns(Params p) {
        List<ColumnSpec> cols = new ArrayList<>(List.of(ColumnSpec.tensor("image", ColumnRole.FEATURE, shape(p), ""),
                new ColumnSpec("specimen", ColumnType.CATEGORICAL, ColumnRole.GROUP),
                new ColumnSpec("route", ColumnType.CATEGORICAL, ColumnRole.TARGET),
                new ColumnSpec("phase_fraction", ColumnType.NUMERIC, ColumnRole.IGNORE),
                new ColumnSpec("grain_size_um", ColumnType.NUMERIC, ColumnRole.IGNORE, "µm"),
                new ColumnSpec("porosity", ColumnType.NUMERIC, ColumnRole.IGNORE),
                new ColumnSpec("pixel_size_um", ColumnType.NUMERIC, ColumnRole.IGNORE, "µm/px")));
        if (p.masks()) {
            cols.add(ColumnSpec.tensor(MASK, ColumnRole.IGNORE, shape(p), ""));
        }
        return cols;
    }

    static final String MASK = "phase_mask";

    static Shape shape(Params p) {
        return Shape.of(Axis.regular("y", p.size(), "µm", 0, p.pixelSize()), Axis.regular("x", p.size(), "µm", 0, p.pixelSize()),
                Axis.of("channel", 1));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        int rows = p.specimens() * p.fieldsPerSpecimen();
        int px = p.size() * p.size();
        float[] images = new float[rows * px];
        float[] masks = p.masks() ? new float[rows * px] : null;
        int[] specimen = new int[rows];
        int[] route = new int[rows];
        double[] fraction = new double[rows];
        double[] grain = new double[rows];
        double[] pores = new double[rows];
        double[] pixel = new double[rows];
        List<String> specimenNames = new ArrayList<>();
        Random specimens = new Random(ctx.seed());
        int row = 0;
        for (int s = 0; s < p.specimens(); s++) {
            Route r = Route.values()[s % Route.values().length];
            specimenNames.add(String.format("S%03d", s + 1));
            // a specimen's own structure scatters around its route's: heats and furnace positions differ
            double grainUm = r.grainUm * Math.exp(0.12 * specimens.nextGaussian());
            double target = Math.min(0.9, Math.max(0.02, r.fraction + 0.04 * specimens.nextGaussian()));
            long fieldSeed = specimens.nextLong();
            for (int f = 0; f < p.fieldsPerSpecimen(); f++) {
                ctx.checkCancelled();
                Microstructure m = Microstructure.draw(p.size(), grainUm / p.pixelSize(), target, p.porosity(), p.blur(), p.noise(),
                        p.scanLines(), p.scanPeriod(), new Random(fieldSeed + 0x9E3779B97F4A7C15L * (f + 1)));
                System.arraycopy(m.image(), 0, images, row * px, px);
                for (int i = 0; masks != null && i < px; i++) {
                    masks[row * px + i] = m.phase()[i];
                }
                specimen[row] = s;
                route[row] = r.ordinal();
                fraction[row] = m.phaseFraction();
                grain[row] = m.meanInterceptPx() * p.pixelSize();
                pores[row] = m.porosity();
                pixel[row] = p.pixelSize();
                row++;
                ctx.progress((double) row / rows);
            }
        }
        List<String> routes = java.util.Arrays.stream(Route.values()).map(Route::label).toList();
        List<Column> cols = new ArrayList<>(List.of(new TensorColumn("image", ColumnRole.FEATURE, shape(p), images, new boolean[rows], ""),
                new CategoricalColumn("specimen", ColumnRole.GROUP, specimen, specimenNames),
                new CategoricalColumn("route", ColumnRole.TARGET, route, routes),
                new NumericColumn("phase_fraction", ColumnRole.IGNORE, fraction),
                new NumericColumn("grain_size_um", ColumnRole.IGNORE, grain, "µm"),
                new NumericColumn("porosity", ColumnRole.IGNORE, pores),
                new NumericColumn("pixel_size_um", ColumnRole.IGNORE, pixel, "µm/px")));
        if (masks != null) {
            cols.add(new TensorColumn(MASK, ColumnRole.IGNORE, shape(p), masks, new boolean[rows], ""));
        }
        return Outputs.of(TABLE, new Table(cols));
    }
}
