package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.MapPlotNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pixel positions in micrometres from the file's navigation axes, and plot.map's axes labelled with them. */
class SpectrumImagePositionsTest {
    @TempDir
    Path dir;

    @Test
    void theRealMapsPixelsAreItsMetadatasScaleApart() throws Exception {
        // HyperSpy 1.7.3 reads axes 0 (height) and 1 (width) of chevkinite_30x30_EDS.hspy as offset 0, scale 1.66740910949362, units µm
        Table t = SpectrumImageNodeTest.load(RealEdsMapTest.FOLDER, RealEdsMapTest.FILE, AxisKind.ENERGY_KEV);
        NumericColumn x = t.numeric("x_um");
        NumericColumn y = t.numeric("y_um");
        assertEquals("µm", x.unit());
        assertEquals(ColumnRole.ID, x.role(), "a position, not a feature");
        assertEquals(0, x.get(0));
        assertEquals(1.66740910949362, x.get(1), 1e-12, "row 1 is the pixel to the right");
        assertEquals(29 * 1.66740910949362, x.get(29), 1e-9);
        assertEquals(0, y.get(29));
        assertEquals(1.66740910949362, y.get(30), 1e-12, "row 30 starts the second line");
        assertEquals(List.of("x", "y", "spectrum", "x_um", "y_um"), t.columns().stream().map(c -> c.name()).toList(),
                "indices kept, positions after the spectrum");

        Plot map = (Plot) new MapPlotNode().execute(new Inputs(Map.of("table", t)), new MapPlotNode.Params("x", "x", "y", ""), null).get("plot");
        assertEquals("x (µm)", map.xLabel());
        assertEquals("y (µm)", map.yLabel());
        assertEquals(List.of("0", "1.67", "3.33", "5"), map.heatmap().colLabels().subList(0, 4));
        assertEquals("48.35", map.heatmap().rowLabels().get(29), "29 × 1.6674 µm");
    }

    /** A 2 × 3 map (the values of SpectrumImageNodeTest.map) whose navigation axes are in nanometres. */
    @Test
    void aGeneratedHyperSpyMapInNanometresGivesMicrometres() throws Exception {
        SpectrumImageNodeTest.writeHspyMap(dir.resolve("nm.hspy"),
                new String[][] {{"y", "TRUE", "200", "25", "nm"}, {"x", "TRUE", "100", "50", "nm"}, {"Energy", "FALSE", "0.5", "0.25", "keV"}});
        Table t = SpectrumImageNodeTest.load(dir, "nm.hspy", AxisKind.ENERGY_KEV);
        SpectrumImageNodeTest.assertMap(t);
        assertEquals(List.of(0.1, 0.15, 0.2, 0.1, 0.15, 0.2), boxed(t.numeric("x_um").values()));
        assertEquals(List.of(0.2, 0.2, 0.2, 0.225, 0.225, 0.225), boxed(t.numeric("y_um").values()));
        Plot map = (Plot) new MapPlotNode().execute(new Inputs(Map.of("table", t)), new MapPlotNode.Params("x", "x", "y", ""), null).get("plot");
        assertEquals(List.of("0.1", "0.15", "0.2"), map.heatmap().colLabels());
        assertEquals(List.of("0.2", "0.225"), map.heatmap().rowLabels());
    }

    @Test
    void anEmdMapTakesItsPositionsFromEvenlySpacedDimsWithALength() throws Exception {
        try (WritableHdfFile h = HdfFile.write(dir.resolve("map.emd"))) {
            WritableGroup g = h.putGroup("data").putGroup("si");
            g.putAttribute("emd_group_type", 1);
            g.putDataset("data", SpectrumImageNodeTest.map());
            g.putDataset("dim1", new double[] {0, 2}).putAttribute("units", "[µ_m]");
            g.putDataset("dim2", new double[] {0, 1, 3}).putAttribute("units", "[µ_m]"); // uneven: no scale
            g.putDataset("dim3", new double[] {100, 110, 120, 130}).putAttribute("units", "[e_V]");
        }
        Table t = SpectrumImageNodeTest.load(dir, "map.emd", AxisKind.ENERGY_KEV);
        assertEquals(List.of(0.0, 0.0, 0.0, 2.0, 2.0, 2.0), boxed(t.numeric("y_um").values()));
        assertFalse(t.column("x_um").isPresent(), "an uneven grid has no single pixel size: indices only");
        // and the existing files without units of length (SpectrumImageNodeTest) keep only the indices
        assertTrue(Double.isNaN(SpectrumImageFile.micrometresPer("keV")));
        assertEquals(1e-4, SpectrumImageFile.micrometresPer("Å"));
    }

    @Test
    void withoutPositionsTheMapIsLabelledInPixels() {
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.ID, new double[] {0, 1}), new NumericColumn("y", ColumnRole.ID, new double[] {0, 0}),
                new NumericColumn("v", ColumnRole.FEATURE, new double[] {1, 2})));
        Plot map = (Plot) new MapPlotNode().execute(new Inputs(Map.of("table", t)), new MapPlotNode.Params("v", "x", "y", ""), null).get("plot");
        assertEquals("x", map.xLabel());
        assertEquals(List.of("0", "1"), map.heatmap().colLabels());
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).map(d -> Math.round(d * 1e9) / 1e9).boxed().toList();
    }
}
