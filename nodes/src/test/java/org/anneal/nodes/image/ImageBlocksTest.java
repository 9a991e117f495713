package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** image.grey, image.normalise, image.resize and image.crop on small images worked out by hand. */
class ImageBlocksTest {
    /** Rows of {@code h × w × c} images at 0.5 µm per pixel with a pixel_size_um column. */
    static Table images(int h, int w, int c, float[]... rows) {
        Shape s = Shape.of(Axis.regular("y", h, "µm", 0, 0.5), Axis.regular("x", w, "µm", 0, 0.5), Axis.of("channel", c));
        float[] all = new float[rows.length * h * w * c];
        double[] um = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, all, r * h * w * c, h * w * c);
            um[r] = 0.5;
        }
        return new Table(List.of(new TensorColumn("image", ColumnRole.FEATURE, s, all, new boolean[rows.length], ""),
                new NumericColumn("pixel_size_um", ColumnRole.IGNORE, um, "µm/px")));
    }

    static float[] image(Table t, int row) {
        return ((TensorColumn) t.column("image").orElseThrow()).get(row);
    }

    static Shape shape(Table t) {
        return ((TensorColumn) t.column("image").orElseThrow()).shape();
    }

    static <P extends Record> ConfigError refused(Node<P> n, P p, Table in) {
        return assertThrows(ConfigError.class, () -> n.configure(Specs.of(Map.<String, org.anneal.spec.Spec>of("table",
                in.spec(Lineage.UNSPLIT))), p, new StandaloneContext("n", 1, Path.of("."))));
    }

    @Test
    void greyWeighsRedGreenAndBlueByTheStatedWeights() throws Exception {
        Table rgb = images(1, 2, 3, new float[] {1, 0, 0, 0, 0.5f, 1});
        Table g601 = TileAndAugmentTest.run(new GreyNode(), new GreyNode.Params("", GreyNode.Weights.REC_601), rgb, 1);
        assertArrayEquals(new float[] {0.299f, 0.5f * 0.587f + 0.114f}, image(g601, 0), 1e-6f);
        assertEquals(List.of(1, 2, 1), java.util.Arrays.stream(shape(g601).dims()).boxed().toList());
        assertEquals(0.5, shape(g601).axis(1).step(), "the pixel size stays");
        Table g709 = TileAndAugmentTest.run(new GreyNode(), new GreyNode.Params("", GreyNode.Weights.REC_709), rgb, 1);
        assertArrayEquals(new float[] {0.2126f, 0.5f * 0.7152f + 0.0722f}, image(g709, 0), 1e-6f);
        Table mean = TileAndAugmentTest.run(new GreyNode(), new GreyNode.Params("", GreyNode.Weights.MEAN), rgb, 1);
        assertArrayEquals(new float[] {1 / 3f, 0.5f}, image(mean, 0), 1e-6f);
        Table grey = images(1, 2, 1, new float[] {0.2f, 0.7f});
        assertSame(grey, TileAndAugmentTest.run(new GreyNode(), new GreyNode.Params("", GreyNode.Weights.REC_601), grey, 1),
                "a grey image passes unchanged");
        Table two = new Table(List.of(new TensorColumn("image", ColumnRole.FEATURE, Shape.image(1, 1, 2), new float[2], new boolean[1], "")));
        assertEquals("column", refused(new GreyNode(), new GreyNode.Params("", GreyNode.Weights.REC_601), two).param());
    }

    @Test
    void normaliseRescalesEachImageByItsOwnValuesOrByAFixedRange() throws Exception {
        Table t = images(2, 2, 1, new float[] {0, 2, 4, 6}, new float[] {10, 10, 20, 20}, new float[] {3, 3, 3, 3});
        Table mm = TileAndAugmentTest.run(new NormaliseNode(), new NormaliseNode.Params("", NormaliseNode.Mode.MIN_MAX, 0, 1, true), t, 1);
        assertArrayEquals(new float[] {0, 1 / 3f, 2 / 3f, 1}, image(mm, 0), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 1, 1}, image(mm, 1), 1e-6f, "each image by its own range");
        assertArrayEquals(new float[] {0, 0, 0, 0}, image(mm, 2), 0f, "one grey level becomes 0");
        Table z = TileAndAugmentTest.run(new NormaliseNode(), new NormaliseNode.Params("", NormaliseNode.Mode.Z_SCORE, 0, 1, true), t, 1);
        double sd = Math.sqrt(5); // values 0, 2, 4, 6: mean 3, squared deviations 9, 1, 1, 9 over 4
        assertArrayEquals(new float[] {(float) (-3 / sd), (float) (-1 / sd), (float) (1 / sd), (float) (3 / sd)}, image(z, 0), 1e-6f);
        assertArrayEquals(new float[] {-1, -1, 1, 1}, image(z, 1), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 0}, image(z, 2), 0f);
        Table fixed = TileAndAugmentTest.run(new NormaliseNode(), new NormaliseNode.Params("", NormaliseNode.Mode.FIXED, 1, 5, true), t, 1);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, image(fixed, 0), 1e-6f);
        Table open = TileAndAugmentTest.run(new NormaliseNode(), new NormaliseNode.Params("", NormaliseNode.Mode.FIXED, 1, 5, false), t, 1);
        assertArrayEquals(new float[] {-0.25f, 0.25f, 0.75f, 1.25f}, image(open, 0), 1e-6f);
        assertEquals("high", refused(new NormaliseNode(), new NormaliseNode.Params("", NormaliseNode.Mode.FIXED, 1, 1, true), t).param());
    }

    @Test
    void bilinearResizeReadsPixelCentresOffTheOldGridAndTheScaleFollows() throws Exception {
        Table t = images(2, 2, 1, new float[] {0, 1, 2, 3});
        Table up = TileAndAugmentTest.run(new ResizeNode(), new ResizeNode.Params("", 4, 4, ResizeNode.Method.BILINEAR), t, 1);
        float[] v = image(up, 0);
        // new pixel x sits at old (x + 0.5)·2/4 − 0.5: −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, new float[] {v[0], v[1], v[2], v[3]}, 1e-6f, "first row");
        assertEquals(0.25 * 0.75 + 2.25 * 0.25, v[5], 1e-6, "(1, 1): 0.25 along both axes");
        assertEquals(3, v[15], 1e-6);
        assertEquals(0.25, shape(up).axis(1).step(), 1e-12, "twice the pixels, half the pixel size");
        assertEquals(0.25, shape(up).axis(0).step(), 1e-12);
        assertEquals(0.25, up.numeric("pixel_size_um").get(0), 1e-12);
    }

    @Test
    void areaResizeAveragesTheOldPixelsEachNewOneCovers() throws Exception {
        float[] img = new float[16];
        for (int i = 0; i < 16; i++) {
            img[i] = i;
        }
        Table down = TileAndAugmentTest.run(new ResizeNode(), new ResizeNode.Params("", 2, 2, ResizeNode.Method.AREA), images(4, 4, 1, img), 1);
        // 2×2 blocks: (0+1+4+5)/4, (2+3+6+7)/4, (8+9+12+13)/4, (10+11+14+15)/4
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, image(down, 0), 1e-5f);
        assertEquals(1.0, down.numeric("pixel_size_um").get(0), 1e-12);
        // 1×3 → 1×2: new pixels cover old [0, 1.5] and [1.5, 3]: (0 + 3/2)/1.5 = 1 and (3/2 + 6)/1.5 = 5
        Table odd = TileAndAugmentTest.run(new ResizeNode(), new ResizeNode.Params("", 2, 1, ResizeNode.Method.AREA),
                images(1, 3, 1, new float[] {0, 3, 6}), 1);
        assertArrayEquals(new float[] {1, 5}, image(odd, 0), 1e-5f);
        assertEquals(0.75, shape(odd).axis(1).step(), 1e-12, "3 pixels of 0.5 µm in 2 of 0.75");
        assertEquals(0.5, shape(odd).axis(0).step(), 1e-12, "the rows keep theirs");
        // enlarging an RGB image by area copies each old pixel's colour over the new pixels inside it
        Table rgb = TileAndAugmentTest.run(new ResizeNode(), new ResizeNode.Params("", 2, 1, ResizeNode.Method.AREA),
                images(1, 1, 3, new float[] {0.1f, 0.2f, 0.3f}), 1);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.1f, 0.2f, 0.3f}, image(rgb, 0), 1e-6f);
    }

    @Test
    void cropCutsTheCentreOrAGivenBoxAndRefusesOneThatDoesNotFit() throws Exception {
        float[] img = new float[4 * 5];
        for (int i = 0; i < img.length; i++) {
            img[i] = i;
        }
        Table t = images(4, 5, 1, img);
        Table centre = TileAndAugmentTest.run(new CropNode(), new CropNode.Params("", CropNode.Place.CENTRE, 3, 2, 0, 0), t, 1);
        // spare 2 columns and 2 rows: margins of 1 → rows 1–2, columns 1–3
        assertArrayEquals(new float[] {6, 7, 8, 11, 12, 13}, image(centre, 0), 0f);
        assertEquals(List.of(2, 3, 1), java.util.Arrays.stream(shape(centre).dims()).boxed().toList());
        assertEquals(0.5, shape(centre).axis(1).step(), "the pixel size stays");
        Table even = TileAndAugmentTest.run(new CropNode(), new CropNode.Params("", CropNode.Place.CENTRE, 2, 4, 0, 0), t, 1);
        assertArrayEquals(new float[] {1, 2, 6, 7, 11, 12, 16, 17}, image(even, 0), 0f, "an odd spare column goes to the right");
        Table box = TileAndAugmentTest.run(new CropNode(), new CropNode.Params("", CropNode.Place.BOX, 3, 2, 2, 0), t, 1);
        assertArrayEquals(new float[] {2, 3, 4, 7, 8, 9}, image(box, 0), 0f);
        ConfigError wide = refused(new CropNode(), new CropNode.Params("", CropNode.Place.CENTRE, 6, 2, 0, 0), t);
        assertEquals("width", wide.param());
        assertTrue(wide.getMessage().contains("5×4 images of 'image'"), wide.getMessage());
        assertEquals("height", refused(new CropNode(), new CropNode.Params("", CropNode.Place.CENTRE, 2, 5, 0, 0), t).param());
        assertEquals("x", refused(new CropNode(), new CropNode.Params("", CropNode.Place.BOX, 3, 2, 3, 0), t).param());
        assertEquals("y", refused(new CropNode(), new CropNode.Params("", CropNode.Place.BOX, 3, 2, 0, 3), t).param());
    }

    @Test
    void configurePromisesTheExactShapes() throws Exception {
        Table t = images(4, 6, 3, new float[72]);
        var ctx = new StandaloneContext("n", 1, Path.of("."));
        Specs in = Specs.of(Map.<String, org.anneal.spec.Spec>of("table", t.spec(Lineage.UNSPLIT)));
        TableSpec resized = (TableSpec) new ResizeNode().configure(in, new ResizeNode.Params("", 3, 2, ResizeNode.Method.AREA), ctx).get("out");
        Shape s = resized.column("image").orElseThrow().shape();
        assertEquals("2×3×3", s.dimsText().replace(" ", ""));
        assertEquals(1.0, s.axis(0).step(), 1e-12);
        assertEquals(1.0, s.axis(1).step(), 1e-12);
        TableSpec grey = (TableSpec) new GreyNode().configure(in, new GreyNode.Params("", GreyNode.Weights.MEAN), ctx).get("out");
        assertEquals("4×6×1", grey.column("image").orElseThrow().shape().dimsText().replace(" ", ""));
    }
}
