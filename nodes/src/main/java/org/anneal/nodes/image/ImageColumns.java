package org.anneal.nodes.image;

import java.util.List;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.TableSpec;

/** Finding the image column a node works on, and shapes cut from an image's: shared by the image blocks. */
final class ImageColumns {
    private ImageColumns() {
    }

    /** The named column, or the only [y, x, channel] tensor when {@code column} is empty; a located error at {@code column} else. */
    static ColumnSpec pick(TableSpec t, String column) throws ConfigError {
        ColumnSpec c;
        if (column.isEmpty()) {
            List<ColumnSpec> images = t.columns().stream().filter(x -> x.isTensor() && x.shape().rank() == 3).toList();
            if (images.size() != 1) {
                throw ConfigError.atParam("column", images.isEmpty() ? "The table has no image column ([y, x, channel] tensor)."
                        : "The table has " + images.size() + " image columns: " + images.stream().map(ColumnSpec::name).toList() + ".",
                        images.isEmpty() ? "Connect a table from data.images or data.generate-micrographs." : "Name the one to use.");
            }
            c = images.get(0);
        } else {
            c = t.requireColumn(column, "column");
        }
        if (!c.isTensor() || c.shape().rank() != 3) {
            throw ConfigError.atParam("column", "Column '" + c.name() + "' is not an image: it holds " + c.typeLabel() + ".",
                    "Name a column of [y, x, channel] tensors.");
        }
        return c;
    }

    /** The image column of a table at run time (configure has checked it). */
    static TensorColumn of(Table t, String column) throws ConfigError {
        return (TensorColumn) t.column(pick(t.spec(Lineage.UNSPLIT), column).name()).orElseThrow();
    }

    /** An image shape of {@code h × w} pixels that keeps the source's axis names, units and pixel size. */
    static Shape resized(Shape source, int h, int w, int channels) {
        return Shape.of(axis(source.axis(0), h), axis(source.axis(1), w), Axis.of(source.axis(2).name(), channels));
    }

    private static Axis axis(Axis a, int size) {
        return Double.isNaN(a.step()) ? Axis.of(a.name(), size) : Axis.regular(a.name(), size, a.unit(), 0, a.step());
    }

    /** Pixel size along x of a shape, 1 when it has no grid; and the unit lengths are measured in ("px" without a grid). */
    static double pixel(Shape s) {
        return Double.isNaN(s.axis(1).step()) ? 1 : Math.abs(s.axis(1).step());
    }

    static String lengthUnit(Shape s) {
        return s.axis(1).unit().isEmpty() ? "px" : s.axis(1).unit();
    }
}
