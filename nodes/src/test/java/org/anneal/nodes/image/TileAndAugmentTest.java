package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** image.tile and image.augment on hand-made images: exact tiles, groups kept, copies that are true mirrors and turns. */
class TileAndAugmentTest {
    /** Two 4×6 grey images whose pixel value is 100·image + 10·y + x, a file id, a specimen group and a class. */
    static Table twoImages(int h, int w) {
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            float[] img = new float[h * w];
            for (int i = 0; i < img.length; i++) {
                img[i] = 100 * r + 10 * (i / w) + i % w;
            }
            rows.add(img);
        }
        return new Table(List.of(TensorColumn.of("image", ColumnRole.FEATURE, Shape.image(h, w, 1), rows),
                new CategoricalColumn("file", ColumnRole.ID, new int[] {0, 1}, List.of("a.png", "b.png")),
                new CategoricalColumn("specimen", ColumnRole.GROUP, new int[] {0, 0}, List.of("S1")),
                new CategoricalColumn("class", ColumnRole.TARGET, new int[] {0, 1}, List.of("x", "y"))));
    }

    static <P extends Record> Table run(org.anneal.spec.Node<P> n, P params, Table in, long seed) throws Exception {
        var ctx = new StandaloneContext("n", seed, Path.of("."));
        TableSpec promised = (TableSpec) n.configure(Specs.of(Map.<String, org.anneal.spec.Spec>of("table", in.spec(Lineage.UNSPLIT))), params, ctx).get("out");
        Table out = (Table) n.execute(new Inputs(Map.of("table", in)), params, ctx).get("out");
        assertEquals(promised.columns(), out.spec(Lineage.UNSPLIT).columns(), "configure promises what execute makes");
        return out;
    }

    @Test
    void tilesAreExactCutsAndKeepTheirImagesColumnsAndGroup() throws Exception {
        Table t = run(new TileNode(), new TileNode.Params("", 2, 0), twoImages(4, 6), 1);
        assertEquals(2 * 2 * 3, t.rowCount(), "2×3 tiles of 2×2 from each 4×6 image");
        TensorColumn tiles = (TensorColumn) t.column("image").orElseThrow();
        assertArrayEquals(new int[] {2, 2, 1}, tiles.shape().dims());
        // tile 5 of image 0: corner y 2, x 4 → 24, 25 / 34, 35; tile 6 is the first of image 1
        assertArrayEquals(new float[] {24, 25, 34, 35}, tiles.get(5));
        assertArrayEquals(new float[] {100, 101, 110, 111}, tiles.get(6));
        assertEquals(2.0, ((NumericColumn) t.column("tile_y").orElseThrow()).get(5));
        assertEquals(4.0, ((NumericColumn) t.column("tile_x").orElseThrow()).get(5));
        CategoricalColumn micrograph = (CategoricalColumn) t.column("micrograph").orElseThrow();
        assertEquals(ColumnRole.GROUP, micrograph.role());
        assertEquals("a.png", micrograph.get(5));
        assertEquals("b.png", micrograph.get(6));
        assertEquals("y", ((CategoricalColumn) t.column("class").orElseThrow()).get(6), "the label travels with the tile");
        assertEquals(ColumnRole.GROUP, t.column("specimen").orElseThrow().role(), "the specimen stays the first group column");
        Table overlapping = run(new TileNode(), new TileNode.Params("", 3, 1), twoImages(4, 6), 1);
        assertEquals(2 * 2 * 4, overlapping.rowCount(), "stride 1: corners y 0–1, x 0–3");
    }

    @Test
    void withoutAnIdColumnTheRowNumberNamesTheMicrographAndATooLargeTileIsAConfigError() throws Exception {
        Table noId = new Table(twoImages(4, 6).columns().stream().filter(c -> !c.name().equals("file")).toList());
        CategoricalColumn m = (CategoricalColumn) run(new TileNode(), new TileNode.Params("", 3, 0), noId, 1).column("micrograph").orElseThrow();
        assertEquals(List.of("image 1", "image 1", "image 2", "image 2"), List.of(m.get(0), m.get(1), m.get(2), m.get(3)));
        ConfigError big = assertThrows(ConfigError.class, () -> new TileNode().configure(Specs.of(Map.<String, org.anneal.spec.Spec>of("table", noId.spec(Lineage.UNSPLIT))),
                new TileNode.Params("", 5, 0), new StandaloneContext("n", 1, Path.of("."))));
        assertEquals("size", big.param());
    }

    @Test
    void quarterTurnsAndMirrorAreExact() {
        int[] d = {2, 2, 1};
        assertArrayEquals(new float[] {2, 4, 1, 3}, ImageGeometry.turn(new float[] {1, 2, 3, 4}, d, 1));
        assertArrayEquals(new float[] {4, 3, 2, 1}, ImageGeometry.turn(new float[] {1, 2, 3, 4}, d, 2));
        assertArrayEquals(new float[] {2, 1, 4, 3}, ImageGeometry.mirror(new float[] {1, 2, 3, 4}, d, true));
        // a 2×3 image turned once becomes 3×2: the top row 1 2 3 becomes the left column read upwards
        assertArrayEquals(new float[] {3, 6, 2, 5, 1, 4}, ImageGeometry.turn(new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3, 1}, 1));
    }

    @Test
    void augmentedCopiesAreMirrorsAndTurnsOfTheirOriginalKeepTheirLabelAndRepeatForASeed() throws Exception {
        Table in = twoImages(3, 3);
        var p = new AugmentNode.Params("", 5, true, true, 0, 0);
        Table t = run(new AugmentNode(), p, in, 7);
        assertEquals(2 * 6, t.rowCount());
        TensorColumn img = (TensorColumn) t.column("image").orElseThrow();
        CategoricalColumn what = (CategoricalColumn) t.column("augmentation").orElseThrow();
        CategoricalColumn cls = (CategoricalColumn) t.column("class").orElseThrow();
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(((TensorColumn) in.column("image").orElseThrow()).get(r), img.get(r), "originals first, unchanged");
            assertEquals("original", what.get(r));
        }
        int[] d = {3, 3, 1};
        for (int k = 2; k < t.rowCount(); k++) {
            int source = k % 2;
            float[] orig = ((TensorColumn) in.column("image").orElseThrow()).get(source);
            Set<List<Float>> dihedral = new HashSet<>();
            for (int turns = 0; turns < 4; turns++) {
                for (boolean flip : new boolean[] {false, true}) {
                    dihedral.add(asList(ImageGeometry.turn(ImageGeometry.mirror(orig, d, flip), d, turns)));
                }
            }
            assertTrue(dihedral.contains(asList(img.get(k))), "copy " + k + " is a mirror/turn of row " + source);
            assertEquals(cls.get(source), cls.get(k));
        }
        Table again = run(new AugmentNode(), p, in, 7);
        assertArrayEquals(img.values(), ((TensorColumn) again.column("image").orElseThrow()).values(), "same seed, same copies");
        Table other = run(new AugmentNode(), p, in, 8);
        assertTrue(!java.util.Arrays.equals(img.values(), ((TensorColumn) other.column("image").orElseThrow()).values()));
    }

    @Test
    void noiseAndBrightnessShiftTheCopiesAndAllOffIsAConfigError() throws Exception {
        Table in = twoImages(3, 4);
        Table t = run(new AugmentNode(), new AugmentNode.Params("", 200, false, false, 0.5, 0), in, 3);
        TensorColumn img = (TensorColumn) t.column("image").orElseThrow();
        double sum = 0;
        double sq = 0;
        int n = 0;
        float[] orig = img.get(0);
        for (int k = 2; k < t.rowCount(); k += 2) {
            float[] c = img.get(k);
            for (int i = 0; i < c.length; i++) {
                double e = c[i] - orig[i];
                sum += e;
                sq += e * e;
                n++;
            }
        }
        assertEquals(0, sum / n, 0.03, "noise is centred");
        assertEquals(0.5, Math.sqrt(sq / n), 0.03, "noise has the asked standard deviation (2,400 draws)");
        ConfigError off = assertThrows(ConfigError.class, () -> new AugmentNode().configure(Specs.of(Map.<String, org.anneal.spec.Spec>of("table", in.spec(Lineage.UNSPLIT))),
                new AugmentNode.Params("", 2, false, false, 0, 0), new StandaloneContext("n", 1, Path.of("."))));
        assertEquals("flips", off.param());
        Table bright = run(new AugmentNode(), new AugmentNode.Params("", 1, false, false, 0, 0.2), in, 3);
        float[] b = ((TensorColumn) bright.column("image").orElseThrow()).get(2);
        double shift = b[0] - orig[0];
        assertTrue(Math.abs(shift) <= 0.2 + 1e-6 && shift != 0, "one shift for the whole image: " + shift);
        for (int i = 0; i < b.length; i++) {
            assertEquals(shift, b[i] - orig[i], 1e-4);
        }
    }

    static List<Float> asList(float[] v) {
        List<Float> out = new ArrayList<>();
        for (float x : v) {
            out.add(x);
        }
        return out;
    }

    static List<String> names(Table t) {
        return t.columns().stream().map(Column::name).toList();
    }
}
