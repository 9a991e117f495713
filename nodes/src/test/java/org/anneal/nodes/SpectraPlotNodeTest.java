package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.SpectraPlotNode;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class SpectraPlotNodeTest {
    /** Four spectra of three channels on 2θ 10, 10.5, 11 °: phase a (rows 1, 2), phase b (rows 3, 4); row r is r·(1, 2, 3). */
    static Table spectra() {
        float[] v = new float[12];
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < 3; i++) {
                v[r * 3 + i] = (r + 1) * (i + 1);
            }
        }
        return new Table(List.of(new CategoricalColumn("phase", ColumnRole.TARGET, new int[] {0, 0, 1, 1}, List.of("a", "b")),
                new NumericColumn("fraction", ColumnRole.FEATURE, new double[] {0, 0.1, 0.5, 1}),
                new TensorColumn("pattern", ColumnRole.FEATURE, Shape.spectrum(Axis.regular("2θ", 3, "°", 10, 0.5)), v, new boolean[4], "counts")));
    }

    private static Plot draw(SpectraPlotNode.Params p) {
        return PlotNodesTest.plot(new SpectraPlotNode(), p, Map.of("table", spectra()));
    }

    @Test
    void linesAreNamedByTheirGroupAndEachGroupGetsItsMeanAndSd() {
        Plot p = draw(new SpectraPlotNode.Params("pattern", "phase", 2, true, ""));
        assertEquals("2θ (°)", p.xLabel());
        assertEquals("intensity (counts)", p.yLabel());
        assertEquals("pattern by phase: 2 of 4 spectra, mean ± sd per group", p.title());
        assertEquals(List.of("a", "b", "a", "b"), p.series().stream().map(Plot.Series::name).toList(), "rows 1 and 3, then the two bands");
        assertArrayEquals(new double[] {10, 10.5, 11}, p.series().get(0).x());
        assertArrayEquals(new double[] {3, 6, 9}, p.series().get(1).y(), "row 3");
        Plot.Series a = p.series().get(2);
        assertArrayEquals(new double[] {1.5, 3, 4.5}, a.y(), 1e-12, "mean of rows 1 and 2");
        double sd = Math.sqrt(0.5); // rows 1 and 2 differ by 1 at channel 1: sample sd √(2 · 0.25)
        assertArrayEquals(new double[] {1.5 - sd, 3 - 2 * sd, 4.5 - 3 * sd}, a.low(), 1e-6);
        assertArrayEquals(new double[] {3.5 + sd, 7 + 2 * sd, 10.5 + 3 * sd}, p.series().get(3).high(), 1e-6);
    }

    @Test
    void aNumberColoursByRangeAndNoColourGivesEveryLineItsOwn() {
        Plot byFraction = draw(new SpectraPlotNode.Params("pattern", "fraction", 4, false, "mine"));
        assertEquals("mine", byFraction.title());
        assertEquals(List.of("fraction 0.00–0.250", "fraction 0.00–0.250", "fraction 0.500–0.750", "fraction 0.750–1.00"),
                byFraction.series().stream().map(Plot.Series::name).toList());
        Plot plain = draw(new SpectraPlotNode.Params("pattern", "", 0, true, ""));
        assertEquals(List.of("all spectra"), plain.series().stream().map(Plot.Series::name).toList());
        assertArrayEquals(new double[] {2.5, 5, 7.5}, plain.series().get(0).y(), 1e-12);
    }

    @Test
    void badChoicesAreLocated() {
        Specs in = Specs.of(Map.of("table", spectra().spec(Lineage.UNSPLIT)));
        for (var c : List.of(new Object[] {new SpectraPlotNode.Params("phase", "", 5, false, ""), "column"},
                new Object[] {new SpectraPlotNode.Params("pattern", "pattern", 5, false, ""), "colour"},
                new Object[] {new SpectraPlotNode.Params("pattern", "", 0, false, ""), "lines"})) {
            ConfigError e = assertThrows(ConfigError.class, () -> new SpectraPlotNode().configure(in, (SpectraPlotNode.Params) c[0], TestCtx.of("s")));
            assertEquals(c[1], e.param());
        }
    }
}
