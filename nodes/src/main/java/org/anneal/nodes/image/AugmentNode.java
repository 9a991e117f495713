package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
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

@NodeType(id = "image.augment", title = "Augment images", phase = Phase.PREPARE, role = LeakageRole.STATELESS, expandsRows = true,
        doc = """
                Adds `copies` altered copies of every image row, drawn from the workflow seed: a mirror image (`flips`), a \
                turn by a multiple of 90° (`rotations`; square images only, others turn by 0° or 180°), Gaussian noise of \
                standard deviation `noise` and a brightness shift up to ±`brightness`. The other columns are copied, so a copy \
                keeps its label and group; `augmentation` says what was done (`original` for the rows as they came). Use it \
                on the training rows only, after the split: copies made before a split or cross-validation land beside their \
                original on the other side, which is the L4 finding.""")
public final class AugmentNode implements Node<AugmentNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Altered copies added per row", def = "3", min = 1, max = 32) int copies,
            @Param(doc = "Mirror at random (left–right, and with a turn any mirror)", def = "true") boolean flips,
            @Param(doc = "Turn by a random multiple of 90°", def = "true") boolean rotations,
            @Param(doc = "Standard deviation of added Gaussian noise (grey scale 0–1); 0 for none", def = "0", min = 0, max = 1) double noise,
            @Param(doc = "Largest brightness shift, added to every pixel (grey scale 0–1); 0 for none", def = "0", min = 0, max = 1)
            double brightness) {
    }

    static final String AUGMENTATION = "augmentation";

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Training rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows followed by their altered copies");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ImageColumns.pick(t, p.column());
        if (!p.flips() && !p.rotations() && p.noise() == 0 && p.brightness() == 0) {
            throw ConfigError.atParam("flips", "Every alteration is off: the copies would equal their originals.",
                    "Turn on flips or rotations, or set noise or brightness above 0.");
        }
        if (t.column(AUGMENTATION).isPresent()) {
            throw ConfigError.atPort("table", "The rows are augmented already (they have an '" + AUGMENTATION + "' column).", "Augment once.");
        }
        List<ColumnSpec> cols = new ArrayList<>(t.columns());
        cols.add(new ColumnSpec(AUGMENTATION, ColumnType.CATEGORICAL, ColumnRole.IGNORE));
        return Specs.of(OUT, t.withColumns(cols));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        TensorColumn images = ImageColumns.of(t, p.column());
        int[] d = images.shape().dims();
        int n = t.rowCount();
        int rows = n * (1 + p.copies());
        int size = images.rowSize();
        if ((long) rows * size > ImagesNode.MAX_VALUES) {
            throw new org.anneal.spec.NodeFailure(rows + " images of " + size + " values are more than the 1 GiB allowed.", "Use fewer copies.");
        }
        int[] source = new int[rows];
        float[] out = new float[rows * size];
        boolean[] missing = new boolean[rows];
        int[] what = new int[rows];
        List<String> levels = new ArrayList<>(List.of("original"));
        Random rng = new Random(ctx.seed());
        System.arraycopy(images.values(), 0, out, 0, n * size);
        for (int r = 0; r < n; r++) {
            source[r] = r;
            missing[r] = images.isMissing(r);
        }
        int k = n;
        for (int copy = 0; copy < p.copies(); copy++) {
            for (int r = 0; r < n; r++) {
                ctx.checkCancelled();
                boolean flip = p.flips() && rng.nextBoolean();
                int turns = !p.rotations() ? 0 : d[0] == d[1] ? rng.nextInt(4) : 2 * rng.nextInt(2);
                double shift = p.brightness() == 0 ? 0 : (2 * rng.nextDouble() - 1) * p.brightness();
                float[] img = ImageGeometry.turn(ImageGeometry.mirror(images.get(r), d, flip), d, turns);
                for (int i = 0; i < size; i++) {
                    img[i] += (float) (shift + (p.noise() == 0 ? 0 : p.noise() * rng.nextGaussian()));
                }
                System.arraycopy(img, 0, out, k * size, size);
                source[k] = r;
                missing[k] = images.isMissing(r);
                String label = describe(flip, turns, p.noise() > 0, shift != 0);
                int code = levels.indexOf(label);
                if (code < 0) {
                    levels.add(label);
                    code = levels.size() - 1;
                }
                what[k++] = code;
            }
            ctx.progress((copy + 1.0) / p.copies());
        }
        List<Column> cols = new ArrayList<>();
        for (Column c : t.rows(source).columns()) {
            cols.add(c.name().equals(images.name()) ? new TensorColumn(c.name(), c.role(), images.shape(), out, missing, c.unit()) : c);
        }
        cols.add(new CategoricalColumn(AUGMENTATION, ColumnRole.IGNORE, what, levels));
        return Outputs.of(OUT, new Table(cols));
    }

    static String describe(boolean flip, int turns, boolean noise, boolean brightness) {
        List<String> parts = new ArrayList<>();
        if (flip) {
            parts.add("mirror");
        }
        if (turns > 0) {
            parts.add("turn " + 90 * turns + "°");
        }
        if (noise) {
            parts.add("noise");
        }
        if (brightness) {
            parts.add("brightness");
        }
        return parts.isEmpty() ? "copy" : String.join(" + ", parts);
    }
}
