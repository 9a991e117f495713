package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.images on real files written here: exact pixel values, classes from folders, and every bad input named by file. */
class ImagesNodeTest {
    @TempDir
    Path dir;

    static ImagesNode.Params params(ImagesNode.Labels labels, ImagesNode.Colour colour, ImagesNode.Fit fit, int w, int h, int maxPixels) {
        return new ImagesNode.Params("imgs", labels, "", "class", "", colour, fit, w, h, 0.25, maxPixels);
    }

    static final ImagesNode.Params GREY = params(ImagesNode.Labels.FOLDERS, ImagesNode.Colour.GREY, ImagesNode.Fit.NONE, 0, 0, 1000);

    StandaloneContext ctx() {
        return new StandaloneContext("img", 1, dir);
    }

    Table load(ImagesNode.Params p) throws Exception {
        return (Table) new ImagesNode().execute(new Inputs(Map.of()), p, ctx()).get("table");
    }

    /** 3×2 images: a grey PNG in class "a", an RGB PNG and a 16-bit grey TIFF in class "b". */
    void writeSet() throws Exception {
        Files.createDirectories(dir.resolve("imgs/a"));
        Files.createDirectories(dir.resolve("imgs/b"));
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] g = {0, 51, 102, 153, 204, 255};
        grey.getRaster().setPixels(0, 0, 3, 2, g);
        ImageIO.write(grey, "png", dir.resolve("imgs/a/grey.png").toFile());
        BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 6; i++) {
            rgb.setRGB(i % 3, i / 3, (255 << 16) | (i * 10 << 8) | 0);
        }
        ImageIO.write(rgb, "png", dir.resolve("imgs/b/colour.png").toFile());
        BufferedImage deep = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setPixels(0, 0, 3, 2, new int[] {0, 1000, 20000, 40000, 65000, 65535});
        assertTrue(ImageIO.write(deep, "tiff", dir.resolve("imgs/b/deep.tif").toFile()), "the JDK writes 16-bit TIFF");
        Files.writeString(dir.resolve("imgs/b/notes.txt"), "not an image, and not named like one: left out");
    }

    @Test
    void greyPngRgbPngAnd16BitTiffLoadWithExactValuesAndFolderClasses() throws Exception {
        writeSet();
        Table t = load(GREY);
        Specs s = new ImagesNode().configure(Specs.of(Map.of()), GREY, ctx());
        assertEquals(((TableSpec) s.get("table")).columns(), t.spec(Lineage.UNSPLIT).columns());
        assertEquals(3, t.rowCount());
        CategoricalColumn file = (CategoricalColumn) t.column("file").orElseThrow();
        assertEquals(List.of("a/grey.png", "b/colour.png", "b/deep.tif"), file.levels());
        CategoricalColumn cls = (CategoricalColumn) t.column("class").orElseThrow();
        assertEquals(List.of("a", "b", "b"), List.of(cls.get(0), cls.get(1), cls.get(2)));
        TensorColumn img = (TensorColumn) t.column("image").orElseThrow();
        assertArrayEquals(new int[] {2, 3, 1}, img.shape().dims());
        assertEquals(0.25, img.shape().axis(1).step());
        assertArrayEquals(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1}, img.get(0), 1e-6f);
        float[] luma = new float[6];
        for (int i = 0; i < 6; i++) {
            luma[i] = 0.299f + 0.587f * (i * 10 / 255f);
        }
        assertArrayEquals(luma, img.get(1), 1e-6f);
        assertArrayEquals(new float[] {0, 1000 / 65535f, 20000 / 65535f, 40000 / 65535f, 65000 / 65535f, 1}, img.get(2), 1e-7f);
    }

    @Test
    void rgbKeepsThreeChannelsAndRepeatsGrey() throws Exception {
        writeSet();
        Table t = load(params(ImagesNode.Labels.FOLDERS, ImagesNode.Colour.RGB, ImagesNode.Fit.NONE, 0, 0, 1000));
        TensorColumn img = (TensorColumn) t.column("image").orElseThrow();
        assertArrayEquals(new int[] {2, 3, 3}, img.shape().dims());
        float[] colour = img.get(1);
        assertArrayEquals(new float[] {1, 30 / 255f, 0}, new float[] {colour[9], colour[10], colour[11]}, 1e-6f); // pixel (x 0, y 1) = i 3
        float[] grey = img.get(0);
        assertArrayEquals(new float[] {0.2f, 0.2f, 0.2f}, new float[] {grey[3], grey[4], grey[5]}, 1e-6f);
    }

    @Test
    void mixedSizesNeedARuleAndCropOrResizeBringThemToOne() throws Exception {
        writeSet();
        BufferedImage big = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[20];
        for (int i = 0; i < 20; i++) {
            v[i] = i * 10;
        }
        big.getRaster().setPixels(0, 0, 5, 4, v);
        ImageIO.write(big, "png", dir.resolve("imgs/b/wide.png").toFile());
        NodeFailure none = assertThrows(NodeFailure.class, () -> load(GREY));
        assertTrue(none.getMessage().startsWith("b/wide.png is 5×4 pixels"), none.getMessage());
        assertTrue(none.fix().contains("resize or crop"), none.fix());
        Table cropped = load(params(ImagesNode.Labels.FOLDERS, ImagesNode.Colour.GREY, ImagesNode.Fit.CROP, 0, 0, 1000));
        // the centre 3×2 of 5×4 starts at x 1, y 1: values 60, 70, 80 / 110, 120, 130
        assertArrayEquals(new float[] {60 / 255f, 70 / 255f, 80 / 255f, 110 / 255f, 120 / 255f, 130 / 255f},
                ((TensorColumn) cropped.column("image").orElseThrow()).get(3), 1e-6f);
        Table resized = load(params(ImagesNode.Labels.FOLDERS, ImagesNode.Colour.GREY, ImagesNode.Fit.RESIZE, 0, 0, 1000));
        TensorColumn r = (TensorColumn) resized.column("image").orElseThrow();
        assertEquals(4, resized.rowCount());
        assertArrayEquals(new int[] {2, 3, 1}, r.shape().dims());
        // bilinear is exact on a linear ramp: output (0, 0) samples the input at x 1/3, y 1/2, where v = 10·(5·y + x)
        assertEquals(10 * (5 * 0.5 + 1.0 / 3) / 255, r.get(3)[0], 1e-6);
        NodeFailure top = assertThrows(NodeFailure.class, () -> load(params(ImagesNode.Labels.NONE, ImagesNode.Colour.GREY,
                ImagesNode.Fit.RESIZE, 0, 0, 1000)));
        assertTrue(top.getMessage().contains("holds no images"), "labels none reads only the top folder: " + top.getMessage());
    }

    @Test
    void resizingABlockImageHalvesItExactly() {
        // 4×2 → 2×1: every output pixel centre lies midway between four input centres, so it is their mean
        float[] img = {0, 2, 4, 6, 8, 10, 12, 14};
        assertArrayEquals(new float[] {5, 9}, ImagesNode.resize(img, 4, 2, 1, 2, 1), 1e-6f);
    }

    @Test
    void aDamagedFileAFakeImageAndAnOversizedOneAreNamed() throws Exception {
        writeSet();
        byte[] png = Files.readAllBytes(dir.resolve("imgs/a/grey.png"));
        Files.write(dir.resolve("imgs/a/cut.png"), java.util.Arrays.copyOf(png, 30));
        NodeFailure cut = assertThrows(NodeFailure.class, () -> load(GREY));
        assertTrue(cut.getMessage().startsWith("a/cut.png: cannot be read"), cut.getMessage());
        Files.delete(dir.resolve("imgs/a/cut.png"));
        Files.writeString(dir.resolve("imgs/a/fake.png"), "hello");
        NodeFailure fake = assertThrows(NodeFailure.class, () -> load(GREY));
        assertTrue(fake.getMessage().startsWith("a/fake.png: no image reader"), fake.getMessage());
        Files.delete(dir.resolve("imgs/a/fake.png"));
        NodeFailure big = assertThrows(NodeFailure.class, () -> load(params(ImagesNode.Labels.FOLDERS, ImagesNode.Colour.GREY,
                ImagesNode.Fit.NONE, 0, 0, 5)));
        assertTrue(big.getMessage().startsWith("a/grey.png: 3×2 pixels is over the limit of 5"), big.getMessage());
    }

    @Test
    void aMissingOrEmptyFolderAndTooManyValuesAreConfigErrorsAtTheirParam() throws Exception {
        ConfigError missing = assertThrows(ConfigError.class, () -> new ImagesNode().configure(Specs.of(Map.of()), GREY, ctx()));
        assertEquals("path", missing.param());
        Files.createDirectories(dir.resolve("imgs"));
        ConfigError empty = assertThrows(ConfigError.class, () -> new ImagesNode().configure(Specs.of(Map.of()), GREY, ctx()));
        assertTrue(empty.getMessage().contains("holds no images in sub-folders"), empty.getMessage());
        writeSet();
        ConfigError huge = assertThrows(ConfigError.class, () -> new ImagesNode().configure(Specs.of(Map.of()),
                params(ImagesNode.Labels.FOLDERS, ImagesNode.Colour.RGB, ImagesNode.Fit.RESIZE, 65536, 65536, 1000), ctx()));
        assertEquals("width", huge.param());
    }

    @Test
    void changingAFileChangesTheFingerprintsAndCancellingStopsTheLoad() throws Exception {
        writeSet();
        var before = new ImagesNode().externalFingerprints(GREY, ctx());
        assertEquals(3, before.size());
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(grey, "png", dir.resolve("imgs/a/grey.png").toFile());
        assertNotEquals(before, new ImagesNode().externalFingerprints(GREY, ctx()));
        List<Double> progress = new ArrayList<>();
        ExecContext cancelling = new ExecContext() {
            public long seed() {
                return 1;
            }

            public void checkCancelled() {
                if (progress.size() >= 1) {
                    throw new Cancelled();
                }
            }

            public void progress(double f) {
                progress.add(f);
            }

            public String device() {
                return "cpu";
            }

            public Path resolve(String path, String param) {
                return dir.resolve(path);
            }

            public String nodeId() {
                return "img";
            }
        };
        assertThrows(ExecContext.Cancelled.class, () -> new ImagesNode().execute(new Inputs(Map.of()), GREY, cancelling));
        assertEquals(List.of(1.0 / 3), progress);
    }
}
