package org.anneal.nodes.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/**
 * What makes the melt-pool rows a grouped data set, read back from the truth columns: ΔH/h_s is proportional to the
 * absorptivity A, so each row's A is its enthalpy ratio over that of A = 1 at its power and speed — one value per build
 * (powder batch, optics) within the stated 0.35 ± 0.03, different between builds; hatch and layer thickness are the
 * build's, on their 10 µm grids; layers count 1, 2, … within a build.
 */
class MeltPoolBuildGroupingTest {
    @Test
    void rowsOfABuildShareItsAbsorptivityHatchAndLayerThickness() {
        int builds = 12;
        int layers = 30;
        Table t = MeltPool.generate(builds, layers, 50, 4);
        CategoricalColumn build = (CategoricalColumn) t.column("build").orElseThrow();
        assertEquals(ColumnRole.GROUP, build.role());
        Set<Long> absorptivities = new HashSet<>();
        for (int b = 0; b < builds; b++) {
            int first = b * layers;
            double a = t.numeric("enthalpy_ratio").get(first) / MeltPool.enthalpyRatio(1, t.numeric("power").get(first), t.numeric("speed").get(first));
            assertTrue(a >= 0.32 && a <= 0.38, "absorptivity " + a);
            double hatch = t.numeric("hatch").get(first);
            double layer = t.numeric("layer_thickness").get(first);
            // whole tens of µm, as a student reads them in the table (not 29.999999999999996)
            assertTrue(hatch >= 80 && hatch <= 140 && hatch % 10 == 0, "hatch " + hatch + " µm");
            assertTrue(layer >= 30 && layer <= 60 && layer % 10 == 0, "layer " + layer + " µm");
            for (int r = first; r < first + layers; r++) {
                assertEquals(String.format("build%02d", b + 1), build.get(r));
                assertEquals(r - first + 1, t.numeric("layer").get(r));
                assertEquals(a, t.numeric("enthalpy_ratio").get(r) / MeltPool.enthalpyRatio(1, t.numeric("power").get(r), t.numeric("speed").get(r)), 1e-12,
                        "one absorptivity per build, row " + r);
                assertEquals(hatch, t.numeric("hatch").get(r));
                assertEquals(layer, t.numeric("layer_thickness").get(r));
                double p = t.numeric("power").get(r);
                double v = t.numeric("speed").get(r);
                assertTrue(p >= 100 && p <= 400 && v >= 0.15 && v <= 2, "power " + p + " W, speed " + v + " m/s");
            }
            absorptivities.add(Math.round(a * 1e9));
        }
        assertEquals(builds, absorptivities.size(), "every build has its own absorptivity");
    }
}
