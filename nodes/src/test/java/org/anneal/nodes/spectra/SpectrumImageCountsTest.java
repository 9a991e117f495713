package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import org.anneal.data.TensorColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maps stored as integer counts or doubles (as detectors and HyperSpy write them) load to the same floats as a float map. */
class SpectrumImageCountsTest {
    @TempDir
    Path dir;

    void write(String name, Object data) throws Exception {
        try (WritableHdfFile h = HdfFile.write(dir.resolve(name))) {
            h.putAttribute("file_format", "HyperSpy");
            WritableGroup g = h.putGroup("Experiments").putGroup("EDS map");
            g.putDataset("data", data);
            String[] names = {"y", "x", "Energy"};
            for (int d = 0; d < 3; d++) {
                WritableGroup a = g.putGroup("axis-" + d);
                a.putDataset("placeholder", new int[] {0}); // jHDF's writer cannot write empty groups
                a.putAttribute("name", names[d]);
                a.putAttribute("navigate", d < 2 ? "TRUE" : "FALSE");
                a.putAttribute("offset", 0.5);
                a.putAttribute("scale", 0.25);
                a.putAttribute("units", "keV");
            }
        }
    }

    @Test
    void integerAndDoubleCountsBecomeTheSameFloats() throws Exception {
        float[][][] f = SpectrumImageNodeTest.map();
        int[][][] i = new int[2][3][4];
        long[][][] l = new long[2][3][4];
        double[][][] d = new double[2][3][4];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int e = 0; e < 4; e++) {
                    i[y][x][e] = (int) f[y][x][e];
                    l[y][x][e] = (long) f[y][x][e] + (1L << 40); // beyond int: float rounds it as (float) does
                    d[y][x][e] = f[y][x][e] + 0.1;
                }
            }
        }
        write("f.hspy", f);
        write("i.hspy", i);
        write("l.hspy", l);
        write("d.hspy", d);
        float[] expected = values("f.hspy");
        assertArrayEquals(expected, values("i.hspy"));
        float[] longs = values("l.hspy");
        float[] doubles = values("d.hspy");
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(new float[] {(float) ((long) expected[k] + (1L << 40)), (float) (expected[k] + 0.1)},
                    new float[] {longs[k], doubles[k]}, "value " + k);
        }
    }

    float[] values(String file) throws Exception {
        return ((TensorColumn) SpectrumImageNodeTest.load(dir, file, AxisKind.ENERGY_KEV).column("spectrum").orElseThrow()).values();
    }
}
