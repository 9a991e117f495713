package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * image.filter against known answers (a Gaussian's weights, a speck a median removes, stripes a Fourier cut keeps or
 * drops, scan lines removed down to the clean image of the same seed) and image.segment's ImageJ thresholds, morphology,
 * watershed and per-particle table on hand-drawn images.
 */
class FilterAndMorphologyTest {
    static FilterNode.Params filter(FilterNode.Filter f, double low, double high) {
        return new FilterNode.Params("", f, 1, 1, low, high);
    }

    static float[] filtered(float[] img, int h, int w, FilterNode.Params p) throws Exception {
        Table out = TileAndAugmentTest.run(new FilterNode(), p, FftAndSegmentTest.one(img, h, w, 0), 1);
        return ((TensorColumn) out.column("image").orElseThrow()).get(0);
    }

    @Test
    void aGaussianSpreadsAPointByItsWeightsAndAMedianRemovesASpeck() throws Exception {
        float[] point = new float[21 * 21];
        point[10 * 21 + 10] = 1;
        float[] g = filtered(point, 21, 21, filter(FilterNode.Filter.GAUSSIAN, 0, 0));
        double sum = 0;
        for (float v : g) {
            sum += v;
        }
        assertEquals(1, sum, 1e-3, "blurring keeps the total");
        assertEquals(1 / (2 * Math.PI), g[10 * 21 + 10], 2e-3, "the centre of a σ = 1 Gaussian: 1/(2πσ²)");
        assertEquals(Math.exp(-0.5) / (2 * Math.PI), g[10 * 21 + 11], 2e-3, "one pixel off: e^(−1/2)/(2π)");
        float[] flat = new float[9 * 9];
        java.util.Arrays.fill(flat, 0.5f);
        flat[40] = 1;
        float[] m = filtered(flat, 9, 9, filter(FilterNode.Filter.MEDIAN, 0, 0));
        for (float v : m) {
            assertEquals(0.5f, v, 1e-7f);
        }
    }

    @Test
    void fourierCutsKeepOrDropWholeStripes() throws Exception {
        // slow stripes (2 cycles in 64 px: 1/32 cycles per px) plus fast ones (16 cycles: 0.25)
        float[] slow = FftAndSegmentTest.stripes(64, 64, 2, 0, 0.2);
        float[] fast = FftAndSegmentTest.stripes(64, 64, 16, 0, 0.1);
        float[] both = new float[slow.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = slow[i] + fast[i] - 0.5f;
        }
        assertArrayEquals(slow, filtered(both, 64, 64, filter(FilterNode.Filter.LOW_PASS, 0, 0.1)), 1e-5f);
        assertArrayEquals(fast, filtered(both, 64, 64, filter(FilterNode.Filter.HIGH_PASS, 0.1, 0.5)), 1e-5f,
                "the mean (0.5) is kept with the fast stripes");
        assertArrayEquals(slow, filtered(both, 64, 64, filter(FilterNode.Filter.BAND_PASS, 0.02, 0.05)), 1e-5f);
        ConfigError empty = org.junit.jupiter.api.Assertions.assertThrows(ConfigError.class, () -> new FilterNode().configure(
                Specs.of(Map.of("table", FftAndSegmentTest.one(both, 64, 64, 0).spec(Lineage.UNSPLIT))),
                filter(FilterNode.Filter.BAND_PASS, 0.3, 0.2), new StandaloneContext("f", 1, Path.of("."))));
        assertEquals("high", empty.param());
    }

    @Test
    void theScanLineFilterGivesBackTheImageDrawnWithoutLines() throws Exception {
        Microstructure clean = Microstructure.draw(128, 20, 0.3, 0, 0.7, 0.03, new Random(5));
        Microstructure lined = Microstructure.draw(128, 20, 0.3, 0, 0.7, 0.03, 0.1, 4, new Random(5));
        float[] out = filtered(lined.image(), 128, 128, filter(FilterNode.Filter.SCAN_LINES, 0.2, 0.3));
        assertTrue(rms(lined.image(), clean.image()) > 0.06, "the lines: amplitude 0.1, rms 0.07");
        assertTrue(rms(out, clean.image()) < 0.01, "after the filter: " + rms(out, clean.image()));
    }

    @Test
    void scanLinesShowAsTwoSpotsOnTheVerticalAxisThatTheFilterRemoves() throws Exception {
        Microstructure lined = Microstructure.draw(128, 28, 0.25, 0, 0.7, 0.03, 0.2, 4, new Random(3));
        double raw = spotOverSurroundings(lined.image());
        assertTrue(raw > 2, "the spot at fy = 1/4 cycles per px is over 100 times its neighbours' power: 10^" + raw);
        double clean = spotOverSurroundings(filtered(lined.image(), 128, 128, filter(FilterNode.Filter.SCAN_LINES, 0.2, 0.3)));
        assertTrue(clean < 0.5, "after the filter nothing stands out there: 10^" + clean);
    }

    /** log10 power at (fy = 0.25, fx = 0) less the mean log10 power of the four pixels either side of it along fx. */
    static double spotOverSurroundings(float[] img) throws Exception {
        Table t = FftAndSegmentTest.fft(FftAndSegmentTest.one(img, 128, 128, 0.5), 16, true);
        float[] s = ((TensorColumn) t.column("spectrum").orElseThrow()).get(0);
        int row = (64 + 32) * 128;
        double around = 0;
        for (int dx : new int[] {-6, -5, -4, -3, 3, 4, 5, 6}) {
            around += s[row + 64 + dx] / 8.0;
        }
        return s[row + 64] - around;
    }

    static double rms(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    static Table segment(Table t, SegmentNode.Method m, int open, int close, boolean watershed) throws Exception {
        return TileAndAugmentTest.run(new SegmentNode(), new SegmentNode.Params("", m, 0.5, SegmentNode.Side.DARK,
                SegmentNode.Connectivity.FOUR, 1, false, open, close, watershed), t, 1);
    }

    static Table drawn(String... rows) {
        int h = rows.length;
        int w = rows[0].length();
        float[] img = new float[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = rows[i / w].charAt(i % w) == '#' ? 0.2f : 0.8f;
        }
        return FftAndSegmentTest.one(img, h, w, 0);
    }

    @Test
    void everyImageJThresholdSplitsATwoLevelImageExactly() throws Exception {
        Table t = drawn("##......", "##......", "....###.", "....###.", "........", "........");
        for (SegmentNode.Method m : List.of(SegmentNode.Method.HUANG, SegmentNode.Method.LI, SegmentNode.Method.YEN,
                SegmentNode.Method.MEAN, SegmentNode.Method.MAX_ENTROPY, SegmentNode.Method.MINIMUM, SegmentNode.Method.OTSU)) {
            assertEquals(10 / 48.0, segment(t, m, 0, 0, false).numeric("area_fraction").get(0), 1e-12, m.name());
        }
    }

    @Test
    void openingDropsASpeckAndClosingFillsAHole() throws Exception {
        Table t = drawn(
                ".........",
                ".###.....",
                ".###...#.",
                ".###.....",
                ".........",
                ".........",
                ".........",
                ".#####...",
                ".##.##...",
                ".#####...",
                ".........");
        Table plain = segment(t, SegmentNode.Method.OTSU, 0, 0, false);
        assertEquals(3, plain.numeric("particle_count").get(0));
        Table opened = segment(t, SegmentNode.Method.OTSU, 1, 0, false);
        assertEquals(9 / 99.0, opened.numeric("area_fraction").get(0), 1e-12, "only the full 3×3 square survives erosion and comes back");
        Table closed = segment(t, SegmentNode.Method.OTSU, 0, 1, false);
        assertEquals((9 + 1 + 15) / 99.0, closed.numeric("area_fraction").get(0), 1e-12, "the hole in the ring is filled");
    }

    @Test
    void theWatershedCutsTwoTouchingDiscsAndTheParticleTableMeasuresEach() throws Exception {
        int h = 40;
        int w = 60;
        float[] img = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = Math.hypot(x - 20, y - 20) <= 11 || Math.hypot(x - 40, y - 20) <= 11;
                img[y * w + x] = in ? 0.2f : 0.8f;
            }
        }
        Table one = FftAndSegmentTest.one(img, h, w, 0.5);
        assertEquals(1, segment(one, SegmentNode.Method.OTSU, 0, 0, false).numeric("particle_count").get(0), "overlapping discs: one blob");
        Params p = new Params(SegmentNode.Method.OTSU, true);
        assertEquals(2, p.run(one).numeric("particle_count").get(0), "the watershed cuts at the neck");
        Table particles = p.particles(one);
        assertEquals(2, particles.rowCount());
        assertEquals(List.of("image 1", "image 1"), List.of(((CategoricalColumn) particles.column("micrograph").orElseThrow()).get(0),
                ((CategoricalColumn) particles.column("micrograph").orElseThrow()).get(1)));
        assertEquals(20.5 * 0.5, particles.numeric("centroid_x").get(0), 0.3, "left disc: centre pixel 20, its middle at 20.5 px, 0.5 µm/px (less the watershed line)");
        assertEquals(40.5 * 0.5, particles.numeric("centroid_x").get(1), 0.3);
        assertEquals(20.5 * 0.5, particles.numeric("centroid_y").get(1), 0.05);
        assertEquals(0, particles.numeric("touches_edge").get(0));
        double area = particles.numeric("area").get(0);
        assertEquals(Math.sqrt(4 * area / Math.PI), particles.numeric("equivalent_diameter").get(0), 1e-9);
        assertEquals("µm²", particles.column("area").orElseThrow().unit());
    }

    /** image.segment with both outputs, configure checked against execute for each. */
    record Params(SegmentNode.Method method, boolean watershed) {
        SegmentNode.Params params() {
            return new SegmentNode.Params("", method, 0.5, SegmentNode.Side.DARK, SegmentNode.Connectivity.FOUR, 1, false, 0, 0, watershed);
        }

        Table run(Table t) throws Exception {
            return output(t, "out");
        }

        Table particles(Table t) throws Exception {
            return output(t, "particles");
        }

        Table output(Table t, String port) throws Exception {
            var ctx = new StandaloneContext("s", 1, Path.of("."));
            TableSpec promised = (TableSpec) new SegmentNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), params(), ctx).get(port);
            Table out = (Table) new SegmentNode().execute(new Inputs(Map.of("table", t)), params(), ctx).get(port);
            assertEquals(promised.columns(), out.spec(Lineage.UNSPLIT).columns());
            return out;
        }
    }
}
