package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.images on a real multi-page TIFF written here: one row per page, pages told apart, a bad page named. */
class TiffStackTest {
    @TempDir
    Path dir;

    static final ImagesNode.Params PARAMS = new ImagesNode.Params("imgs", ImagesNode.Labels.FOLDERS, "", "class", "",
            ImagesNode.Colour.GREY, ImagesNode.Fit.NONE, 0, 0, 0.5, 1000);

    /** A 16-bit stack of 3×2 pages; page k holds the values k·1000 + i (i = pixel index). */
    static void writeStack(Path file, int pages, int lastWidth) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            assertTrue(w.canWriteSequence(), "the TIFF writer writes several pages");
            w.prepareWriteSequence(null);
            for (int k = 0; k < pages; k++) {
                int width = k == pages - 1 ? lastWidth : 3;
                BufferedImage page = new BufferedImage(width, 2, BufferedImage.TYPE_USHORT_GRAY);
                int[] v = new int[width * 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = k * 1000 + i;
                }
                page.getRaster().setPixels(0, 0, width, 2, v);
                w.writeToSequence(new IIOImage(page, null, null), null);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }

    Table load(ImagesNode.Params p) throws Exception {
        return (Table) new ImagesNode().execute(new Inputs(Map.of()), p, new StandaloneContext("img", 1, dir)).get("table");
    }

    @Test
    void aThreePageStackGivesThreeRowsInPageOrderSharingItsFile() throws Exception {
        Files.createDirectories(dir.resolve("imgs/a"));
        Files.createDirectories(dir.resolve("imgs/b"));
        writeStack(dir.resolve("imgs/a/stack.tif"), 3, 3);
        BufferedImage single = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(single, "png", dir.resolve("imgs/b/single.png").toFile());
        Table t = load(PARAMS);
        TableSpec promised = (TableSpec) new ImagesNode().configure(Specs.of(Map.of()), PARAMS, new StandaloneContext("img", 1, dir)).get("table");
        assertEquals(promised.columns(), t.spec(Lineage.UNSPLIT).columns());
        assertEquals(4, t.rowCount());
        CategoricalColumn file = (CategoricalColumn) t.column("file").orElseThrow();
        assertEquals(List.of("a/stack.tif", "a/stack.tif", "a/stack.tif", "b/single.png"),
                List.of(file.get(0), file.get(1), file.get(2), file.get(3)));
        NumericColumn page = (NumericColumn) t.column("page").orElseThrow();
        assertArrayEquals(new double[] {1, 2, 3, 1}, page.values());
        CategoricalColumn cls = (CategoricalColumn) t.column("class").orElseThrow();
        assertEquals(List.of("a", "a", "a", "b"), List.of(cls.get(0), cls.get(1), cls.get(2), cls.get(3)));
        TensorColumn img = (TensorColumn) t.column("image").orElseThrow();
        for (int k = 0; k < 3; k++) {
            float[] expect = new float[6];
            for (int i = 0; i < 6; i++) {
                expect[i] = (k * 1000 + i) / 65535f;
            }
            assertArrayEquals(expect, img.get(k), 1e-7f, "page " + (k + 1));
        }
    }

    @Test
    void withoutStacksThereIsNoPageColumn() throws Exception {
        Files.createDirectories(dir.resolve("imgs/a"));
        writeStack(dir.resolve("imgs/a/one.tif"), 1, 3);
        Table t = load(PARAMS);
        assertEquals(1, t.rowCount());
        assertFalse(t.column("page").isPresent());
    }

    @Test
    void aPageOfAnotherSizeIsNamedByFileAndPage() throws Exception {
        Files.createDirectories(dir.resolve("imgs/a"));
        writeStack(dir.resolve("imgs/a/stack.tif"), 3, 4);
        NodeFailure f = assertThrows(NodeFailure.class, () -> load(PARAMS));
        assertTrue(f.getMessage().startsWith("a/stack.tif (page 3) is 4×2 pixels"), f.getMessage());
    }
}
