package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * The generator's later settings: the structure classes at node level, the grain-id map, lack-of-fusion pores, shading
 * and scratches — and that their defaults leave the images of earlier versions exactly as they were.
 */
class MicrographOptionsTest {
    static GenerateMicrographsNode.Params params(GenerateMicrographsNode.Structure structure, int size, double pixel, double blur,
                                                 double noise, double porosity, double lackOfFusion, double shading, int scratches) {
        return new GenerateMicrographsNode.Params(8, 2, size, pixel, porosity, blur, noise, 0, 4, true, structure, lackOfFusion, 30,
                shading, scratches, 0, true, true);
    }

    static Table generate(GenerateMicrographsNode.Params p, long seed) throws Exception {
        Table t = GenerateMicrographsNodeTest.generate(p, seed);
        TableSpec promised = (TableSpec) new GenerateMicrographsNode().configure(Specs.of(Map.of()), p,
                new StandaloneContext("gen", seed, Path.of("."))).get("table");
        assertEquals(promised.columns(), t.spec(Lineage.UNSPLIT).columns(), "configure promises what execute makes");
        return t;
    }

    static float[] image(Table t, String column, int row) {
        return ((TensorColumn) t.column(column).orElseThrow()).get(row);
    }

    @Test
    void theDefaultsDrawTheImagesOfTheFirstVersion() {
        // sums taken with the generator as it was before structures, distractors and grain ids were added
        Table t = GenerateMicrographsNodeTest.generate(GenerateMicrographsNodeTest.SMALL, 7);
        double sum = 0;
        for (float v : ((TensorColumn) t.column("image").orElseThrow()).values()) {
            sum += v;
        }
        double fraction = 0;
        double grain = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            fraction += t.numeric("phase_fraction").get(r);
            grain += t.numeric("grain_size_um").get(r);
        }
        assertEquals(71331.22210747004, sum, 1e-9);
        assertEquals(3.135199652777778, fraction, 1e-12);
        assertEquals(168.63039972042657, grain, 1e-9);
        assertEquals(List.of("image", "specimen", "route", "phase_fraction", "grain_size_um", "porosity", "pixel_size_um"),
                t.columns().stream().map(c -> c.name()).toList(), "no new columns unless asked for");
    }

    @Test
    void everyStructureIsReproducibleForASeedAndPromisesItsColumns() throws Exception {
        for (GenerateMicrographsNode.Structure s : GenerateMicrographsNode.Structure.values()) {
            var p = params(s, 64, 1.0, 0.7, 0.03, 0.02, 0.03, 0.3, 3);
            Table a = generate(p, 5);
            Table b = generate(p, 5);
            assertEquals(GenerateMicrographsNodeTest.hash(a), GenerateMicrographsNodeTest.hash(b), s.name());
            assertArrayEquals(((TensorColumn) a.column("grain_id").orElseThrow()).values(),
                    ((TensorColumn) b.column("grain_id").orElseThrow()).values(), s.name());
            assertFalse(GenerateMicrographsNodeTest.hash(a).equals(GenerateMicrographsNodeTest.hash(generate(p, 6))), s.name());
        }
    }

    @Test
    void theMixedSetLearnsTheStructureAndCarriesEachClassesTruth() throws Exception {
        Table t = generate(params(GenerateMicrographsNode.Structure.MIXED, 96, 0.5, 0.7, 0.03, 0, 0, 0, 0), 3);
        CategoricalColumn structure = (CategoricalColumn) t.column("structure").orElseThrow();
        assertEquals(ColumnRole.TARGET, structure.role());
        assertEquals(ColumnRole.IGNORE, t.column("route").orElseThrow().role());
        assertEquals(List.of("ferrite-pearlite", "spheroidised", "martensite", "porous"), structure.levels());
        for (int r = 0; r < t.rowCount(); r++) {
            String kind = structure.get(r);
            double spacing = t.numeric("lamellar_spacing_um").get(r);
            double carbides = t.numeric("carbide_diameter_um").get(r);
            double laths = t.numeric("lath_width_um").get(r);
            assertEquals(kind.equals("ferrite-pearlite"), !Double.isNaN(spacing), "row " + r);
            assertEquals(kind.equals("spheroidised"), !Double.isNaN(carbides), "row " + r);
            assertEquals(kind.equals("martensite"), !Double.isNaN(laths), "row " + r);
            assertEquals(kind.equals("porous"), t.numeric("porosity").get(r) > 0.05, "row " + r + ": only the porous class has pores");
            if (kind.equals("martensite")) {
                assertTrue(t.numeric("phase_fraction").get(r) > 0.85, "mostly martensite");
            }
        }
    }

    @Test
    void theAstmNumberFollowsTheE112Table() {
        assertEquals(0, Microstructure.astmGrainSize(0.32), 0.01, "G 0: 0.320 mm");
        assertEquals(8, Microstructure.astmGrainSize(0.0200), 0.01, "G 8: 20.0 µm");
        assertEquals(Microstructure.astmGrainSize(0.02) + 1, Microstructure.astmGrainSize(0.02 / Math.sqrt(2)), 1e-6);
    }

    @Test
    void theGrainIdMapHasOneConnectedIdPerGrainAndItsEdgesAreTheEtchedBoundaries() throws Exception {
        Table t = generate(params(GenerateMicrographsNode.Structure.TWO_PHASE, 96, 0.5, 0, 0, 0, 0, 0, 0), 9);
        int size = 96;
        for (int r = 0; r < t.rowCount(); r++) {
            float[] ids = image(t, "grain_id", r);
            float[] img = image(t, "image", r);
            int grains = (int) t.numeric("grain_count").get(r);
            int[] label = new int[ids.length];
            int max = -1;
            for (int i = 0; i < ids.length; i++) {
                label[i] = (int) ids[i];
                max = Math.max(max, label[i]);
            }
            assertEquals(grains, max + 1, "ids 0 … count − 1");
            // each cell is convex, so its pixels are one region — except where it narrows below a pixel's width and the pixel
            // centres along the narrow part fall apart: such pieces are all boundary, so each id has one region with an inside
            int[] regions = regionsWithInterior(label, size, grains);
            for (int g = 0; g < grains; g++) {
                assertTrue(regions[g] <= 1, "id " + g + ": " + regions[g] + " regions with inner pixels");
            }
            // clean image: inside a grain every pixel has the grain's grey, on its edge the same grey less the etch depth
            float[] interior = new float[grains];
            java.util.Arrays.fill(interior, Float.NaN);
            for (int i = 0; i < ids.length; i++) {
                if (!Microstructure.onBoundary(label, size, i % size, i / size)) {
                    interior[label[i]] = img[i];
                }
            }
            for (int i = 0; i < ids.length; i++) {
                float inside = interior[label[i]];
                if (Float.isNaN(inside)) {
                    continue; // a grain all edge
                }
                boolean edge = Microstructure.onBoundary(label, size, i % size, i / size);
                assertEquals(edge ? inside - Microstructure.BOUNDARY : inside, img[i], 1e-6, "row " + r + " pixel " + i);
            }
            assertEquals(Microstructure.astmGrainSize(t.numeric("grain_size_um").get(r) / 1000), t.numeric("astm_grain_size").get(r), 1e-12);
        }
    }

    /** For each id, the number of its 8-connected regions that hold a pixel off the boundary. */
    static int[] regionsWithInterior(int[] label, int size, int ids) {
        boolean[] seen = new boolean[label.length];
        int[] regions = new int[ids];
        for (int start = 0; start < label.length; start++) {
            if (seen[start]) {
                continue;
            }
            boolean interior = false;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            seen[start] = true;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % size;
                int y = i / size;
                interior |= !Microstructure.onBoundary(label, size, x, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int j = (y + dy) * size + x + dx;
                        if (x + dx >= 0 && x + dx < size && y + dy >= 0 && y + dy < size && !seen[j] && label[j] == label[i]) {
                            seen[j] = true;
                            queue.add(j);
                        }
                    }
                }
            }
            regions[label[start]] += interior ? 1 : 0;
        }
        return regions;
    }

    @Test
    void lackOfFusionPoresAreElongatedAndLinedUpWithTheScan() {
        int size = 256;
        var recipe = new Microstructure.Recipe(Microstructure.Kind.TWO_PHASE, 24, 0.2, 0, 0, 0.06, 30);
        Microstructure m = Microstructure.draw(size, recipe, Microstructure.Imaging.plain(0, 0), new Random(4));
        assertEquals(0.06, m.porosity(), 0.01, "the target within about half a pore");
        boolean[] pore = new boolean[size * size];
        for (int i = 0; i < pore.length; i++) {
            pore[i] = m.phase()[i] == 2;
        }
        int[] labels = Components.label(pore, size, size, false);
        long[] areas = Components.areas(labels);
        int checked = 0;
        for (int l = 1; l < areas.length; l++) {
            if (areas[l] < 40) {
                continue;
            }
            double[] moments = moments(labels, size, l);
            double angle = Math.toDegrees(0.5 * Math.atan2(-2 * moments[2], moments[0] - moments[1])); // y down: counter-clockwise
            double root = Math.sqrt((moments[0] - moments[1]) * (moments[0] - moments[1]) + 4 * moments[2] * moments[2]);
            double aspect = Math.sqrt((moments[0] + moments[1] + root) / (moments[0] + moments[1] - root));
            assertEquals(30, angle, 20, "pore " + l + " lies along the scan");
            assertTrue(aspect > 2, "pore " + l + " elongated: " + aspect);
            checked++;
        }
        assertTrue(checked >= 3, "pores checked: " + checked);
    }

    /** Central second moments xx, yy, xy of one label. */
    static double[] moments(int[] labels, int size, int l) {
        double sx = 0;
        double sy = 0;
        long n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == l) {
                sx += i % size;
                sy += i / size;
                n++;
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == l) {
                double dx = i % size - mx;
                double dy = i / size - my;
                xx += dx * dx;
                yy += dy * dy;
                xy += dx * dy;
            }
        }
        return new double[] {xx / n, yy / n, xy / n};
    }

    @Test
    void segmentingGeneratedPoresRecoversTheirPorosity() throws Exception {
        // a single-phase additively made part (as 316L): grains, round gas pores and lack-of-fusion pores, blurred and noisy
        int size = 128;
        for (long seed = 1; seed <= 6; seed++) {
            var recipe = new Microstructure.Recipe(Microstructure.Kind.TWO_PHASE, 20, 0, 0, 0.02, 0.04, 15);
            Microstructure m = Microstructure.draw(size, recipe, Microstructure.Imaging.plain(0.7, 0.03), new Random(seed));
            Table seg = TileAndAugmentTest.run(new SegmentNode(), new SegmentNode.Params("", SegmentNode.Method.OTSU, 0.5, SegmentNode.Side.DARK,
                    SegmentNode.Connectivity.FOUR, 1, false, 0, 0, false), FftAndSegmentTest.one(m.image(), size, size, 0.5), 1);
            double truth = m.porosity();
            assertTrue(truth > 0.05, "round and lack-of-fusion pores: " + truth);
            assertEquals(truth, seg.numeric("area_fraction").get(0), 0.03 * truth, "seed " + seed + ": within 3 % of the drawn porosity");
        }
    }

    @Test
    void exposureScalesEachSpecimensGreyLevelsAndLeavesTheStructure() throws Exception {
        var plain = params(GenerateMicrographsNode.Structure.MIXED, 64, 1.0, 0.7, 0.03, 0, 0, 0, 0);
        var exposed = new GenerateMicrographsNode.Params(8, 2, 64, 1.0, 0, 0.7, 0.03, 0, 4, true, GenerateMicrographsNode.Structure.MIXED, 0, 30,
                0, 0, 0.3, true, true);
        Table a = generate(plain, 4);
        Table b = generate(exposed, 4);
        assertArrayEquals(((TensorColumn) a.column("phase_mask").orElseThrow()).values(),
                ((TensorColumn) b.column("phase_mask").orElseThrow()).values(), "the same structure");
        for (int r = 0; r < a.rowCount(); r++) {
            float[] x = image(a, "image", r);
            float[] y = image(b, "image", r);
            // one gain and offset per image: y = 0.5 + g (x − 0.5) + o wherever neither is clipped
            int i = 0;
            while (!unclipped(x[i], y[i])) {
                i++;
            }
            int j = i + 1;
            while (Math.abs(x[j] - x[i]) < 0.2f || !unclipped(x[j], y[j])) {
                j++;
            }
            double g = (y[j] - y[i]) / (x[j] - x[i]);
            double o = y[i] - 0.5 - g * (x[i] - 0.5);
            assertTrue(Math.abs(g - 1) > 1e-3 || Math.abs(o) > 1e-3, "row " + r + " exposed differently");
            for (int k = 0; k < x.length; k++) {
                if (unclipped(x[k], y[k])) {
                    assertEquals(0.5 + g * (x[k] - 0.5) + o, y[k], 1e-4, "row " + r + " pixel " + k);
                }
            }
        }
    }

    static boolean unclipped(float x, float y) {
        return x > 0 && x < 1 && y > 0 && y < 1;
    }

    @Test
    void scratchesAndShadingChangeOnlyTheImage() throws Exception {
        var plain = params(GenerateMicrographsNode.Structure.TWO_PHASE, 96, 0.5, 0, 0, 0.02, 0.02, 0, 0);
        var shaded = params(GenerateMicrographsNode.Structure.TWO_PHASE, 96, 0.5, 0, 0, 0.02, 0.02, 0.4, 0);
        var scratched = params(GenerateMicrographsNode.Structure.TWO_PHASE, 96, 0.5, 0, 0, 0.02, 0.02, 0, 4);
        Table a = generate(plain, 2);
        Table b = generate(shaded, 2);
        Table c = generate(scratched, 2);
        for (Table other : List.of(b, c)) {
            assertArrayEquals(((TensorColumn) a.column("phase_mask").orElseThrow()).values(),
                    ((TensorColumn) other.column("phase_mask").orElseThrow()).values(), "the same structure");
            assertEquals(a.numeric("porosity"), other.numeric("porosity"));
        }
        float[] x = image(a, "image", 0);
        float[] shade = image(b, "image", 0);
        float[] scratch = image(c, "image", 0);
        double lo = 1;
        double hi = 0;
        int changed = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0.2) {
                lo = Math.min(lo, shade[i] / x[i]);
                hi = Math.max(hi, shade[i] / x[i]);
            }
            changed += scratch[i] != x[i] ? 1 : 0;
            assertTrue(scratch[i] <= x[i], "scratches only darken");
        }
        assertTrue(hi <= 1 + 1e-6 && hi > 0.95, "brightest near the spot: " + hi);
        assertTrue(lo >= 0.6 - 1e-6 && lo < 0.9, "falls off by up to the 0.4 drop: " + lo);
        assertTrue(changed > 20 && changed < 4 * 1.2 * 96 * 1.5, "four lines a pixel wide: " + changed);
    }
}
