package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.TableSpec;

/** Finding the image column a node works on, and shapes cut from an image's: shared by the image blocks. */
final class ImageColumns {
    /** The doc of the column param every image block has. */
    static final String COLUMN_DOC = "Image column ([y, x, channel] tensor); empty = the only one";

    /** What the docs of the measuring blocks say about rows and the image column. */
    static final String MEASURED_DOC = "Each image alone: nothing is learnt from other rows. The image column stays, no longer a feature.";

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

    /** An image column at run time with its size: what every per-image block reads first. */
    record Images(Table table, TensorColumn column, int h, int w, int channels) {
        int rows() {
            return table.rowCount();
        }

        /** One row as grey values (channels averaged). */
        float[] grey(int row) {
            return ImageFeaturesNode.grey(column, row, h * w, channels);
        }
    }

    static Images images(Table t, String column) throws ConfigError {
        TensorColumn c = of(t, column);
        int[] d = c.shape().dims();
        return new Images(t, c, d[0], d[1], d[2]);
    }

    /**
     * The columns of a table a measuring block passes on: all of them, the measured image no longer a feature (it stays
     * for viewing); a located error when one already has a name the block adds.
     */
    static List<ColumnSpec> measured(TableSpec t, ColumnSpec image, List<String> added, String fix) throws ConfigError {
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            if (added.contains(c.name())) {
                throw ConfigError.atPort("table", "The table already has a column '" + c.name() + "'.", fix);
            }
            cols.add(c.name().equals(image.name()) ? c.withRole(ColumnRole.IGNORE) : c);
        }
        return cols;
    }

    /** The run-time side of {@link #measured(TableSpec, ColumnSpec, List, String)}: the table's columns, the image ignored. */
    static List<Column> measured(Images im) {
        List<Column> cols = new ArrayList<>();
        for (Column c : im.table().columns()) {
            cols.add(c.name().equals(im.column().name()) ? c.withRole(ColumnRole.IGNORE) : c);
        }
        return cols;
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
