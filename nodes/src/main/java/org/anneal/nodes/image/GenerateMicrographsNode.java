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
                Grey micrographs with exact ground truth, reproducibly from the workflow seed. Grains are cells of a Laguerre \
                tessellation (log-normal weights); `structure` says what fills them. `two-phase` (the default): whole grains \
                turned into a dark second phase up to a target fraction. `ferrite-pearlite`: whole grains turned into \
                pearlite-like colonies of parallel dark cementite plates in ferrite, each colony with its own orientation and \
                spacing (plates a quarter of the spacing thick, twice real pearlite's, and spacings of 3–4.5 µm, about ten \
                times real ones, so they stay resolved). `spheroidised`: round carbides with log-normal sizes scattered in \
                ferrite grains. `martensite`: packets of thin parallel laths, each lath its own grey, inside prior-austenite \
                grains, with bright retained-austenite films on some lath boundaries. `mixed`: specimens take the classes \
                ferrite-pearlite, spheroidised, martensite and `porous` (two-phase with round and lack-of-fusion pores) in \
                turn, and `structure` is the target. Three processing routes set the scale: `hot-rolled` (grains 10 µm, \
                18 % second phase; spacing 3 µm, carbides 2 µm, laths 1 µm), `normalised` (14 µm, 25 %; 3.5, 2.5, 1.25 µm), \
                `annealed` (19 µm, 32 %; 4.5, 3.5, 1.5 µm); pearlite takes 10 points more than the second-phase fraction, \
                carbides half of it, martensite 3–7 % retained austenite, prior-austenite grains 1.5 times the grain size. \
                Each specimen draws its own size and fraction around its route's and gives `fieldsPerSpecimen` images \
                (`specimen` is the group, `route` the target unless the structures are mixed). Then round gas pores \
                (`porosity`) and ragged lack-of-fusion pores 3–6 times longer than wide, lined up with `scanDirection` \
                (`lackOfFusion`). The imaging model: a grey level per phase with a small per-grain variation, etched \
                (darkened) grain boundaries, `scratches` (straight dark polishing scratches in roughly one direction), \
                Gaussian blur, `shading` (brightness falling off from a bright spot), SEM scan lines (each pixel row \
                brightened by `scanLines` · sin(2π y / `scanPeriod`), two bright spots on the vertical axis of image.fft that \
                image.filter removes), Gaussian noise and, with `exposure`, each specimen's own session: its images' contrast \
                about mid-grey scaled by exp(`exposure` · z₁) and their brightness shifted by `exposure` · z₂ / 2. The truth columns are counted on the drawn maps and are not \
                features: `phase_fraction` (the dark phase's share of solid pixels: second phase, cementite, carbides or \
                martensite), `grain_size_um` (mean linear intercept of rows and columns), `porosity` (pore pixels); with \
                `fullTruth` also `astm_grain_size` (ASTM E112 number G from the intercept), `grain_count`, and where the \
                structure has them `lamellar_fraction` (colonies' share), `lamellar_spacing_um` (colony spacings weighted by \
                area), `carbide_diameter_um` (mean equivalent diameter) and `lath_width_um` (area-weighted), NaN in classes \
                without them. With `masks`, `phase_mask` is the drawn phase of every pixel (0 matrix or ferrite or retained \
                austenite, 1 the dark phase, 2 pore), the truth evaluate.segmentation scores against; with `grainIds`, \
                `grain_id` numbers the grains of each image 0, 1, … (pores keep the grain they were cut in). Not modelled: \
                curved (Potts) boundaries, sections cutting plates and particles obliquely, carbides on grain boundaries, \
                martensite blocks and variants, powder inside pores, bright scratch rims, charging and drift.""")
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
            @Param(doc = "Add the drawn phase map as a phase_mask image (0 matrix, 1 second phase, 2 pore)", def = "false") boolean masks,
            @Param(doc = "What fills the grains; mixed gives every specimen one of four classes in turn", def = "\"two-phase\"")
            Structure structure,
            @Param(doc = "Area fraction of elongated lack-of-fusion pores (0 for none)", def = "0", min = 0, max = 0.3) double lackOfFusion,
            @Param(doc = "Scan direction the lack-of-fusion pores line up with, degrees from the x axis", def = "0", min = -180, max = 180)
            double scanDirection,
            @Param(doc = "Uneven illumination: brightness drop a field width from the bright spot (0 for none)", def = "0", min = 0, max = 0.8)
            double shading,
            @Param(doc = "Number of polishing scratches per image", def = "0", min = 0, max = 100) int scratches,
            @Param(doc = "Session-to-session exposure: spread of each specimen's contrast (log gain) and, half of it, brightness",
                    def = "0", min = 0, max = 0.5) double exposure,
            @Param(doc = "Add the grain of every pixel as a grain_id image (grains numbered 0, 1, … per image)", def = "false") boolean grainIds,
            @Param(doc = "Add the ASTM grain size number, the grain count and the truth of the structure's features", def = "false")
            boolean fullTruth) {

        /** Today's defaults for the settings added since the first version: two-phase grains, no new pores, distractors or truth. */
        public Params(int specimens, int fieldsPerSpecimen, int size, double pixelSize, double porosity, double blur, double noise,
                      double scanLines, double scanPeriod, boolean masks) {
            this(specimens, fieldsPerSpecimen, size, pixelSize, porosity, blur, noise, scanLines, scanPeriod, masks, Structure.TWO_PHASE,
                    0, 0, 0, 0, 0, false, false);
        }
    }

    /** The structure param: one class for every specimen, or the classes in turn. */
    public enum Structure {
        TWO_PHASE, FERRITE_PEARLITE, SPHEROIDISED, MARTENSITE, MIXED;

        /** The mixed set's classes, in the order specimens take them. */
        static final List<MicrographClass> MIXED_CLASSES = List.of(MicrographClass.FERRITE_PEARLITE, MicrographClass.SPHEROIDISED,
                MicrographClass.MARTENSITE, MicrographClass.POROUS);

        MicrographClass classOf(int specimen) {
            return switch (this) {
                case TWO_PHASE -> MicrographClass.TWO_PHASE;
                case FERRITE_PEARLITE -> MicrographClass.FERRITE_PEARLITE;
                case SPHEROIDISED -> MicrographClass.SPHEROIDISED;
                case MARTENSITE -> MicrographClass.MARTENSITE;
                case MIXED -> MIXED_CLASSES.get(specimen % MIXED_CLASSES.size());
            };
        }

        /** The route of a specimen: in turn, and in the mixed set in turn over each round of the four classes. */
        Route routeOf(int specimen) {
            int turn = this == MIXED ? specimen / MIXED_CLASSES.size() : specimen;
            return Route.values()[turn % Route.values().length];
        }
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
                new ColumnSpec("specimen", ColumnType.CATEGORICAL, ColumnRole.GROUP)));
        if (p.structure() == Structure.MIXED) {
            cols.add(new ColumnSpec(STRUCTURE, ColumnType.CATEGORICAL, ColumnRole.TARGET));
        }
        cols.addAll(List.of(new ColumnSpec("route", ColumnType.CATEGORICAL, routeRole(p)),
                new ColumnSpec("phase_fraction", ColumnType.NUMERIC, ColumnRole.IGNORE),
                new ColumnSpec("grain_size_um", ColumnType.NUMERIC, ColumnRole.IGNORE, "µm"),
                new ColumnSpec("porosity", ColumnType.NUMERIC, ColumnRole.IGNORE),
                new ColumnSpec("pixel_size_um", ColumnType.NUMERIC, ColumnRole.IGNORE, "µm/px")));
        for (MicrographTruth t : MicrographTruth.columns(p)) {
            cols.add(new ColumnSpec(t.column(), ColumnType.NUMERIC, ColumnRole.IGNORE, t.unit()));
        }
        if (p.masks()) {
            cols.add(ColumnSpec.tensor(MASK, ColumnRole.IGNORE, shape(p), ""));
        }
        if (p.grainIds()) {
            cols.add(ColumnSpec.tensor(GRAIN_IDS, ColumnRole.IGNORE, shape(p), ""));
        }
        return cols;
    }

    /** The route is the class to learn unless the structures are mixed; then it is a confounder to look at. */
    private static ColumnRole routeRole(Params p) {
        return p.structure() == Structure.MIXED ? ColumnRole.IGNORE : ColumnRole.TARGET;
    }

    static final String STRUCTURE = "structure";
    static final String GRAIN_IDS = "grain_id";
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
        float[] grainIds = p.grainIds() ? new float[rows * px] : null;
        int[] specimen = new int[rows];
        int[] route = new int[rows];
        int[] structure = new int[rows];
        double[] fraction = new double[rows];
        double[] grain = new double[rows];
        double[] pores = new double[rows];
        double[] pixel = new double[rows];
        List<MicrographTruth> truths = MicrographTruth.columns(p);
        double[][] truth = new double[truths.size()][rows];
        Microstructure.Imaging imaging = new Microstructure.Imaging(p.blur(), p.noise(), p.scanLines(), p.scanPeriod(), p.shading(),
                p.scratches());
        List<String> specimenNames = new ArrayList<>();
        Random specimens = new Random(ctx.seed());
        int row = 0;
        for (int s = 0; s < p.specimens(); s++) {
            Route r = p.structure().routeOf(s);
            MicrographClass kind = p.structure().classOf(s);
            specimenNames.add(String.format("S%03d", s + 1));
            Microstructure.Recipe recipe = kind.recipe(r, specimens, p);
            long fieldSeed = specimens.nextLong();
            // each specimen imaged in its own session: contrast and brightness as that day's detector settings left them
            // (drawn from the specimen's own stream, so exposure leaves every structure as it was)
            Random session = new Random(fieldSeed ^ 0x5DEECE66DL);
            double gain = p.exposure() > 0 ? Math.exp(p.exposure() * session.nextGaussian()) : 1;
            double offset = p.exposure() > 0 ? 0.5 * p.exposure() * session.nextGaussian() : 0;
            for (int f = 0; f < p.fieldsPerSpecimen(); f++) {
                ctx.checkCancelled();
                Microstructure m = Microstructure.draw(p.size(), recipe, imaging, new Random(fieldSeed + 0x9E3779B97F4A7C15L * (f + 1)));
                System.arraycopy(m.image(), 0, images, row * px, px);
                for (int i = 0; p.exposure() > 0 && i < px; i++) {
                    images[row * px + i] = (float) Math.min(1, Math.max(0, 0.5 + gain * (images[row * px + i] - 0.5) + offset));
                }
                for (int i = 0; masks != null && i < px; i++) {
                    masks[row * px + i] = m.phase()[i];
                }
                if (grainIds != null) {
                    int[] ids = m.grainIds();
                    for (int i = 0; i < px; i++) {
                        grainIds[row * px + i] = ids[i];
                    }
                }
                specimen[row] = s;
                route[row] = r.ordinal();
                structure[row] = Structure.MIXED_CLASSES.indexOf(kind);
                fraction[row] = m.phaseFraction();
                grain[row] = m.meanInterceptPx() * p.pixelSize();
                pores[row] = m.porosity();
                pixel[row] = p.pixelSize();
                for (int t = 0; t < truths.size(); t++) {
                    truth[t][row] = truths.get(t).value(m, kind, p.pixelSize());
                }
                row++;
                ctx.progress((double) row / rows);
            }
        }
        List<String> routes = java.util.Arrays.stream(Route.values()).map(Route::label).toList();
        List<Column> cols = new ArrayList<>(List.of(new TensorColumn("image", ColumnRole.FEATURE, shape(p), images, new boolean[rows], ""),
                new CategoricalColumn("specimen", ColumnRole.GROUP, specimen, specimenNames)));
        if (p.structure() == Structure.MIXED) {
            cols.add(new CategoricalColumn(STRUCTURE, ColumnRole.TARGET, structure,
                    Structure.MIXED_CLASSES.stream().map(MicrographClass::label).toList()));
        }
        cols.addAll(List.of(new CategoricalColumn("route", routeRole(p), route, routes),
                new NumericColumn("phase_fraction", ColumnRole.IGNORE, fraction),
                new NumericColumn("grain_size_um", ColumnRole.IGNORE, grain, "µm"),
                new NumericColumn("porosity", ColumnRole.IGNORE, pores),
                new NumericColumn("pixel_size_um", ColumnRole.IGNORE, pixel, "µm/px")));
        for (int t = 0; t < truths.size(); t++) {
            cols.add(new NumericColumn(truths.get(t).column(), ColumnRole.IGNORE, truth[t], truths.get(t).unit()));
        }
        if (masks != null) {
            cols.add(new TensorColumn(MASK, ColumnRole.IGNORE, shape(p), masks, new boolean[rows], ""));
        }
        if (grainIds != null) {
            cols.add(new TensorColumn(GRAIN_IDS, ColumnRole.IGNORE, shape(p), grainIds, new boolean[rows], ""));
        }
        return Outputs.of(TABLE, new Table(cols));
    }
}
