package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Choices;
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

@NodeType(id = "data.generate-surface-defects", title = "Generated surface defects", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Grey images of hot-rolled steel strip, each with one of six surface defects, after the classes of the NEU \
                surface-defect database, reproducibly from the workflow seed. The strip texture is a coil's: fine streaks \
                along the rolling direction (x; Gaussian noise blurred 6–14 px along x and 0.7 px across), a grey level, a \
                slight shading across the strip and a noise level, all drawn once per coil, so the images of one coil look \
                alike and belong on one side of a split (`coil` is the group, `class` the target). Each class is drawn by its \
                own model: `crazing` a network of fine dark cracks (branching random walks); `inclusion` a few dark streaks \
                elongated along the rolling direction; `patches` smooth dark blotches (sums of Gaussians); `pitted-surface` \
                many small dark round spots; `rolled-in-scale` flaky islands elongated along x with ragged outlines, bright \
                or dark; `scratches` one to three long thin straight lines at any angle, bright or dark. Then a slight blur \
                (0.6 px) and Gaussian noise. Image k of coil c shows class (c + k) mod 6, so six images per coil give each \
                coil every class once. `defect_area` is the truth counted on the drawn mask (share of pixels in the \
                defect; for patches, where the blotch passes half its depth), not a feature; with `masks`, `defect_mask` \
                (1 defect, 0 strip) is that mask as an image, for evaluate.segmentation. Not modelled: the real defects' \
                shapes and spread of sizes, the NEU camera's lighting, several defects on one image, a pixel size.""")
public final class GenerateSurfaceDefectsNode implements Node<GenerateSurfaceDefectsNode.Params> {

    public record Params(
            @Param(doc = "Number of coils (each with its own strip texture)", def = "12", min = 1, max = 2000) int coils,
            @Param(doc = "Images per coil; the classes follow in turn, so 6 gives every coil each class once", def = "6", min = 1,
                    max = 600) int imagesPerCoil,
            @Param(doc = "Image side in pixels (square images)", def = "64", min = 32, max = 512) int size,
            @Param(doc = "Typical standard deviation of the grey-level noise (each coil's lies within ±25 %)", def = "0.02", min = 0,
                    max = 0.3) double noise,
            @Param(doc = "Add the drawn defect mask as a defect_mask image (1 defect, 0 strip)", def = "false") boolean masks) {
    }

    static final String MASK = "defect_mask";

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per image with its defect truth");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        long pixels = (long) p.coils() * p.imagesPerCoil() * p.size() * p.size() * (p.masks() ? 2 : 1);
        if (pixels > GenerateMicrographsNode.MAX_PIXELS) {
            throw ConfigError.atParam("coils", p.coils() * p.imagesPerCoil() + " images of " + p.size() + "×" + p.size() + " pixels"
                    + (p.masks() ? " with their masks" : "") + " hold " + pixels + " values, more than the "
                    + GenerateMicrographsNode.MAX_PIXELS + " (1 GiB) allowed.", "Use fewer coils, fewer images per coil or smaller images.");
        }
        return Specs.of(TABLE, new TableSpec(columns(p), Lineage.UNSPLIT));
    }

    static List<ColumnSpec> columns(Params p) {
        List<ColumnSpec> cols = new ArrayList<>(List.of(ColumnSpec.tensor("image", ColumnRole.FEATURE, shape(p), ""),
                new ColumnSpec("coil", ColumnType.CATEGORICAL, ColumnRole.GROUP),
                new ColumnSpec("class", ColumnType.CATEGORICAL, ColumnRole.TARGET),
                new ColumnSpec("defect_area", ColumnType.NUMERIC, ColumnRole.IGNORE)));
        if (p.masks()) {
            cols.add(ColumnSpec.tensor(MASK, ColumnRole.IGNORE, shape(p), ""));
        }
        return cols;
    }

    static Shape shape(Params p) {
        return Shape.image(p.size(), p.size(), 1);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        int rows = p.coils() * p.imagesPerCoil();
        int px = p.size() * p.size();
        float[] images = new float[rows * px];
        float[] masks = p.masks() ? new float[rows * px] : null;
        int[] coil = new int[rows];
        int[] defect = new int[rows];
        double[] area = new double[rows];
        List<String> coilNames = new ArrayList<>();
        SurfaceDefects.Defect[] classes = SurfaceDefects.Defect.values();
        Random coils = new Random(ctx.seed());
        int row = 0;
        for (int c = 0; c < p.coils(); c++) {
            coilNames.add(String.format("C%03d", c + 1));
            SurfaceDefects.Coil texture = SurfaceDefects.Coil.draw(p.noise(), coils);
            long imageSeed = coils.nextLong();
            for (int k = 0; k < p.imagesPerCoil(); k++) {
                ctx.checkCancelled();
                SurfaceDefects.Defect d = classes[(c + k) % classes.length];
                // each image its own stream: one image's draws never shift another's
                SurfaceDefects s = SurfaceDefects.draw(p.size(), texture, d, new Random(imageSeed + 0x9E3779B97F4A7C15L * (k + 1)));
                System.arraycopy(s.image(), 0, images, row * px, px);
                if (masks != null) {
                    System.arraycopy(s.mask(), 0, masks, row * px, px);
                }
                coil[row] = c;
                defect[row] = d.ordinal();
                area[row] = s.area();
                row++;
                ctx.progress((double) row / rows);
            }
        }
        List<String> labels = Arrays.stream(classes).map(Choices::name).toList();
        List<Column> cols = new ArrayList<>(List.of(new TensorColumn("image", ColumnRole.FEATURE, shape(p), images, new boolean[rows], ""),
                new CategoricalColumn("coil", ColumnRole.GROUP, coil, coilNames),
                new CategoricalColumn("class", ColumnRole.TARGET, defect, labels),
                new NumericColumn("defect_area", ColumnRole.IGNORE, area)));
        if (masks != null) {
            cols.add(new TensorColumn(MASK, ColumnRole.IGNORE, shape(p), masks, new boolean[rows], ""));
        }
        return Outputs.of(TABLE, new Table(cols));
    }
}
