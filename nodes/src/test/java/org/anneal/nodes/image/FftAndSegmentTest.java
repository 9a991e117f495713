package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

/** image.fft on stripes of known period and image.segment on hand-drawn images and on the generator's exact maps. */
class FftAndSegmentTest {
    static Table one(float[] img, int h, int w, double pixel) {
        Shape s = pixel > 0 ? Shape.of(Axis.regular("y", h, "µm", 0, pixel), Axis.regular("x", w, "µm", 0, pixel), Axis.of("channel", 1))
                : Shape.image(h, w, 1);
        return new Table(List.of(new TensorColumn("image", ColumnRole.FEATURE, s, img, new boolean[1], "")));
    }

    /** Stripes 0.5 + a·cos(2π(kx·x/w + ky·y/h)). */
    static float[] stripes(int h, int w, int kx, int ky, double a) {
        float[] img = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img[y * w + x] = (float) (0.5 + a * Math.cos(2 * Math.PI * ((double) kx * x / w + (double) ky * y / h)));
            }
        }
        return img;
    }

    static Table fft(Table t, int bins, boolean window) throws Exception {
        return TileAndAugmentTest.run(new FftNode(), new FftNode.Params("", bins, window), t, 1);
    }

    @Test
    void stripesOfPeriod8GiveTheirPeriodTheirSpotAndTheirRing() throws Exception {
        Table t = fft(one(stripes(64, 64, 8, 0, 0.3), 64, 64, 0.5), 16, true);
        assertEquals(8 * 0.5, t.numeric("dominant_period").get(0), 1e-9, "8 px at 0.5 µm/px");
        assertEquals("µm", t.column("dominant_period").orElseThrow().unit());
        TensorColumn spec = (TensorColumn) t.column("spectrum").orElseThrow();
        float[] s = spec.get(0);
        int arg = 0;
        for (int i = 1; i < s.length; i++) {
            arg = s[i] > s[arg] ? i : arg;
        }
        assertEquals(32, arg / 64, "on the centre row: the stripes vary along x only");
        assertEquals(8, Math.abs(arg % 64 - 32), "8 cycles across the image");
        assertEquals(1 / (64 * 0.5), spec.shape().axis(1).step(), 1e-12, "frequency step 1/(64·0.5 µm)");
        assertEquals("1/µm", spec.shape().axis(1).unit());
        int best = 1;
        for (int k = 1; k <= 16; k++) {
            best = t.numeric("radial_" + k).get(0) > t.numeric("radial_" + best).get(0) ? k : best;
        }
        assertEquals(5, best, "0.125 cycles/px falls in ring 5 of 16 over 0–0.5");
    }

    @Test
    void tiltedStripesAndASideThatIsNoPowerOfTwo() throws Exception {
        // wave vector (4, 4) cycles on 64 px: period 64/√32 ≈ 11.31 px, along the diagonal
        assertEquals(64 / Math.sqrt(32), fft(one(stripes(64, 64, 4, 4, 0.2), 64, 64, 0), 8, true).numeric("dominant_period").get(0), 1e-9);
        // 48 × 40 pixels (direct transform on both sides), 5 cycles down: period 9.6 px
        assertEquals(48 / 5.0, fft(one(stripes(48, 40, 0, 5, 0.2), 48, 40, 0), 8, true).numeric("dominant_period").get(0), 1e-9);
    }

    @Test
    void withoutWindowThePowerOfACosineSumsToHalfItsSquaredAmplitude() {
        double[] p = Fourier.power(stripes(32, 32, 3, 0, 0.25), 32, 32, false);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertEquals(0.25 * 0.25 / 2, sum, 1e-9, "Parseval");
        assertEquals(0.25 * 0.25 / 4, p[16 * 32 + 16 + 3], 1e-9, "half in each of the two peaks");
    }

    @Test
    void bothTransformPathsAgreeWithTheDefinition() {
        Random rnd = new Random(3);
        for (int n : new int[] {16, 12}) { // radix-2, then the direct transform
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextGaussian();
                im[i] = rnd.nextGaussian();
            }
            double[][] expected = naive(re, im);
            Fourier.transform(re, im, n);
            assertArrayEquals(expected[0], re, 1e-9, "n = " + n);
            assertArrayEquals(expected[1], im, 1e-9, "n = " + n);
        }
    }

    static double[][] naive(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * j * k / n;
                out[0][k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                out[1][k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        return out;
    }

    static Table segment(Table t, SegmentNode.Method m, SegmentNode.Connectivity c, int minArea) throws Exception {
        return TileAndAugmentTest.run(new SegmentNode(), new SegmentNode.Params("", m, 0.5, SegmentNode.Side.DARK, c, minArea, true, 0, 0, false), t, 1);
    }

    @Test
    void aHandDrawnImageGivesExactFractionCountsAndSizes() throws Exception {
        // 6×6 bright image; dark: a 2×2 square, a 1×3 bar, and two single pixels touching at a corner
        String[] rows = {
            "##....",
            "##..#.",
            "....#.",
            "....#.",
            "#.....",
            ".#....",
        };
        float[] img = new float[36];
        for (int i = 0; i < 36; i++) {
            img[i] = rows[i / 6].charAt(i % 6) == '#' ? 0.1f : 0.9f;
        }
        Table four = segment(one(img, 6, 6, 2.0), SegmentNode.Method.OTSU, SegmentNode.Connectivity.FOUR, 1);
        assertEquals(9 / 36.0, four.numeric("area_fraction").get(0), 1e-12);
        assertEquals(4, four.numeric("particle_count").get(0));
        assertEquals(9 / 4.0 * 4, four.numeric("particle_mean_area").get(0), 1e-9, "px² × (2 µm)²");
        assertEquals("µm²", four.column("particle_mean_area").orElseThrow().unit());
        double ecd = (Math.sqrt(16 / Math.PI) + Math.sqrt(12 / Math.PI) + 2 * Math.sqrt(4 / Math.PI)) / 4 * 2;
        assertEquals(ecd, four.numeric("particle_mean_diameter").get(0), 1e-9);
        assertEquals(3, segment(one(img, 6, 6, 0), SegmentNode.Method.ISODATA, SegmentNode.Connectivity.EIGHT, 1)
                .numeric("particle_count").get(0), "8-connected: the corner pair is one particle");
        assertEquals(2, segment(one(img, 6, 6, 0), SegmentNode.Method.FIXED, SegmentNode.Connectivity.FOUR, 2)
                .numeric("particle_count").get(0), "minArea 2 drops the single pixels");
        float[] mask = ((TensorColumn) four.column("mask").orElseThrow()).get(0);
        assertEquals(1f, mask[0]);
        assertEquals(0f, mask[2]);
    }

    @Test
    void onGeneratedMicrographsTheSegmentationRecoversTheTruePhaseFractionAndParticles() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            Microstructure m = Microstructure.draw(128, 20, 0.3, 0, 0, 0, new Random(seed));
            Table t = segment(one(m.image(), 128, 128, 0), SegmentNode.Method.OTSU, SegmentNode.Connectivity.FOUR, 1);
            assertEquals(m.phaseFraction(), t.numeric("area_fraction").get(0), 0.005, "seed " + seed + ": clean image, exact up to a few pixels");
            assertEquals(truthParticles(m.phase(), 128), t.numeric("particle_count").get(0), "seed " + seed);
            Microstructure noisy = Microstructure.draw(128, 20, 0.3, 0, 0.7, 0.03, new Random(seed));
            Table n = segment(one(noisy.image(), 128, 128, 0), SegmentNode.Method.OTSU, SegmentNode.Connectivity.FOUR, 5);
            assertEquals(noisy.phaseFraction(), n.numeric("area_fraction").get(0), 0.03, "seed " + seed + ": blurred and noisy, within 3 points");
            int truth = truthParticles(noisy.phase(), 128);
            assertTrue(Math.abs(n.numeric("particle_count").get(0) - truth) <= Math.max(2, 0.25 * truth),
                    "seed " + seed + ": " + n.numeric("particle_count").get(0) + " particles vs " + truth);
        }
    }

    /** Second-phase particles of the exact phase map, 4-connected, by flood fill. */
    static int truthParticles(byte[] phase, int size) {
        boolean[] seen = new boolean[phase.length];
        int n = 0;
        for (int s = 0; s < phase.length; s++) {
            if (phase[s] != 1 || seen[s]) {
                continue;
            }
            n++;
            ArrayDeque<Integer> q = new ArrayDeque<>(List.of(s));
            seen[s] = true;
            while (!q.isEmpty()) {
                int i = q.poll();
                int x = i % size;
                int y = i / size;
                int[][] nb = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] p : nb) {
                    int j = p[1] * size + p[0];
                    if (p[0] >= 0 && p[0] < size && p[1] >= 0 && p[1] < size && phase[j] == 1 && !seen[j]) {
                        seen[j] = true;
                        q.add(j);
                    }
                }
            }
        }
        return n;
    }
}
