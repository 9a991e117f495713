package org.anneal.nodes.image;

import java.util.Random;

/**
 * One generated micrograph and the maps it was drawn from. Grains are cells of a Laguerre (power-weighted Voronoi)
 * tessellation of uniformly scattered seeds with log-normal weights, so grain sizes spread as in a real anneal; whole
 * grains are turned into the second phase until the target area fraction is reached; round pores are cut in last. The
 * imaging model: a grey level per phase with a small per-grain variation (etching response), darkened grain boundaries,
 * Gaussian blur, optional SEM scan lines (a brightness that varies from one scan line to the next with a fixed period, as
 * mains hum beating with the line rate leaves) and Gaussian noise. Left out: curved (Potts) boundaries, lamellae, shading,
 * scratches.
 *
 * <p>The truth is counted on the drawn maps, never taken from the targets: the phase fraction is second-phase pixels over
 * solid pixels, the porosity pore pixels over all pixels, the mean intercept length the line length of every row and
 * column over the number of grain changes along them (the ASTM E112 linear-intercept rule applied to the exact map).
 *
 * @param image      grey values in [0, 1], row by row
 * @param grain      grain id of each pixel
 * @param phase      0 matrix, 1 second phase, 2 pore
 */
public record Microstructure(int size, float[] image, int[] grain, byte[] phase, double phaseFraction, double porosity,
                             double meanInterceptPx) {

    /** Grey levels of the imaging model: bright matrix, dark second phase, black pores; boundaries darkened by etching. */
    static final float MATRIX = 0.78f;
    static final float SECOND = 0.30f;
    static final float PORE = 0.04f;
    static final float BOUNDARY = 0.14f;
    static final float GRAIN_SPREAD = 0.04f;

    /**
     * Draws one micrograph.
     *
     * @param grainPx        target mean grain diameter in pixels
     * @param secondFraction target area fraction of the second phase among solid pixels
     * @param porosity       target pore area fraction (0 for none)
     * @param blurPx         standard deviation of the Gaussian blur in pixels (0 for none)
     * @param noise          standard deviation of the additive Gaussian noise
     */
    public static Microstructure draw(int size, double grainPx, double secondFraction, double porosity, double blurPx, double noise,
                                      Random rnd) {
        return draw(size, grainPx, secondFraction, porosity, blurPx, noise, 0, 1, rnd);
    }

    /**
     * Draws one micrograph with scan lines: every row y is brightened by {@code scanAmplitude · sin(2π y / scanPeriodPx)}
     * (drawn after the blur, since the scan is the detector's, and without random numbers, so the structure and noise are
     * those of the same seed without lines).
     */
    public static Microstructure draw(int size, double grainPx, double secondFraction, double porosity, double blurPx, double noise,
                                      double scanAmplitude, double scanPeriodPx, Random rnd) {
        int n = size * size;
        double cellArea = Math.PI / 4 * grainPx * grainPx;
        int seeds = Math.max(2, (int) Math.round(n / cellArea));
        double[] sx = new double[seeds];
        double[] sy = new double[seeds];
        double[] w = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            sx[i] = rnd.nextDouble() * size;
            sy[i] = rnd.nextDouble() * size;
            double r = grainPx / 2 * Math.exp(0.35 * rnd.nextGaussian());
            w[i] = 0.5 * r * r; // power weight: a heavier seed claims a larger cell
        }
        int[] grain = tessellate(size, sx, sy, w);
        byte[] phase = new byte[n];
        assignSecondPhase(grain, seeds, secondFraction, phase, rnd);
        cutPores(size, porosity, grainPx, phase, rnd);

        float[] level = new float[seeds];
        for (int g = 0; g < seeds; g++) {
            level[g] = (float) (GRAIN_SPREAD * rnd.nextGaussian());
        }
        float[] img = new float[n];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                if (phase[i] == 2) {
                    img[i] = PORE;
                    continue;
                }
                float v = (phase[i] == 1 ? SECOND : MATRIX) + level[grain[i]];
                if (onBoundary(grain, size, x, y)) {
                    v -= BOUNDARY;
                }
                img[i] = v;
            }
        }
        if (blurPx > 0) {
            img = ImageOps.gaussianBlur(img, size, size, blurPx);
        }
        for (int i = 0; i < n; i++) {
            float v = img[i] + (noise > 0 ? (float) (noise * rnd.nextGaussian()) : 0f);
            if (scanAmplitude > 0) {
                v += (float) (scanAmplitude * Math.sin(2 * Math.PI * (i / size) / scanPeriodPx));
            }
            img[i] = Math.min(1f, Math.max(0f, v));
        }
        return new Microstructure(size, img, grain, phase, countFraction(phase, (byte) 1), countPores(phase),
                meanIntercept(grain, size));
    }

    /** Each pixel goes to the seed of least power distance |p − s|² − w; the field wraps nowhere (a cut section). */
    static int[] tessellate(int size, double[] sx, double[] sy, double[] w) {
        int[] grain = new int[size * size];
        for (int y = 0; y < size; y++) {
            double py = y + 0.5;
            for (int x = 0; x < size; x++) {
                double px = x + 0.5;
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int s = 0; s < sx.length; s++) {
                    double dx = px - sx[s];
                    double dy = py - sy[s];
                    double d = dx * dx + dy * dy - w[s];
                    if (d < bestD) {
                        bestD = d;
                        best = s;
                    }
                }
                grain[y * size + x] = best;
            }
        }
        return grain;
    }

    /** Grains in random order join the second phase while doing so brings its area closer to the target. */
    private static void assignSecondPhase(int[] grain, int seeds, double target, byte[] phase, Random rnd) {
        long[] area = new long[seeds];
        for (int g : grain) {
            area[g]++;
        }
        int[] order = new int[seeds];
        for (int i = 0; i < seeds; i++) {
            order[i] = i;
        }
        for (int i = seeds - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] second = new boolean[seeds];
        double goal = target * grain.length;
        long have = 0;
        for (int g : order) {
            if (Math.abs(have + area[g] - goal) < Math.abs(have - goal)) {
                second[g] = true;
                have += area[g];
            }
        }
        for (int i = 0; i < grain.length; i++) {
            phase[i] = (byte) (second[grain[i]] ? 1 : 0);
        }
    }

    /** Round gas pores of a few pixels' radius, placed until the pore area reaches the target. */
    private static void cutPores(int size, double porosity, double grainPx, byte[] phase, Random rnd) {
        if (porosity <= 0) {
            return;
        }
        long goal = Math.round(porosity * size * size);
        long have = 0;
        double meanR = Math.max(1.5, grainPx / 6);
        for (int tries = 0; have < goal && tries < 100_000; tries++) {
            double r = meanR * (0.6 + 0.8 * rnd.nextDouble());
            double cx = rnd.nextDouble() * size;
            double cy = rnd.nextDouble() * size;
            for (int y = Math.max(0, (int) (cy - r)); y <= Math.min(size - 1, (int) (cy + r)); y++) {
                for (int x = Math.max(0, (int) (cx - r)); x <= Math.min(size - 1, (int) (cx + r)); x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    if (dx * dx + dy * dy <= r * r && phase[y * size + x] != 2 && have < goal) {
                        phase[y * size + x] = 2;
                        have++;
                    }
                }
            }
        }
    }

    static boolean onBoundary(int[] grain, int size, int x, int y) {
        int g = grain[y * size + x];
        return x > 0 && grain[y * size + x - 1] != g || x < size - 1 && grain[y * size + x + 1] != g
                || y > 0 && grain[(y - 1) * size + x] != g || y < size - 1 && grain[(y + 1) * size + x] != g;
    }

    private static double countFraction(byte[] phase, byte which) {
        long solid = 0;
        long hit = 0;
        for (byte b : phase) {
            if (b != 2) {
                solid++;
                if (b == which) {
                    hit++;
                }
            }
        }
        return solid == 0 ? 0 : (double) hit / solid;
    }

    private static double countPores(byte[] phase) {
        long pores = 0;
        for (byte b : phase) {
            if (b == 2) {
                pores++;
            }
        }
        return (double) pores / phase.length;
    }

    /** Total length of all rows and columns over the number of grain changes met along them; the field size when none. */
    static double meanIntercept(int[] grain, int size) {
        long changes = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 1; x < size; x++) {
                if (grain[y * size + x] != grain[y * size + x - 1]) {
                    changes++;
                }
                if (grain[x * size + y] != grain[(x - 1) * size + y]) {
                    changes++;
                }
            }
        }
        double length = 2.0 * size * size;
        return changes == 0 ? size : length / changes;
    }
}
