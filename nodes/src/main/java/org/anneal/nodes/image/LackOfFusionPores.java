package org.anneal.nodes.image;

import java.util.Random;

/**
 * Lack-of-fusion pores of additively made metal: unmelted gaps between scan tracks, so elongated (3–6 times longer than
 * wide), lined up with the scan direction (within a few degrees) and ragged — an ellipse whose radius is modulated by a
 * few random harmonics. They become pores (phase 2) whole, each only while it brings the pore area closer to the target,
 * so the drawn porosity misses it by at most about half a pore. Left out: unmelted powder particles inside the pores,
 * pores that follow curved melt-pool boundaries, keyhole pores.
 */
final class LackOfFusionPores {
    private LackOfFusionPores() {
    }

    /** Scatter of a pore's axis about the scan direction: 6° standard deviation. */
    static final double ANGLE_SPREAD = Math.toRadians(6);
    /** Harmonics 2…HARMONICS of the outline; the k-th has an amplitude of up to 0.3 / k of the radius. */
    static final int HARMONICS = 5;

    /**
     * Cuts pores until their area reaches {@code fraction} of the image.
     *
     * @param lengthPx         typical pore length in pixels
     * @param scanDirectionDeg the scan direction, degrees counter-clockwise from the x axis (y pointing down the image)
     */
    static void cut(int size, double fraction, double lengthPx, double scanDirectionDeg, byte[] phase, Random rnd) {
        long goal = Math.round(fraction * phase.length);
        long have = 0;
        for (byte b : phase) {
            have += b == 2 ? 1 : 0;
        }
        goal += have; // on top of the round pores already there
        double direction = -Math.toRadians(scanDirectionDeg);
        int overshoots = 0; // in a row: the shortfall is then below half of nearly every pore
        for (int tries = 0; have < goal && tries < 5_000 && overshoots < 50; tries++) {
            Outline o = Outline.draw(size, lengthPx, direction, rnd);
            long added = o.paint(size, phase, false);
            if (Math.abs(have + added - goal) < Math.abs(have - goal)) {
                have += o.paint(size, phase, true);
                overshoots = 0;
            } else {
                overshoots++;
            }
        }
    }

    /** One pore: centre, half axes a ≥ b, axis angle and the harmonics of its ragged outline. */
    private record Outline(double cx, double cy, double a, double b, double cos, double sin, double[] amp, double[] shift) {
        static Outline draw(int size, double lengthPx, double direction, Random rnd) {
            double a = lengthPx / 2 * (0.6 + 0.8 * rnd.nextDouble());
            double b = Math.max(1.2, a / (3 + 3 * rnd.nextDouble()));
            double angle = direction + ANGLE_SPREAD * rnd.nextGaussian();
            double[] amp = new double[HARMONICS + 1];
            double[] shift = new double[HARMONICS + 1];
            for (int k = 2; k <= HARMONICS; k++) {
                amp[k] = 0.3 / k * rnd.nextDouble();
                shift[k] = 2 * Math.PI * rnd.nextDouble();
            }
            return new Outline(rnd.nextDouble() * size, rnd.nextDouble() * size, a, b, Math.cos(angle), Math.sin(angle), amp, shift);
        }

        /** Counts (and with {@code cut} marks) the solid pixels inside the outline. */
        long paint(int size, byte[] phase, boolean cut) {
            double most = 1;
            for (int k = 2; k <= HARMONICS; k++) {
                most += amp[k];
            }
            double reach = a * most;
            long n = 0;
            for (int y = Math.max(0, (int) (cy - reach)); y <= Math.min(size - 1, (int) (cy + reach)); y++) {
                for (int x = Math.max(0, (int) (cx - reach)); x <= Math.min(size - 1, (int) (cx + reach)); x++) {
                    int i = y * size + x;
                    if (phase[i] == 2) {
                        continue;
                    }
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double u = (dx * cos + dy * sin) / a;
                    double v = (-dx * sin + dy * cos) / b;
                    if (u * u + v * v > most * most) {
                        continue; // beyond the outline's widest reach: skip the harmonics
                    }
                    double theta = Math.atan2(v, u);
                    double r = 1;
                    for (int k = 2; k <= HARMONICS; k++) {
                        r += amp[k] * Math.cos(k * theta + shift[k]);
                    }
                    if (u * u + v * v <= r * r) {
                        n++;
                        if (cut) {
                            phase[i] = 2;
                        }
                    }
                }
            }
            return n;
        }
    }
}
