package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
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

@NodeType(id = "image.tile", title = "Tiles", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Cuts every image into square tiles of `size` pixels, `stride` pixels apart (0 = `size`: side by side), from \
                the top-left corner; a tile that would run over the edge is left out. Each tile is a row that keeps all the \
                columns of its image (label, specimen, pixel size) and adds `micrograph`, a group column naming its source \
                image (the image's id column, such as `file`, else its row number), and `tile_y`, `tile_x`, its corner in \
                pixels. Tiles of one image share its illumination, etching and noise: split them with split.group (on the \
                first group column, `specimen` or `micrograph`), never at random — a random split of tiles is the L7 finding.""")
public final class TileNode implements Node<TileNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Tile side in pixels", def = "64", min = 2, max = 4096) int size,
            @Param(doc = "Distance between tile corners in pixels; 0 = the tile size (tiles side by side, no overlap)", def = "0",
                    min = 0, max = 4096) int stride) {
    }

    static final String MICROGRAPH = "micrograph";

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "One row per image");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "One row per tile, grouped by micrograph");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        int[] d = image.shape().dims();
        if (p.size() > d[0] || p.size() > d[1]) {
            throw ConfigError.atParam("size", "A " + p.size() + "-pixel tile does not fit in the " + d[1] + "×" + d[0] + " images of '"
                    + image.name() + "'.", "Use a tile size of at most " + Math.min(d[0], d[1]) + ".");
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            if (List.of(MICROGRAPH, "tile_y", "tile_x").contains(c.name())) {
                throw ConfigError.atPort("table", "The table already has a column '" + c.name() + "': its images look tiled already.",
                        "Tile each image once.");
            }
            cols.add(c.name().equals(image.name()) ? ColumnSpec.tensor(c.name(), c.role(), tileShape(image.shape(), p.size()), c.unit()) : c);
        }
        cols.add(new ColumnSpec(MICROGRAPH, ColumnType.CATEGORICAL, ColumnRole.GROUP));
        cols.add(new ColumnSpec("tile_y", ColumnType.NUMERIC, ColumnRole.IGNORE, "px"));
        cols.add(new ColumnSpec("tile_x", ColumnType.NUMERIC, ColumnRole.IGNORE, "px"));
        return Specs.of(OUT, t.withColumns(cols));
    }

    static Shape tileShape(Shape image, int size) {
        return ImageColumns.resized(image, size, size, image.dims()[2]);
    }

    /** Corner offsets along one side of {@code length} pixels. */
    static int[] corners(int length, int size, int stride) {
        int step = stride == 0 ? size : stride;
        int n = (length - size) / step + 1;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i * step;
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        TensorColumn images = ImageColumns.of(t, p.column());
        int[] d = images.shape().dims();
        int h = d[0];
        int w = d[1];
        int c = d[2];
        int s = p.size();
        int[] ys = corners(h, s, p.stride());
        int[] xs = corners(w, s, p.stride());
        int perImage = ys.length * xs.length;
        int rows = t.rowCount() * perImage;
        if ((long) rows * s * s * c > ImagesNode.MAX_VALUES) {
            throw new org.anneal.spec.NodeFailure(rows + " tiles of " + s + "×" + s + " pixels are more than the 1 GiB allowed.",
                    "Use a larger stride or fewer images.");
        }
        int[] source = new int[rows];
        float[] tiles = new float[rows * s * s * c];
        boolean[] missing = new boolean[rows];
        double[] ty = new double[rows];
        double[] tx = new double[rows];
        float[] v = images.values();
        int k = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            ctx.checkCancelled();
            int base = images.offset(r);
            for (int y0 : ys) {
                for (int x0 : xs) {
                    source[k] = r;
                    ty[k] = y0;
                    tx[k] = x0;
                    missing[k] = images.isMissing(r);
                    for (int y = 0; y < s; y++) {
                        System.arraycopy(v, base + ((y0 + y) * w + x0) * c, tiles, (k * s + y) * s * c, s * c);
                    }
                    k++;
                }
            }
            ctx.progress((r + 1.0) / t.rowCount());
        }
        Table copied = t.rows(source);
        List<Column> cols = new ArrayList<>();
        for (Column col : copied.columns()) {
            cols.add(col.name().equals(images.name())
                    ? new TensorColumn(col.name(), col.role(), tileShape(images.shape(), s), tiles, missing, col.unit()) : col);
        }
        cols.add(micrographs(t, source));
        cols.add(new NumericColumn("tile_y", ColumnRole.IGNORE, ty, "px"));
        cols.add(new NumericColumn("tile_x", ColumnRole.IGNORE, tx, "px"));
        return Outputs.of(OUT, new Table(cols));
    }

    /** Each tile's source image: the text of the table's first id column, else the image's row number. */
    static CategoricalColumn micrographs(Table t, int[] source) {
        Column id = t.columns().stream().filter(col -> col.role() == ColumnRole.ID).findFirst().orElse(null);
        List<String> names = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            names.add(id != null && !id.isMissing(r) ? id.text(r) : String.format("image %d", r + 1));
        }
        // level per distinct name, so two rows with the same id are one micrograph
        List<String> levels = new ArrayList<>();
        java.util.Map<String, Integer> code = new java.util.HashMap<>();
        int[] codes = new int[source.length];
        for (int i = 0; i < source.length; i++) {
            codes[i] = code.computeIfAbsent(names.get(source[i]), n -> {
                levels.add(n);
                return levels.size() - 1;
            });
        }
        return new CategoricalColumn(MICROGRAPH, ColumnRole.GROUP, codes, levels);
    }
}
