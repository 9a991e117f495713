package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real 30 × 30 SEM-EDS map (datasets/spectra/eds-map, converted from HyperSpy's Bruker .bcf by
 * datasets/scripts/make_eds_map.sh) reads as HyperSpy reads it. The constants were printed by Debian's HyperSpy 1.7.3:
 * {@code s = hs.load("chevkinite_30x30_EDS.hspy"); d = s.data.astype("int64")} then {@code d.sum()},
 * {@code d.sum(axis=2)} (its min, argmin, max, argmax and [0, 0]), {@code d.max()} and the axis's offset and scale;
 * HyperSpy also checked that {@code s.data} equals the .bcf's EDX signal value for value.
 */
class RealEdsMapTest {
    static final Path FOLDER = Path.of("..", "datasets", "spectra", "eds-map");
    static final String FILE = "chevkinite_30x30_EDS.hspy";
    static Table map;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        map = SpectrumImageNodeTest.load(FOLDER, FILE, AxisKind.ENERGY_KEV);
    }

    static TensorColumn spectra() {
        return (TensorColumn) map.column("spectrum").orElseThrow();
    }

    static double[] pixelSums() {
        TensorColumn s = spectra();
        double[] sums = new double[map.rowCount()];
        for (int r = 0; r < sums.length; r++) {
            for (int c = 0; c < s.rowSize(); c++) {
                sums[r] += s.values()[r * s.rowSize() + c];
            }
        }
        return sums;
    }

    @Test
    void nineHundredPixelsOf2048ChannelsOnHyperSpysEnergyAxis() {
        assertEquals(900, map.rowCount());
        assertEquals(29, Arrays.stream(map.numeric("x").values()).max().orElseThrow());
        assertEquals(29, Arrays.stream(map.numeric("y").values()).max().orElseThrow());
        assertEquals(1, map.numeric("x").get(1), "row-major: the second row is the pixel to the right");
        assertEquals(1, map.numeric("y").get(30));
        Axis a = spectra().shape().axis(0);
        assertEquals(2048, a.size());
        assertEquals("keV", a.unit());
        assertEquals(-0.47225277, a.start(), 1e-9, "HyperSpy: offset");
        assertEquals(0.009999, a.step(), 1e-12, "HyperSpy: scale");
    }

    @Test
    void countsAgreeWithHyperSpy() {
        double[] sums = pixelSums();
        assertEquals(18_621_362, Arrays.stream(sums).sum(), "every count of the map");
        assertEquals(18_844, sums[0], "pixel (0, 0)");
        assertEquals(15_814, sums[855], "the faintest pixel, (15, 28)");
        assertEquals(22_653, sums[209], "the brightest pixel, (29, 6)");
        assertEquals(15_814, Arrays.stream(sums).min().orElseThrow());
        assertEquals(22_653, Arrays.stream(sums).max().orElseThrow());
        float max = 0;
        for (float v : spectra().values()) {
            max = Math.max(max, v);
        }
        assertEquals(969, max, "the largest count in one channel of one pixel");
    }

    @Test
    void theSumSpectrumShowsTheRocksLinesWhereTheTablesPutThem() {
        TensorColumn s = spectra();
        float[] sum = new float[s.rowSize()];
        for (int r = 0; r < map.rowCount(); r++) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] += s.values()[r * s.rowSize() + c];
            }
        }
        TensorColumn total = new TensorColumn("sum", s.role(), s.shape(), sum, new boolean[1], "");
        // O Kα 0.525, Mg Kα 1.254, Al Kα 1.487, Si Kα 1.740, Ca Kα 3.692, Ti Kα 4.511, Fe Kα 6.404 keV (X-ray data booklet);
        // the peak channel is within two 10 eV channels of each: the detector's calibration sets the axis, and it runs
        // 13–15 eV high near K and Ca Kα in this file (HyperSpy finds the same channels: K 3.327, Ca 3.707 keV)
        double[][] lines = {{0.525, 0.45, 0.6}, {1.254, 1.2, 1.35}, {1.487, 1.4, 1.6}, {1.740, 1.65, 1.85}, {3.692, 3.6, 3.8},
            {4.511, 4.4, 4.7}, {6.404, 6.3, 6.6}};
        for (double[] line : lines) {
            assertEquals(line[0], SpectrumImageNodeTest.peakBetween(total, 0, line[1], line[2]), 0.02, "line at " + line[0] + " keV");
        }
        assertEquals(0, SpectrumImageNodeTest.peakBetween(total, 0, -0.2, 0.2), 0.01, "the detector's zero-energy peak");
    }

    @Test
    void aTruncatedCopyIsALocatedErrorNotAStackTrace() throws Exception {
        byte[] whole = Files.readAllBytes(FOLDER.resolve(FILE));
        Files.write(dir.resolve("cut.hspy"), Arrays.copyOf(whole, whole.length / 2));
        var node = new SpectrumImageNode();
        var p = new SpectrumImageNode.Params("cut.hspy", "", AxisKind.ENERGY_KEV, "spectrum");
        var ctx = new StandaloneContext("map", 1, dir);
        String message;
        try {
            node.configure(Specs.of(Map.of()), p, ctx);
            message = assertThrows(NodeFailure.class, () -> node.execute(new Inputs(Map.of()), p, ctx)).getMessage();
        } catch (ConfigError e) {
            message = e.getMessage();
        }
        assertTrue(message.startsWith("cut.hspy: cannot be read as HDF5"), message);
        Files.write(dir.resolve("head.hspy"), Arrays.copyOf(whole, 100));
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of()),
                new SpectrumImageNode.Params("head.hspy", "", AxisKind.ENERGY_KEV, "spectrum"), ctx));
        assertTrue(e.getMessage().startsWith("head.hspy: cannot be read as HDF5"), e.getMessage());
        assertEquals("path", e.param());
    }
}
