package org.anneal.nodes.image;

import java.util.Random;

/**
 * One generated micrograph and the maps it was drawn from. Grains are cells of a Laguerre (power-weighted Voronoi)
 * tessellation of uniformly scattered seeds with log-normal weights, so grain sizes spread as in a real anneal. What fills
 * the grains depends on the {@link Kind}: whole grains of a dark second phase up to the target area fraction, pearlite-like
 * lamellar colonies ({@link LamellarColonies}), spheroidised carbides ({@link SpheroidisedCarbides}) or martensite laths
 * ({@link MartensiteLaths}). Round gas pores are cut next, then elongated lack-of-fusion pores ({@link LackOfFusionPores}).
 * The imaging model: a grey level per phase with a small per-grain variation (etching response), darkened grain
 * boundaries, optional polishing scratches, Gaussian blur, optional uneven illumination
 * ({@link MicrographDistractors}), optional SEM scan lines (a brightness that varies from one scan line to the next with a
 * fixed period, as mains hum beating with the line rate leaves) and Gaussian noise. Left out: curved (Potts) boundaries.
 *
 * <p>The truth is counted on the drawn maps, never taken from the targets: the phase fraction is phase-1 pixels over
 * solid pixels, the porosity pore pixels over all pixels, the mean intercept length the line length of every row and
 * column over the number of grain changes along them (the ASTM E112 linear-intercept rule applied to the exact map).
 *
 * @param image           grey values in [0, 1], row by row
 * @param grain           grain id of each pixel (the tessellation cell; pores keep the grain they were cut in)
 * @param phase           0 matrix, 1 second phase, 2 pore
 * @param coveredFraction share of solid pixels in the class's units (lamellar colonies, carbides, laths); NaN for none
 * @param featurePx       the units' size in pixels (area-weighted lamellar spacing or lath width, mean carbide
 *                        equivalent diameter); NaN for none
 */
public record Microstructure(int size, float[] image, int[] grain, byte[] phase, double phaseFraction, double porosity,
                             double meanInterceptPx, double coveredFraction, double featurePx) {

    /** Grey levels of the imaging model: bright matrix, dark second phase, black pores; boundaries darkened by etching. */
    static final float MATRIX = 0.78f;
    static final float SECOND = 0.30f;
    static final float PORE = 0.04f;
    static final float BOUNDARY = 0.14f;
    static final float GRAIN_SPREAD = 0.04f;

    /** What fills the grains. */
    public enum Kind {
        /** Whole grains of a dark second phase up to the target fraction. */
        TWO_PHASE,
        /** Ferrite grains and pearlite-like colonies of parallel cementite plates; the fraction is the colonies' share. */
        LAMELLAR,
        /** Round carbide particles in ferrite; the fraction is the carbides' share. */
        SPHEROIDISED,
        /** Martensite laths in packets inside prior-austenite grains; the fraction is the martensite's share. */
        MARTENSITE
    }

    /**
     * What to draw.
     *
     * @param grainPx          mean grain diameter in pixels (prior-austenite grains for martensite)
     * @param fraction         the target area fraction of the kind (see {@link Kind})
     * @param featurePx        lamellar spacing, carbide diameter or lath width in pixels (unused for two-phase)
     * @param porosity         target area fraction of round gas pores (0 for none)
     * @param lackOfFusion     target area fraction of elongated lack-of-fusion pores (0 for none)
     * @param scanDirectionDeg the direction those pores line up with, degrees from the x axis
     */
    public record Recipe(Kind kind, double grainPx, double fraction, double featurePx, double porosity, double lackOfFusion,
                         double scanDirectionDeg) {
        public static Recipe twoPhase(double grainPx, double secondFraction, double porosity) {
            return new Recipe(Kind.TWO_PHASE, grainPx, secondFraction, 0, porosity, 0, 0);
        }
    }

    /**
     * The imaging model's settings; distractors off draw no random numbers, so they leave today's images as they were.
     *
     * @param blurPx        standard deviation of the Gaussian blur in pixels (0 for none)
     * @param noise         standard deviation of the additive Gaussian noise
     * @param scanAmplitude SEM scan-line amplitude (0 for none); every row y is brightened by amplitude · sin(2π y / period)
     * @param shading       brightness drop of the uneven illumination a field width from its bright spot (0 for none)
     * @param scratches     number of polishing scratches
     */
    public record Imaging(double blurPx, double noise, double scanAmplitude, double scanPeriodPx, double shading, int scratches) {
        public static Imaging plain(double blurPx, double noise) {
            return new Imaging(blurPx, noise, 0, 1, 0, 0);
        }
    }

    /**
     * Draws one two-phase micrograph.
     *
     * @param grainPx        target mean grain diameter in pixels
     * @param secondFraction target area fraction of the second phase among solid pixels
     * @param porosity       target pore area fraction (0 for none)
     * @param blurPx         standard deviation of the Gaussian blur in pixels (0 for none)
     * @param noise          standard deviation of the additive Gaussian noise
     */
    public static Microstructure draw(int size, double grainPx, double secondFraction, double porosity, double blurPx, double noise,
                                      Random rnd) {
        return draw(size, Recipe.twoPhase(grainPx, secondFraction, porosity), Imaging.plain(blurPx, noise), rnd);
    }

    /**
     * Draws one two-phase micrograph with scan lines: every row y is brightened by
     * {@code scanAmplitude · sin(2π y / scanPeriodPx)} (drawn after the blur, since the scan is the detector's, and without
     * random numbers, so the structure and noise are those of the same seed without lines).
     */
    public static Microstructure draw(int size, double grainPx, double secondFraction, double porosity, double blurPx, double noise,
                                      double scanAmplitude, double scanPeriodPx, Random rnd) {
        return draw(size, Recipe.twoPhase(grainPx, secondFraction, porosity),
                new Imaging(blurPx, noise, scanAmplitude, scanPeriodPx, 0, 0), rnd);
    }

    /** Draws one micrograph of any kind. */
    public static Microstructure draw(int size, Recipe recipe, Imaging imaging, Random rnd) {
        int n = size * size;
        double grainPx = recipe.grainPx();
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
        DrawnFeatures units = switch (recipe.kind()) {
            case TWO_PHASE -> {
                assignSecondPhase(grain, seeds, recipe.fraction(), phase, rnd);
                yield DrawnFeatures.NONE;
            }
            case LAMELLAR -> LamellarColonies.draw(size, grain, seeds, recipe.fraction(), recipe.featurePx(), grainPx, phase, rnd)
                    .features();
            case SPHEROIDISED -> SpheroidisedCarbides.draw(size, recipe.fraction(), recipe.featurePx(), phase, rnd);
            case MARTENSITE -> MartensiteLaths.draw(size, grain, seeds, grainPx, recipe.fraction(), recipe.featurePx(), phase, rnd);
        };
        cutPores(size, recipe.porosity(), grainPx, phase, rnd);
        if (recipe.lackOfFusion() > 0) {
            LackOfFusionPores.cut(size, recipe.lackOfFusion(), 2 * grainPx, recipe.scanDirectionDeg(), phase, rnd);
        }

        float[] level = new float[seeds];
        for (int g = 0; g < seeds; g++) {
            level[g] = (float) (GRAIN_SPREAD * rnd.nextGaussian());
        }
        float[] tint = units.tint();
        float[] img = new float[n];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                if (phase[i] == 2) {
                    img[i] = PORE;
                    continue;
                }
                float v = (phase[i] == 1 ? SECOND : MATRIX) + level[grain[i]];
                if (tint != null) {
                    v += tint[i];
                }
                if (onBoundary(grain, size, x, y)) {
                    v -= BOUNDARY;
                }
                img[i] = v;
            }
        }
        if (imaging.scratches() > 0) {
            MicrographDistractors.scratch(img, size, imaging.scratches(), rnd);
        }
        if (imaging.blurPx() > 0) {
            img = ImageOps.gaussianBlur(img, size, size, imaging.blurPx());
        }
        if (imaging.shading() > 0) {
            MicrographDistractors.shade(img, size, imaging.shading(), rnd);
        }
        double noise = imaging.noise();
        double scanAmplitude = imaging.scanAmplitude();
        for (int i = 0; i < n; i++) {
            float v = img[i] + (noise > 0 ? (float) (noise * rnd.nextGaussian()) : 0f);
            if (scanAmplitude > 0) {
                v += (float) (scanAmplitude * Math.sin(2 * Math.PI * (i / size) / imaging.scanPeriodPx()));
            }
            img[i] = Math.min(1f, Math.max(0f, v));
        }
        double[] unitTruth = units.truth(phase);
        return new Microstructure(size, img, grain, phase, countFraction(phase, (byte) 1), countPores(phase),
                meanIntercept(grain, size), unitTruth[0], unitTruth[1]);
    }

    /**
     * Each pixel goes to the seed of least power distance |p − s|² − w (the lowest-numbered seed on a tie); the field
     * wraps nowhere (a cut section). Seeds are sorted into square buckets about a grain wide, and a pixel looks at rings
     * of buckets around its own only until no seed further out can win: a seed at least D away has a power distance of
     * at least D² − max w. The answer is that of comparing every seed, in a fraction of the time.
     */
    static int[] tessellate(int size, double[] sx, double[] sy, double[] w) {
        int seeds = sx.length;
        double maxW = 0;
        for (double wi : w) {
            maxW = Math.max(maxW, wi);
        }
        int nb = Math.max(1, Math.min(size, (int) Math.sqrt(seeds)));
        double cell = (double) size / nb;
        int[] start = new int[nb * nb + 1];
        int[] bucketOf = new int[seeds];
        for (int s = 0; s < seeds; s++) {
            int bx = Math.min(nb - 1, (int) (sx[s] / cell));
            int by = Math.min(nb - 1, (int) (sy[s] / cell));
            bucketOf[s] = by * nb + bx;
            start[bucketOf[s] + 1]++;
        }
        for (int b = 0; b < nb * nb; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = java.util.Arrays.copyOf(start, nb * nb);
        int[] members = new int[seeds];
        for (int s = 0; s < seeds; s++) {
            members[fill[bucketOf[s]]++] = s;
        }
        int[] grain = new int[size * size];
        for (int y = 0; y < size; y++) {
            double py = y + 0.5;
            int by = Math.min(nb - 1, (int) (py / cell));
            for (int x = 0; x < size; x++) {
                double px = x + 0.5;
                int bx = Math.min(nb - 1, (int) (px / cell));
                int best = -1;
                double bestD = Double.POSITIVE_INFINITY;
                for (int ring = 0; ring < nb; ring++) {
                    double reach = Math.max(0, ring - 1) * cell; // nearest a seed in this ring can be
                    if (ring > 0 && reach * reach - maxW > bestD) {
                        break;
                    }
                    for (int qy = Math.max(0, by - ring); qy <= Math.min(nb - 1, by + ring); qy++) {
                        boolean edgeRow = qy == by - ring || qy == by + ring;
                        for (int qx = Math.max(0, bx - ring); qx <= Math.min(nb - 1, bx + ring); qx++) {
                            if (!edgeRow && qx != bx - ring && qx != bx + ring) {
                                continue; // inside the ring: looked at already
                            }
                            int q = qy * nb + qx;
                            for (int m = start[q]; m < start[q + 1]; m++) {
                                int s = members[m];
                                double dx = px - sx[s];
                                double dy = py - sy[s];
                                double d = dx * dx + dy * dy - w[s];
                                if (d < bestD || d == bestD && s < best) {
                                    bestD = d;
                                    best = s;
                                }
                            }
                        }
                    }
                }
                grain[y * size + x] = best;
            }
        }
        return grain;
    }

    /** Grains in random order join the second phase while doing so brings its area closer to the target. */
    private static void assignSecondPhase(int[] grain, int seeds, double target, byte[] phase, Random rnd) {
        boolean[] second = pickUnits(LamellarColonies.areas(grain, seeds), target * grain.length, rnd);
        for (int i = 0; i < grain.length; i++) {
            phase[i] = (byte) (second[grain[i]] ? 1 : 0);
        }
    }

    /**
     * Units (grains, film sites) in random order are chosen while choosing one brings their total area closer to
     * {@code goal}: when the units can reach the goal, the total misses it by at most half the largest unit's area.
     */
    static boolean[] pickUnits(long[] area, double goal, Random rnd) {
        int units = area.length;
        int[] order = new int[units];
        for (int i = 0; i < units; i++) {
            order[i] = i;
        }
        for (int i = units - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] chosen = new boolean[units];
        long have = 0;
        for (int g : order) {
            if (Math.abs(have + area[g] - goal) < Math.abs(have - goal)) {
                chosen[g] = true;
                have += area[g];
            }
        }
        return chosen;
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

    /**
     * The grain of every pixel renumbered 0, 1, 2 … in the order grains first appear row by row, so the largest id is the
     * number of grains in the field less one (tessellation cells that claimed no pixel get no id).
     */
    public int[] grainIds() {
        int[] renumber = new int[grain.length];
        java.util.Arrays.fill(renumber, -1);
        int[] ids = new int[grain.length];
        int next = 0;
        for (int i = 0; i < grain.length; i++) {
            int g = grain[i];
            if (renumber[g] < 0) {
                renumber[g] = next++;
            }
            ids[i] = renumber[g];
        }
        return ids;
    }

    /**
     * The ASTM E112 grain size number G from the mean lineal intercept length ℓ̄ in millimetres:
     * G = −6.643856 · log₁₀ ℓ̄ − 3.288 (the E112-13 form: G = 0 at
     * ℓ̄ = 0.32 mm, and each number up divides ℓ̄ by √2).
     */
    public static double astmGrainSize(double interceptMm) {
        return -6.643856 * Math.log10(interceptMm) - 3.288;
    }
}
