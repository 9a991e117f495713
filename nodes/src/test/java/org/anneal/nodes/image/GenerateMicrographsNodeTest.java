package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** The micrograph generator: reproducible for a seed, its truth counted on the maps it drew, and bounded in memory. */
class GenerateMicrographsNodeTest {
    static final GenerateMicrographsNode.Params SMALL = new GenerateMicrographsNode.Params(6, 2, 96, 0.5, 0.0, 0.7, 0.03, 0, 4, false);

    static Table generate(GenerateMicrographsNode.Params p, long seed) {
        return (Table) new GenerateMicrographsNode().execute(new Inputs(Map.of()), p, new StandaloneContext("gen", seed, Path.of(".")))
                .get("table");
    }

    static String hash(Table t) {
        TensorColumn images = (TensorColumn) t.column("image").orElseThrow();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < images.size(); r++) {
            sb.append(images.key(r));
        }
        return sb.toString();
    }

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        Table a = generate(SMALL, 7);
        Table b = generate(SMALL, 7);
        assertEquals(hash(a), hash(b));
        assertEquals(a.numeric("grain_size_um"), b.numeric("grain_size_um"));
        assertNotEquals(hash(a), hash(generate(SMALL, 8)));
    }

    @Test
    void theTableIsWhatConfigurePromisedWithSpecimensAsGroupsAndRoutesAsClasses() throws Exception {
        Table t = generate(SMALL, 1);
        Specs s = new GenerateMicrographsNode().configure(Specs.of(Map.of()), SMALL, new StandaloneContext("gen", 1, Path.of(".")));
        assertEquals(((TableSpec) s.get("table")).columns(), t.spec(Lineage.UNSPLIT).columns());
        assertEquals(12, t.rowCount());
        TensorColumn images = (TensorColumn) t.column("image").orElseThrow();
        assertEquals("96×96×1", images.shape().dimsText().replace(" ", ""));
        assertEquals(0.5, images.shape().axis(1).step());
        CategoricalColumn specimen = (CategoricalColumn) t.column("specimen").orElseThrow();
        assertEquals(ColumnRole.GROUP, specimen.role());
        assertEquals(specimen.get(0), specimen.get(1), "two fields of one specimen");
        CategoricalColumn route = (CategoricalColumn) t.column("route").orElseThrow();
        assertEquals(java.util.List.of("hot-rolled", "normalised", "annealed"), route.levels());
        for (float v : images.values()) {
            assertTrue(v >= 0 && v <= 1, "grey values in [0, 1]");
        }
    }

    @Test
    void theTruthIsCountedOnTheDrawnMaps() {
        Microstructure m = Microstructure.draw(80, 16, 0.3, 0.05, 0, 0, new Random(3));
        long second = 0;
        long pores = 0;
        for (byte b : m.phase()) {
            second += b == 1 ? 1 : 0;
            pores += b == 2 ? 1 : 0;
        }
        assertEquals((double) second / (80 * 80 - pores), m.phaseFraction(), 1e-12);
        assertEquals((double) pores / (80 * 80), m.porosity(), 1e-12);
        assertEquals(0.05, m.porosity(), 1.0 / 6400, "pores are cut until the target area is reached");
        assertEquals(0.3, m.phaseFraction(), 0.1, "whole grains reach the target up to about one grain");
        // on a clean image every pixel has the grey level of its phase, boundaries darker by the etch depth
        for (int i = 0; i < m.phase().length; i++) {
            float expected = m.phase()[i] == 2 ? Microstructure.PORE : m.phase()[i] == 1 ? Microstructure.SECOND : Microstructure.MATRIX;
            assertEquals(expected, m.image()[i], 3 * Microstructure.GRAIN_SPREAD + Microstructure.BOUNDARY + 1e-6);
        }
    }

    @Test
    void theInterceptLengthCountsGrainChangesAlongRowsAndColumns() {
        // two grains split by a vertical line: each of the 4 rows crosses once, the 4 columns never; 2·16 / 4 = 8
        int[] grain = {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1};
        assertEquals(8.0, Microstructure.meanIntercept(grain, 4), 1e-12);
    }

    @Test
    void coarserRoutesHaveLargerGrainsAndMoreSecondPhase() {
        Table t = generate(new GenerateMicrographsNode.Params(9, 2, 128, 0.5, 0, 0.7, 0.03, 0, 4, false), 5);
        CategoricalColumn route = (CategoricalColumn) t.column("route").orElseThrow();
        double[][] byRoute = new double[3][2];
        int[] count = new int[3];
        for (int r = 0; r < t.rowCount(); r++) {
            int k = route.codes()[r];
            byRoute[k][0] += t.numeric("grain_size_um").get(r);
            byRoute[k][1] += t.numeric("phase_fraction").get(r);
            count[k]++;
        }
        for (int k = 1; k < 3; k++) {
            assertTrue(byRoute[k][0] / count[k] > byRoute[k - 1][0] / count[k - 1], Arrays.deepToString(byRoute));
            assertTrue(byRoute[k][1] / count[k] > byRoute[k - 1][1] / count[k - 1], Arrays.deepToString(byRoute));
        }
    }

    @Test
    void tooManyPixelsIsALocatedErrorBeforeAnythingIsDrawn() {
        var huge = new GenerateMicrographsNode.Params(2000, 100, 1024, 0.5, 0, 0, 0, 0, 4, false);
        ConfigError e = assertThrows(ConfigError.class,
                () -> new GenerateMicrographsNode().configure(Specs.of(Map.of()), huge, new StandaloneContext("gen", 1, Path.of("."))));
        assertEquals("specimens", e.param());
        assertTrue(e.getMessage().contains("1 GiB"), e.getMessage());
        var coarse = new GenerateMicrographsNode.Params(2, 1, 32, 0.5, 0, 0, 0, 0, 4, false);
        assertEquals("size", assertThrows(ConfigError.class,
                () -> new GenerateMicrographsNode().configure(Specs.of(Map.of()), coarse, new StandaloneContext("gen", 1, Path.of(".")))).param());
    }

    @Test
    void thePhaseMaskIsTheTruthAndScanLinesChangeOnlyTheImage() throws Exception {
        var plain = new GenerateMicrographsNode.Params(3, 2, 64, 1.0, 0.05, 0.7, 0.03, 0, 4, true);
        var lined = new GenerateMicrographsNode.Params(3, 2, 64, 1.0, 0.05, 0.7, 0.03, 0.1, 4, true);
        Table a = generate(plain, 7);
        Table b = generate(lined, 7);
        TableSpec promised = (TableSpec) new GenerateMicrographsNode().configure(Specs.of(Map.of()), plain,
                new StandaloneContext("gen", 7, Path.of("."))).get("table");
        assertEquals(promised.columns(), a.spec(Lineage.UNSPLIT).columns());
        TensorColumn mask = (TensorColumn) a.column("phase_mask").orElseThrow();
        for (int r = 0; r < a.rowCount(); r++) {
            float[] m = mask.get(r);
            long second = 0;
            long pore = 0;
            for (float v : m) {
                second += v == 1 ? 1 : 0;
                pore += v == 2 ? 1 : 0;
            }
            assertEquals(a.numeric("phase_fraction").get(r), (double) second / (m.length - pore), 1e-12, "row " + r);
            assertEquals(a.numeric("porosity").get(r), (double) pore / m.length, 1e-12, "row " + r);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(mask.values(), ((TensorColumn) b.column("phase_mask").orElseThrow()).values(),
                "the same structure under the lines");
        float[] x = ((TensorColumn) a.column("image").orElseThrow()).get(0);
        float[] y = ((TensorColumn) b.column("image").orElseThrow()).get(0);
        // row 1 of period 4: sin(π/2) = 1, so +0.1 wherever the clean image is not clipped
        assertEquals(x[64 + 10] + 0.1f, y[64 + 10], 1e-6f);
        assertEquals(x[10], y[10], 1e-6f, "row 0: sin 0");
    }
}
