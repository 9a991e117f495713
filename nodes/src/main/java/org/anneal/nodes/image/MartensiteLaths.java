package org.anneal.nodes.image;

import java.util.Arrays;
import java.util.Random;

/**
 * Lath martensite: every prior-austenite grain is cut into packets ({@link GrainSubdivision}), each packet into thin
 * parallel laths of its own orientation, with lath widths scattered around the packet's. Laths are martensite (phase 1)
 * with a grey level of their own (the lath-to-lath etching contrast); thin films of retained austenite (phase 0) sit on
 * some lath boundaries, chosen boundary by boundary until their area reaches 1 − the target martensite fraction. Left out:
 * blocks and the crystallographic variant rules between laths, plate martensite, carbides inside the laths.
 */
final class MartensiteLaths {
    private MartensiteLaths() {
    }

    /** Packets are about half a prior-austenite grain across. */
    static final double PACKET_PER_GRAIN = 0.5;
    /**
     * Laths are drawn this much brighter than the dark second phase (mid-grey, as etched laths look in a secondary-electron
     * image), so martensite is told from the other classes by its texture more than by its mean grey.
     */
    static final float LATH_LIFT = 0.2f;
    /** Spread of the lath grey levels (grey scale 0–1). */
    static final float LATH_SPREAD = 0.07f;
    /** Narrowest mean lath width drawn, in pixels. */
    static final double MIN_WIDTH_PX = 2;

    static DrawnFeatures draw(int size, int[] grain, int grains, double grainPx, double martensiteFraction, double lathPx, byte[] phase,
                              Random rnd) {
        boolean[] all = new boolean[grains];
        Arrays.fill(all, true);
        int[] packet = GrainSubdivision.split(size, grain, grains, all, PACKET_PER_GRAIN * grainPx, rnd);
        int packets = GrainSubdivision.count(packet);
        double[] cos = new double[packets];
        double[] sin = new double[packets];
        double[] lo = new double[packets];
        double[] hi = new double[packets];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < packets; k++) {
            double angle = rnd.nextDouble() * Math.PI;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        double[] s = new double[phase.length];
        for (int i = 0; i < phase.length; i++) {
            int k = packet[i];
            s[i] = (i % size + 0.5) * cos[k] + (i / size + 0.5) * sin[k];
            lo[k] = Math.min(lo[k], s[i]);
            hi[k] = Math.max(hi[k], s[i]);
        }
        // lath edges along each packet's normal: edge j is the lower edge of lath j; all packets' edges in one list
        int[] first = new int[packets + 1];
        double[] edges = new double[16];
        int count = 0;
        for (int k = 0; k < packets; k++) {
            first[k] = count;
            if (lo[k] > hi[k]) {
                continue;
            }
            double mean = Math.max(MIN_WIDTH_PX, lathPx * Math.exp(0.2 * rnd.nextGaussian()));
            double e = lo[k] - rnd.nextDouble() * mean;
            while (true) {
                if (count == edges.length) {
                    edges = Arrays.copyOf(edges, 2 * count);
                }
                edges[count++] = e;
                if (e > hi[k]) {
                    break;
                }
                e += mean * (0.6 + 0.8 * rnd.nextDouble());
            }
        }
        first[packets] = count;
        int[] lath = new int[phase.length];
        int[] film = new int[phase.length];
        long[] filmArea = new long[count];
        for (int i = 0; i < phase.length; i++) {
            int k = packet[i];
            int j = Arrays.binarySearch(edges, first[k], first[k + 1], s[i]);
            int l = j >= 0 ? j : -j - 2; // the last edge at or below s
            lath[i] = l;
            // within half a pixel of the lath's lower or upper edge: a pixel a film on that edge would cover
            film[i] = s[i] - edges[l] < 0.5 ? l : edges[l + 1] - s[i] < 0.5 ? l + 1 : -1;
            if (film[i] >= 0) {
                filmArea[film[i]]++;
            }
        }
        boolean[] austenite = Microstructure.pickUnits(filmArea, (1 - martensiteFraction) * phase.length, rnd);
        double[] width = new double[count];
        float[] shade = new float[count];
        for (int j = 0; j < count; j++) {
            width[j] = j + 1 < count ? edges[j + 1] - edges[j] : 0;
            shade[j] = (float) (LATH_SPREAD * rnd.nextGaussian());
        }
        int[] owner = new int[phase.length];
        float[] tint = new float[phase.length];
        for (int i = 0; i < phase.length; i++) {
            boolean retained = film[i] >= 0 && austenite[film[i]];
            phase[i] = (byte) (retained ? 0 : 1);
            owner[i] = retained ? -1 : lath[i];
            tint[i] = retained ? 0 : LATH_LIFT + shade[lath[i]];
        }
        return new DrawnFeatures(owner, width, tint, false);
    }
}
