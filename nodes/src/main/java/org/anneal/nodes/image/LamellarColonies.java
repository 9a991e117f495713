package org.anneal.nodes.image;

import java.util.Random;

/**
 * Pearlite-like colonies in a ferrite matrix: whole grains turn lamellar until their area reaches the target lamellar
 * fraction, each lamellar grain is cut into colonies ({@link GrainSubdivision}), and each colony draws parallel plates of
 * cementite (phase 1) in ferrite (phase 0) with its own orientation, spacing and phase. A pixel is cementite when its
 * centre lies in the first {@link #CEMENTITE_SHARE} of a period along the colony normal, so the truth — the colonies'
 * share of the area and their spacing — is the drawn geometry. The plates stand perpendicular to the section, so the
 * spacing seen is the true spacing (a real section cuts colonies obliquely and shows wider apparent spacings).
 */
final class LamellarColonies {
    private LamellarColonies() {
    }

    /**
     * Cementite's share of a period: twice the ~1/8 of eutectoid pearlite, so that plates stay at least a pixel thick at
     * the spacings a micrograph of this size can resolve.
     */
    static final double CEMENTITE_SHARE = 0.25;
    /** Narrowest spacing drawn, in pixels: below four pixels a plate and its gap alias into noise. */
    static final double MIN_SPACING_PX = 4;
    /** Colonies are smaller than the grains they grow in. */
    static final double COLONY_PER_GRAIN = 0.6;

    /** One colony's plates: the unit normal (cos, sin), the spacing in pixels and the offset along the normal (0–1). */
    record Colony(double cos, double sin, double spacing, double offset) {
        boolean cementite(double x, double y) {
            double s = (x * cos + y * sin) / spacing + offset;
            return s - Math.floor(s) < CEMENTITE_SHARE;
        }
    }

    /** The drawn colonies and the colony of every pixel (−1 in ferrite grains). */
    record Drawn(int[] colonyOf, Colony[] colonies, DrawnFeatures features) {
    }

    static Drawn draw(int size, int[] grain, int grains, double lamellarFraction, double spacingPx, double grainPx, byte[] phase,
                      Random rnd) {
        boolean[] lamellar = Microstructure.pickUnits(areas(grain, grains), lamellarFraction * grain.length, rnd);
        int[] colonyOf = GrainSubdivision.split(size, grain, grains, lamellar, COLONY_PER_GRAIN * grainPx, rnd);
        Colony[] colonies = new Colony[GrainSubdivision.count(colonyOf)];
        double[] spacing = new double[colonies.length];
        for (int c = 0; c < colonies.length; c++) {
            double angle = rnd.nextDouble() * Math.PI;
            spacing[c] = Math.max(MIN_SPACING_PX, spacingPx * Math.exp(0.15 * rnd.nextGaussian()));
            colonies[c] = new Colony(Math.cos(angle), Math.sin(angle), spacing[c], rnd.nextDouble());
        }
        for (int i = 0; i < phase.length; i++) {
            int c = colonyOf[i];
            phase[i] = (byte) (c >= 0 && colonies[c].cementite(i % size + 0.5, i / size + 0.5) ? 1 : 0);
        }
        return new Drawn(colonyOf, colonies, new DrawnFeatures(colonyOf, spacing, null, false));
    }

    static long[] areas(int[] grain, int grains) {
        long[] area = new long[grains];
        for (int g : grain) {
            area[g]++;
        }
        return area;
    }
}
