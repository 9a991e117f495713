package org.anneal.nodes.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The structure classes keep their truth honest: each drawn fraction meets its target within the error of adding whole
 * units (grains, colonies, particles, films), and the lamellar spacing a line intercept measures across each colony is
 * the spacing the truth reports.
 */
class MicrostructureClassesTest {
    static final int SIZE = 192;
    static final int N = SIZE * SIZE;
    static final Microstructure.Imaging CLEAN = Microstructure.Imaging.plain(0, 0);

    static Microstructure draw(Microstructure.Kind kind, double grainPx, double fraction, double featurePx, long seed) {
        return Microstructure.draw(SIZE, new Microstructure.Recipe(kind, grainPx, fraction, featurePx, 0, 0, 0), CLEAN, new Random(seed));
    }

    static long count(byte[] phase, int which) {
        long c = 0;
        for (byte b : phase) {
            c += b == which ? 1 : 0;
        }
        return c;
    }

    static long largestGrain(int[] grain) {
        long[] area = new long[grain.length];
        long max = 0;
        for (int g : grain) {
            max = Math.max(max, ++area[g]);
        }
        return max;
    }

    @Test
    void theBucketedTessellationIsTheOneOfComparingEverySeed() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 6; trial++) {
            int size = 40 + rnd.nextInt(60);
            int seeds = 2 + rnd.nextInt(80);
            double[] sx = new double[seeds];
            double[] sy = new double[seeds];
            double[] w = new double[seeds];
            for (int i = 0; i < seeds; i++) {
                sx[i] = rnd.nextDouble() * size;
                sy[i] = rnd.nextDouble() * size;
                w[i] = trial % 2 == 0 ? 0 : 0.5 * Math.pow(size / 8.0 * Math.exp(0.6 * rnd.nextGaussian()), 2);
            }
            int[] fast = Microstructure.tessellate(size, sx, sy, w);
            for (int i = 0; i < fast.length; i++) {
                double px = i % size + 0.5;
                double py = i / size + 0.5;
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int s = 0; s < seeds; s++) {
                    double d = (px - sx[s]) * (px - sx[s]) + (py - sy[s]) * (py - sy[s]) - w[s];
                    if (d < bestD) {
                        bestD = d;
                        best = s;
                    }
                }
                assertEquals(best, fast[i], "trial " + trial + " pixel " + i);
            }
        }
    }

    @Test
    void twoPhaseFractionIsTheTargetWithinHalfTheLargestGrain() {
        for (long seed = 1; seed <= 5; seed++) {
            Microstructure m = draw(Microstructure.Kind.TWO_PHASE, 24, 0.3, 0, seed);
            double bound = largestGrain(m.grain()) / 2.0 / N;
            assertEquals(0.3, m.phaseFraction(), bound, "seed " + seed);
            assertEquals((double) count(m.phase(), 1) / N, m.phaseFraction(), 1e-12);
        }
    }

    @Test
    void lamellarFractionIsTheTargetWithinHalfAGrainAndCementiteAQuarterOfEachColony() {
        for (long seed = 1; seed <= 5; seed++) {
            Microstructure m = draw(Microstructure.Kind.LAMELLAR, 28, 0.4, 7, seed);
            assertEquals(0.4, m.coveredFraction(), largestGrain(m.grain()) / 2.0 / N, "seed " + seed);
            // inside the colonies, cementite is the first quarter of every period: pixel centres sample it, so the share
            // misses 1/4 only by the partial periods at colony edges (a few per cent of the colony area here)
            double cementiteInColonies = m.phaseFraction() / m.coveredFraction();
            assertEquals(LamellarColonies.CEMENTITE_SHARE, cementiteInColonies, 0.02, "seed " + seed);
        }
    }

    @Test
    void spheroidisedCarbidesReachTheTargetWithinHalfTheLargestParticle() {
        for (long seed = 1; seed <= 5; seed++) {
            Microstructure m = draw(Microstructure.Kind.SPHEROIDISED, 24, 0.12, 6, seed);
            boolean[] carbide = new boolean[N];
            for (int i = 0; i < N; i++) {
                carbide[i] = m.phase()[i] == 1;
            }
            long[] areas = Components.areas(Components.label(carbide, SIZE, SIZE, false));
            long largest = 0;
            for (int l = 1; l < areas.length; l++) {
                largest = Math.max(largest, areas[l]);
            }
            assertEquals(0.12, m.phaseFraction(), largest / 2.0 / N, "seed " + seed);
            assertEquals(m.phaseFraction(), m.coveredFraction(), 1e-12, "every carbide pixel belongs to one particle");
            assertEquals(6, m.featurePx(), 1.2, "mean equivalent diameter near the target's 6 px (log-normal, σ 0.25)");
        }
    }

    @Test
    void martensiteMissesItsTargetByAtMostHalfTheLongestPossibleFilm() {
        // a film is a pixel wide and no longer than the field's diagonal
        double bound = Math.sqrt(2) * SIZE / 2 / N;
        for (long seed = 1; seed <= 5; seed++) {
            Microstructure m = draw(Microstructure.Kind.MARTENSITE, 48, 0.95, 3, seed);
            assertEquals(0.95, m.phaseFraction(), bound, "seed " + seed);
            assertEquals(3, m.featurePx(), 0.6, "area-weighted lath width near the packets' 3 px");
        }
    }

    @Test
    void aLineInterceptAcrossEachColonyMeasuresTheTruthSpacing() {
        Random rnd = new Random(11);
        int seeds = 16;
        double[] sx = new double[seeds];
        double[] sy = new double[seeds];
        double[] w = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            sx[i] = rnd.nextDouble() * SIZE;
            sy[i] = rnd.nextDouble() * SIZE;
        }
        int[] grain = Microstructure.tessellate(SIZE, sx, sy, w);
        byte[] phase = new byte[N];
        LamellarColonies.Drawn d = LamellarColonies.draw(SIZE, grain, seeds, 0.7, 6, 70, phase, rnd);
        double totalLength = 0;
        long totalPlates = 0;
        int measured = 0;
        for (int c = 0; c < d.colonies().length; c++) {
            LamellarColonies.Colony colony = d.colonies()[c];
            double[] chord = interceptAcrossNormal(d.colonyOf(), phase, c, colony);
            if (chord == null || chord[1] < 4) {
                continue; // too few plates crossed to measure
            }
            // counting error: a chord of length L meets L/λ plates give or take one
            assertEquals(colony.spacing(), chord[0] / chord[1], colony.spacing() / (chord[1] - 1), "colony " + c);
            totalLength += chord[0];
            totalPlates += (long) chord[1];
            measured++;
        }
        assertTrue(measured >= 8, "colonies measured: " + measured);
        double truth = d.features().truth(phase)[1];
        assertEquals(truth, totalLength / totalPlates, 0.05 * truth, "mean intercept spacing within 5 % of the area-weighted truth");
    }

    /**
     * The chord through the colony's centroid along its normal: its length and the number of cementite plates it enters.
     * Null when the colony has no pixel.
     */
    static double[] interceptAcrossNormal(int[] colonyOf, byte[] phase, int c, LamellarColonies.Colony colony) {
        double cx = 0;
        double cy = 0;
        long area = 0;
        for (int i = 0; i < colonyOf.length; i++) {
            if (colonyOf[i] == c) {
                cx += i % SIZE + 0.5;
                cy += i / SIZE + 0.5;
                area++;
            }
        }
        if (area == 0) {
            return null;
        }
        cx /= area;
        cy /= area;
        double step = 0.1;
        double from = 0;
        double to = 0;
        while (inside(colonyOf, c, cx + (from - step) * colony.cos(), cy + (from - step) * colony.sin())) {
            from -= step;
        }
        while (inside(colonyOf, c, cx + (to + step) * colony.cos(), cy + (to + step) * colony.sin())) {
            to += step;
        }
        long plates = 0;
        boolean before = true; // count a plate where the chord enters it, so a plate cut by the chord's start counts as well
        for (double t = from; t <= to; t += step) {
            int i = pixel(cx + t * colony.cos(), cy + t * colony.sin());
            boolean cementite = phase[i] == 1;
            if (cementite && (before || t == from)) {
                plates++;
            }
            before = !cementite;
        }
        return new double[] {to - from, plates};
    }

    static boolean inside(int[] colonyOf, int c, double x, double y) {
        return x >= 0 && y >= 0 && x < SIZE && y < SIZE && colonyOf[pixel(x, y)] == c;
    }

    static int pixel(double x, double y) {
        return (int) y * SIZE + (int) x;
    }
}
