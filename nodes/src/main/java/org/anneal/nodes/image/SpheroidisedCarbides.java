package org.anneal.nodes.image;

import java.util.Arrays;
import java.util.Random;

/**
 * Spheroidised carbides: round particles (phase 1) scattered at random in a ferrite matrix, log-normal diameters around
 * the target, kept a pixel apart so that each stays one particle. Particles are added whole while each brings the
 * carbide area closer to the target fraction, so the drawn fraction misses it by at most about half a particle. Left out:
 * the preference of carbides for grain boundaries, and particles cut by the section below their equator (every particle
 * shows its full diameter).
 */
final class SpheroidisedCarbides {
    private SpheroidisedCarbides() {
    }

    /** Log-normal spread of the particle diameters. */
    static final double SIZE_SPREAD = 0.25;
    /** Smallest particle radius drawn, in pixels. */
    static final double MIN_RADIUS_PX = 1.0;

    static DrawnFeatures draw(int size, double fraction, double diameterPx, byte[] phase, Random rnd) {
        int[] owner = new int[phase.length];
        Arrays.fill(owner, -1);
        long goal = Math.round(fraction * phase.length);
        long have = 0;
        int particles = 0;
        int overshoots = 0; // in a row: the shortfall is then below half of nearly every particle
        for (int tries = 0; have < goal && tries < 50_000 && overshoots < 200; tries++) {
            double r = Math.max(MIN_RADIUS_PX, diameterPx / 2 * Math.exp(SIZE_SPREAD * rnd.nextGaussian()));
            double cx = rnd.nextDouble() * size;
            double cy = rnd.nextDouble() * size;
            long area = disc(size, cx, cy, r, owner, -1);
            if (area < 0) {
                continue; // touches another particle
            }
            if (Math.abs(have + area - goal) >= Math.abs(have - goal)) {
                overshoots++; // would overshoot the target more than it helps
                continue;
            }
            overshoots = 0;
            disc(size, cx, cy, r, owner, particles++);
            have += area;
        }
        for (int i = 0; i < phase.length; i++) {
            phase[i] = (byte) (owner[i] >= 0 ? 1 : 0);
        }
        return new DrawnFeatures(owner, new double[particles], null, true);
    }

    /**
     * With {@code id} −1 counts the pixels of the disc, or returns −1 when the disc or its one-pixel rim meets a particle;
     * otherwise marks the disc's pixels with {@code id}.
     */
    private static long disc(int size, double cx, double cy, double r, int[] owner, int id) {
        double rim = id < 0 ? r + 1 : r;
        long area = 0;
        for (int y = Math.max(0, (int) (cy - rim)); y <= Math.min(size - 1, (int) (cy + rim)); y++) {
            for (int x = Math.max(0, (int) (cx - rim)); x <= Math.min(size - 1, (int) (cx + rim)); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double d2 = dx * dx + dy * dy;
                if (d2 > rim * rim) {
                    continue;
                }
                if (id < 0) {
                    if (owner[y * size + x] >= 0) {
                        return -1;
                    }
                    area += d2 <= r * r ? 1 : 0;
                } else {
                    owner[y * size + x] = id;
                    area++;
                }
            }
        }
        return area;
    }
}
