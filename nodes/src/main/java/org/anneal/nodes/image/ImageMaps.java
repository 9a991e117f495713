package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Shape;
import org.anneal.spec.TableSpec;

/**
 * What image.grey, image.normalise, image.resize and image.crop share: each turns every image of one column into an image
 * of one new shape, alone, and leaves the other columns as they are.
 */
final class ImageMaps {
    private ImageMaps() {
    }

    /** One image ({@code h × w × c}, row-major) into the new shape's values. */
    interface PerImage {
        float[] apply(float[] img, int h, int w, int c);
    }

    /** The table's spec with the image column's shape replaced: what configure promises. */
    static TableSpec spec(TableSpec t, ColumnSpec image, Shape out) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            cols.add(c.name().equals(image.name()) ? ColumnSpec.tensor(c.name(), c.role(), out, c.unit()) : c);
        }
        return t.withColumns(cols);
    }

    /** Every image through {@code f}; a missing image stays missing (zeros of the new shape). */
    static Table apply(ImageColumns.Images im, Shape out, PerImage f, ExecContext ctx) {
        TensorColumn col = im.column();
        int size = out.size();
        if ((long) im.rows() * size > ImagesNode.MAX_VALUES) {
            throw new NodeFailure(im.rows() + " images of " + out.dimsText() + " need more than the 1 GiB allowed.",
                    "Make the images smaller, or use fewer rows.");
        }
        float[] values = new float[im.rows() * size];
        for (int r = 0; r < im.rows(); r++) {
            ctx.checkCancelled();
            if (!col.isMissing(r)) {
                System.arraycopy(f.apply(col.get(r), im.h(), im.w(), im.channels()), 0, values, r * size, size);
            }
            ctx.progress((r + 1.0) / im.rows());
        }
        return im.table().with(new TensorColumn(col.name(), col.role(), out, values, col.missing(), col.unit()));
    }
}
