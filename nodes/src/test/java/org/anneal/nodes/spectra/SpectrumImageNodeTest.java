package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumImageNodeTest {
    static final Path REAL = Path.of("..", "datasets", "spectra", "hyperspy");
    @TempDir
    Path dir;

    static Table load(Path folder, String file, AxisKind axis) throws Exception {
        var node = new SpectrumImageNode();
        var p = new SpectrumImageNode.Params(file, "", axis, "spectrum");
        var ctx = new StandaloneContext("si", 1, folder);
        TableSpec spec = (TableSpec) node.configure(Specs.of(Map.of()), p, ctx).get("table");
        Table t = (Table) node.execute(new Inputs(Map.of()), p, ctx).get("table");
        assertEquals(spec, t.spec(Lineage.UNSPLIT), "configure promises what execute delivers");
        return t;
    }

    /** Energy of the highest channel between lo and hi on the column's axis. */
    static double peakBetween(TensorColumn c, int row, double lo, double hi) {
        Axis a = c.shape().axis(0);
        int best = -1;
        for (int i = 0; i < c.rowSize(); i++) {
            double e = a.start() + i * a.step();
            if (e >= lo && e <= hi && (best < 0 || c.values()[row * c.rowSize() + i] > c.values()[row * c.rowSize() + best])) {
                best = i;
            }
        }
        return a.start() + best * a.step();
    }

    @Test
    void certifiedSemEdsSpectrumHasItsLinesWhereTheTablesPutThem() throws Exception {
        Table t = load(REAL, "1D_EDS_SEM_Spectrum.hspy", AxisKind.ENERGY_KEV);
        assertEquals(1, t.rowCount());
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        assertEquals("1024 ch · -0.1–10.13 keV", s.shape().describe());
        assertEquals(0, t.numeric("x").get(0));
        // Al Kα 1.4867 keV, Mn Kα 5.8988 keV, Cu Lα 0.9297 keV (X-ray data booklet), within one 10 eV channel
        assertEquals(1.4867, peakBetween(s, 0, 1.3, 1.7), 0.011);
        assertEquals(5.8988, peakBetween(s, 0, 5.6, 6.2), 0.011);
        assertEquals(0.9297, peakBetween(s, 0, 0.85, 1.0), 0.011);
        double total = 0;
        for (float v : s.values()) {
            total += v;
        }
        assertEquals(1000279, total, "every count of the file");
    }

    @Test
    void crL23EdgeAndItsLowLossSpectrum() throws Exception {
        TensorColumn edge = (TensorColumn) load(REAL, "Cr_L_cl.hspy", AxisKind.ENERGY_EV).column("spectrum").orElseThrow();
        assertEquals("400 ch · 560–599.9 eV", edge.shape().describe());
        // the L3 and L2 white lines of Cr near 575 and 584 eV
        assertEquals(575, peakBetween(edge, 0, 570, 580), 1);
        assertEquals(584, peakBetween(edge, 0, 580, 590), 1);
        TensorColumn low = (TensorColumn) load(REAL, "Cr_L_ll.hspy", AxisKind.ENERGY_EV).column("spectrum").orElseThrow();
        assertEquals(0, peakBetween(low, 0, -5, 5), 0.5, "zero-loss peak at 0 eV");
        assertEquals(24.5, peakBetween(low, 0, 10, 40), 1.5, "the plasmon of Cr");
        TensorColumn tem = (TensorColumn) load(REAL, "1D_EDS_TEM_Spectrum.hspy", AxisKind.ENERGY_KEV).column("spectrum").orElseThrow();
        assertEquals(9.442, peakBetween(tem, 0, 9.2, 9.7), 0.03, "Pt Lα of the FePt sample");
    }

    /** A 2 × 3 map of 4-channel spectra whose every value encodes its pixel and channel. */
    static float[][][] map() {
        float[][][] v = new float[2][3][4];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int e = 0; e < 4; e++) {
                    v[y][x][e] = 100 * y + 10 * x + e;
                }
            }
        }
        return v;
    }

    static void assertMap(Table t) {
        assertEquals(6, t.rowCount());
        assertArrayEquals(new double[] {0, 1, 2, 0, 1, 2}, t.numeric("x").values());
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, t.numeric("y").values());
        TensorColumn s = (TensorColumn) t.column("spectrum").orElseThrow();
        assertArrayEquals(new float[] {122, 123}, java.util.Arrays.copyOfRange(s.values(), 5 * 4 + 2, 5 * 4 + 4), "pixel (2, 1), channels 2 and 3");
    }

    /** Writes {@link #map()} as a HyperSpy file; {@code axes}: name, navigate, offset, scale and units of y, x and energy. */
    static void writeHspyMap(Path file, String[][] axes) {
        try (WritableHdfFile h = HdfFile.write(file)) {
            h.putAttribute("file_format", "HyperSpy");
            WritableGroup g = h.putGroup("Experiments").putGroup("EDS map");
            g.putDataset("data", map());
            for (int d = 0; d < 3; d++) {
                WritableGroup a = g.putGroup("axis-" + d);
                a.putDataset("placeholder", new int[] {0}); // jHDF 0.9.4's alpha writer cannot write empty groups; HyperSpy's own files (above) have none
                a.putAttribute("name", axes[d][0]);
                a.putAttribute("navigate", axes[d][1]);
                a.putAttribute("offset", Double.parseDouble(axes[d][2]));
                a.putAttribute("scale", Double.parseDouble(axes[d][3]));
                a.putAttribute("size", d == 2 ? 4 : d == 1 ? 3 : 2);
                a.putAttribute("units", axes[d][4]);
            }
        }
    }

    @Test
    void hyperSpyMapBecomesOneRowPerPixelWithTheFilesEnergyAxis() throws Exception {
        writeHspyMap(dir.resolve("map.hspy"), new String[][] {{"y", "TRUE", "0", "1", ""}, {"x", "TRUE", "0", "1", ""}, {"Energy", "FALSE", "0.5", "0.25", "keV"}});
        Table t = load(dir, "map.hspy", AxisKind.ENERGY_EV);
        assertMap(t);
        assertEquals("4 ch · 0.5–1.25 keV", ((TensorColumn) t.column("spectrum").orElseThrow()).shape().describe(), "the file's unit wins");
    }

    @Test
    void berkeleyEmdMapTakesItsAxisFromTheLastDim() throws Exception {
        try (WritableHdfFile h = HdfFile.write(dir.resolve("map.emd"))) {
            WritableGroup g = h.putGroup("data").putGroup("si");
            g.putAttribute("emd_group_type", 1);
            g.putDataset("data", map());
            g.putDataset("dim1", new double[] {0, 1});
            g.putDataset("dim2", new double[] {0, 1, 2});
            g.putDataset("dim3", new double[] {100, 110, 120, 130}).putAttribute("units", "[e_V]");
        }
        Table t = load(dir, "map.emd", AxisKind.ENERGY_KEV);
        assertMap(t);
        assertEquals("4 ch · 100–130 eV", ((TensorColumn) t.column("spectrum").orElseThrow()).shape().describe());
    }

    @Test
    void badFilesAreLocatedErrors() throws Exception {
        Files.writeString(dir.resolve("text.hspy"), "not hdf5");
        ConfigError e = assertThrows(ConfigError.class, () -> load(dir, "text.hspy", AxisKind.ENERGY_KEV));
        assertTrue(e.getMessage().startsWith("text.hspy: cannot be read as HDF5"), e.getMessage());
        try (WritableHdfFile h = HdfFile.write(dir.resolve("image.hspy"))) {
            h.putAttribute("file_format", "HyperSpy");
            WritableGroup g = h.putGroup("Experiments").putGroup("micrograph");
            g.putDataset("data", new float[][] {{1, 2}, {3, 4}});
            for (int d = 0; d < 2; d++) {
                WritableGroup a = g.putGroup("axis-" + d);
                a.putAttribute("navigate", "FALSE");
                a.putDataset("placeholder", new int[] {0});
            }
        }
        e = assertThrows(ConfigError.class, () -> load(dir, "image.hspy", AxisKind.ENERGY_KEV));
        assertTrue(e.getMessage().contains("more than one signal axis (an image, not a spectrum)"), e.getMessage());
        var node = new SpectrumImageNode();
        e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of()),
                new SpectrumImageNode.Params("Cr_L_cl.hspy", "edge", AxisKind.ENERGY_EV, "spectrum"), new StandaloneContext("si", 1, REAL)));
        assertTrue(e.getMessage().contains("no signal named 'edge'; the file holds ['__unnamed__']"), e.getMessage());
    }
}
