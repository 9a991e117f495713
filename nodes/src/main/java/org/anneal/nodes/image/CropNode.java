package org.anneal.nodes.image;

import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
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

@NodeType(id = "image.crop", title = "Crop images", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Cuts the same `width` × `height` pixels out of every image: `centre` takes the middle (the left and top \
                margins are half the spare pixels, rounded down, so an odd spare pixel goes to the right or bottom), `box` \
                the rectangle whose top-left pixel is (`x`, `y`), counted from 0 at the top-left of the image. The pixel \
                size stays. A crop larger than the images, or a box that runs over their edge, is an error on that \
                parameter before anything runs. One row stays one row: to cut many patches from each image, use image.tile.""")
public final class CropNode implements Node<CropNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Where the crop lies: the centre of the image or a given box", def = "\"centre\"") Place place,
            @Param(doc = "Width of the crop in pixels", def = "64", min = 1, max = 65536) int width,
            @Param(doc = "Height of the crop in pixels", def = "64", min = 1, max = 65536) int height,
            @Param(doc = "With box: column of the crop's left edge, 0 = the image's first", def = "0", min = 0, max = 65536) int x,
            @Param(doc = "With box: row of the crop's top edge, 0 = the image's first", def = "0", min = 0, max = 65536) int y) {
    }

    public enum Place { CENTRE, BOX }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with their images cropped");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        int[] d = image.shape().dims();
        String size = d[1] + "×" + d[0] + " images of '" + image.name() + "'";
        if (p.width() > d[1]) {
            throw ConfigError.atParam("width", "A crop " + p.width() + " pixels wide does not fit in the " + size + ".",
                    "Use a width of at most " + d[1] + ", or enlarge the images with image.resize first.");
        }
        if (p.height() > d[0]) {
            throw ConfigError.atParam("height", "A crop " + p.height() + " pixels high does not fit in the " + size + ".",
                    "Use a height of at most " + d[0] + ", or enlarge the images with image.resize first.");
        }
        if (p.place() == Place.BOX && p.x() + p.width() > d[1]) {
            throw ConfigError.atParam("x", "A box from x = " + p.x() + ", " + p.width() + " pixels wide, runs over the right edge of the "
                    + size + ".", "Use x of at most " + (d[1] - p.width()) + ".");
        }
        if (p.place() == Place.BOX && p.y() + p.height() > d[0]) {
            throw ConfigError.atParam("y", "A box from y = " + p.y() + ", " + p.height() + " pixels high, runs over the bottom edge of the "
                    + size + ".", "Use y of at most " + (d[0] - p.height()) + ".");
        }
        return Specs.of(OUT, ImageMaps.spec(t, image, out(image.shape(), p)));
    }

    static Shape out(Shape s, Params p) {
        return ImageColumns.resized(s, p.height(), p.width(), s.dims()[2]);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        int x0 = p.place() == Place.CENTRE ? (im.w() - p.width()) / 2 : p.x();
        int y0 = p.place() == Place.CENTRE ? (im.h() - p.height()) / 2 : p.y();
        return Outputs.of(OUT, ImageMaps.apply(im, out(im.column().shape(), p),
                (img, h, w, c) -> cut(img, w, c, x0, y0, p.width(), p.height()), ctx));
    }

    /** The {@code tw × th} pixels from (x0, y0) of an image {@code w} pixels wide with {@code c} channels. */
    static float[] cut(float[] img, int w, int c, int x0, int y0, int tw, int th) {
        float[] out = new float[tw * th * c];
        for (int y = 0; y < th; y++) {
            System.arraycopy(img, ((y + y0) * w + x0) * c, out, y * tw * c, tw * c);
        }
        return out;
    }
}
