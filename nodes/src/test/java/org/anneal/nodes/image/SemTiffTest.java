package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real microscope TIFFs from HyperSpy's test data (datasets/micrographs/sem, GPL-3): the pixel size each instrument wrote
 * is read as HyperSpy reads it (its own tests assert the same numbers), becomes the pixel_size_um column and the axes' µm.
 */
class SemTiffTest {
    static final Path SEM = Path.of("../datasets/micrographs/sem");
    static final String FEI = "FEI-Helios-Ebeam-16bits.tif";
    static final String ZEISS = "test_tiff_Zeiss_SEM_512pix.tif";
    static final String IMAGEJ = "test_loading_image_saved_with_imageJ.tif";

    @TempDir
    Path dir;

    Table load(ImagesNode.Fit fit, int w, int h, String... files) throws Exception {
        Files.createDirectories(dir.resolve("sem"));
        for (String f : files) {
            Files.copy(SEM.resolve(f), dir.resolve("sem").resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        var p = new ImagesNode.Params("sem", ImagesNode.Labels.NONE, "", "", "", ImagesNode.Colour.GREY, fit, w, h, 0, 50_000_000);
        var ctx = new StandaloneContext("img", 1, dir);
        Table t = (Table) new ImagesNode().execute(new Inputs(Map.of()), p, ctx).get("table");
        TableSpec promised = (TableSpec) new ImagesNode().configure(Specs.of(Map.of()), p, ctx).get("table");
        assertEquals(promised.columns(), t.spec(Lineage.UNSPLIT).columns(), "configure promises what execute makes");
        return t;
    }

    static double pixelSize(Table t, int row) {
        return ((NumericColumn) t.column("pixel_size_um").orElseThrow()).get(row);
    }

    @Test
    void a16BitFeiSemTiffGivesItsScanPixelWidth() throws Exception {
        Table t = load(ImagesNode.Fit.NONE, 0, 0, FEI);
        assertEquals(3.3724, pixelSize(t, 0), 3.3724e-6);
        TensorColumn img = (TensorColumn) t.column("image").orElseThrow();
        assertArrayEquals(new int[] {471, 512, 1}, img.shape().dims());
        assertEquals("µm", img.shape().axis(1).unit());
        assertEquals(3.3724, img.shape().axis(1).step(), 3.3724e-6);
        float max = 0;
        for (float v : img.get(0)) {
            max = Math.max(max, v);
        }
        // 16-bit samples over 65535: a 16-bit file read as 8 bits would show steps of 1/255 only
        assertTrue(max > 0 && max <= 1, "values in [0, 1]: " + max);
        boolean fine = false;
        for (float v : img.get(0)) {
            fine |= Math.abs(v * 255 - Math.round(v * 255)) > 1e-3;
        }
        assertTrue(fine, "16-bit precision is kept");
    }

    @Test
    void tiffPixelsAreDecodedByTwelveMonkeys() {
        var readers = javax.imageio.ImageIO.getImageReadersBySuffix("tif");
        assertTrue(readers.next().getClass().getName().startsWith("com.twelvemonkeys."), "TwelveMonkeys registers ahead of the JDK's reader");
    }

    @Test
    void aZeissSemTiffGivesItsCzSemPixelSizeScaledToTheStoredWidth() throws Exception {
        Table t = load(ImagesNode.Fit.NONE, 0, 0, ZEISS);
        // CZ_SEM head block: 5.824988e-9 m for a 1024-wide display; the stored image is 512 wide
        assertEquals(0.011649976, pixelSize(t, 0), 1e-8);
        assertEquals("µm", ((TensorColumn) t.column("image").orElseThrow()).shape().axis(0).unit());
    }

    @Test
    void anImageJCalibrationGivesUnitOverXResolution() throws Exception {
        Table t = load(ImagesNode.Fit.NONE, 0, 0, IMAGEJ);
        assertEquals(1 / 5.928571, pixelSize(t, 0), 1e-6); // unit=micron, XResolution 5928571/1000000 pixels per µm
    }

    @Test
    void resizingScalesEachPixelSizeAndMixedSizesLeaveTheAxesInPixels() throws Exception {
        Table t = load(ImagesNode.Fit.RESIZE, 64, 64, FEI, IMAGEJ, ZEISS);
        assertEquals(3.3724 * 512 / 64, pixelSize(t, 0), 1e-4);
        assertEquals(68 / 5.928571 / 64, pixelSize(t, 1), 1e-6);
        assertEquals(0.011649976 * 512 / 64, pixelSize(t, 2), 1e-7);
        assertEquals("", ((TensorColumn) t.column("image").orElseThrow()).shape().axis(1).unit(), "no one scale for all rows");
    }

    @Test
    void theZeissImagePixelSizeLineWinsWhenPresentAndUnitsConvert() {
        assertEquals(0.0025, TiffCalibration.zeiss("0\r\n0\r\n0\r\n1e-9\r\nAP_IMAGE_PIXEL_SIZE\r\nImage Pixel Size = 2.5 nm\r\n", 1024), 1e-12);
        assertEquals(0.002, TiffCalibration.zeiss("0\r\n0\r\n0\r\n1e-9\r\n", 512), 1e-12);
        assertTrue(Double.isNaN(TiffCalibration.micronsPer("pixel")));
        assertEquals(1e3, TiffCalibration.micronsPer("mm"));
    }

    @Test
    void aPngHasNoCalibrationAndTheParamOverridesAnyFile() throws Exception {
        Files.createDirectories(dir.resolve("sem"));
        Files.copy(SEM.resolve(FEI), dir.resolve("sem").resolve(FEI));
        var p = new ImagesNode.Params("sem", ImagesNode.Labels.NONE, "", "", "", ImagesNode.Colour.GREY, ImagesNode.Fit.NONE, 0, 0, 2.0, 50_000_000);
        Table t = (Table) new ImagesNode().execute(new Inputs(Map.of()), p, new StandaloneContext("img", 1, dir)).get("table");
        assertEquals(2.0, pixelSize(t, 0));
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        Files.delete(dir.resolve("sem").resolve(FEI));
        javax.imageio.ImageIO.write(png, "png", dir.resolve("sem/plain.png").toFile());
        Table plain = load(ImagesNode.Fit.NONE, 0, 0);
        assertTrue(Double.isNaN(pixelSize(plain, 0)), "unknown pixel size is a missing cell");
    }
}
