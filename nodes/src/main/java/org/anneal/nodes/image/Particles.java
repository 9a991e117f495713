package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;

/**
 * The per-particle table of image.segment, gathered image by image: each labelled particle of at least the smallest area
 * with its area, equivalent-circle diameter, centroid (in the image's length unit) and whether the image edge cuts it.
 */
final class Particles {
    private final int h;
    private final int w;
    private final double px;
    private final List<Integer> source = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    Particles(int h, int w, double px) {
        this.h = h;
        this.w = w;
        this.px = px;
    }

    static final List<String> MEASURES = List.of("particle", "area", "equivalent_diameter", "centroid_x", "centroid_y", "touches_edge");

    static List<ColumnSpec> columns(String len) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(new ColumnSpec(TileNode.MICROGRAPH, ColumnType.CATEGORICAL, ColumnRole.GROUP));
        String[] units = units(len);
        for (int k = 0; k < MEASURES.size(); k++) {
            cols.add(new ColumnSpec(MEASURES.get(k), ColumnType.NUMERIC, k == 0 ? ColumnRole.ID : ColumnRole.FEATURE, units[k]));
        }
        return cols;
    }

    private static String[] units(String len) {
        return new String[] {"", len + "²", len, len, len, ""};
    }

    /** The particles of image {@code row}: labels from {@link Components#label}, areas from {@link Components#areas}. */
    void add(int row, int[] labels, long[] areas, int minArea) {
        int n = areas.length;
        double[] sx = new double[n];
        double[] sy = new double[n];
        boolean[] edge = new boolean[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                if (l > 0) {
                    sx[l] += x + 0.5;
                    sy[l] += y + 0.5;
                    edge[l] |= x == 0 || y == 0 || x == w - 1 || y == h - 1;
                }
            }
        }
        int number = 0;
        for (int l = 1; l < n; l++) {
            if (areas[l] >= minArea) {
                number++;
                source.add(row);
                rows.add(new double[] {number, areas[l] * px * px, Math.sqrt(4 * areas[l] / Math.PI) * px, sx[l] / areas[l] * px,
                        sy[l] / areas[l] * px, edge[l] ? 1 : 0});
            }
        }
    }

    Table table(Table images, String len) {
        List<Column> cols = new ArrayList<>();
        cols.add(TileNode.micrographs(images, source.stream().mapToInt(Integer::intValue).toArray()));
        String[] units = units(len);
        for (int k = 0; k < MEASURES.size(); k++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[k];
            }
            cols.add(new NumericColumn(MEASURES.get(k), k == 0 ? ColumnRole.ID : ColumnRole.FEATURE, v, units[k]));
        }
        return new Table(cols);
    }
}
