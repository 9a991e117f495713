package org.anneal.nodes.image;

import ij.Prefs;
import ij.plugin.filter.EDM;
import ij.plugin.filter.GaussianBlur;
import ij.plugin.filter.RankFilters;
import ij.process.AutoThresholder;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/**
 * The image blocks' calls into ImageJ 1 (public domain): its Gaussian and median filters, its automatic thresholds, binary
 * morphology and the EDM watershed, on the row-major float images the blocks hold. ImageJ runs single-threaded here: the
 * executor already runs blocks side by side, and ImageJ's own worker threads are not daemons.
 */
final class ImageJ {
    static {
        Prefs.setThreads(1);
    }

    private ImageJ() {
    }

    /** Gaussian blur of standard deviation {@code sigma} pixels (edges extend the border pixels); a new array. */
    static float[] gaussian(float[] g, int h, int w, double sigma) {
        FloatProcessor ip = new FloatProcessor(w, h, g.clone());
        GaussianBlur blur = new GaussianBlur();
        blur.showProgress(false);
        blur.blurGaussian(ip, sigma, sigma, 0.002);
        return (float[]) ip.getPixels();
    }

    /** Median over a disc of {@code radius} pixels (ImageJ's circular kernel); a new array. */
    static float[] median(float[] g, int h, int w, double radius) {
        FloatProcessor ip = new FloatProcessor(w, h, g.clone());
        new RankFilters().rank(ip, radius, RankFilters.MEDIAN);
        return (float[]) ip.getPixels();
    }

    /**
     * The threshold ImageJ's {@code method} finds on a 256-bin histogram of grey values in [0, 1]: pixels below the returned
     * value are the dark class (ImageJ puts bin k and all below it on the dark side, so the cut is the bin's upper edge).
     */
    static double threshold(AutoThresholder.Method method, float[] g) {
        int[] hist = new int[256];
        for (float v : g) {
            hist[Math.min(255, Math.max(0, (int) (v * 256)))]++;
        }
        int k = new AutoThresholder().getThreshold(method, hist);
        return (k + 1) / 256.0;
    }

    /**
     * Binary opening ({@code open} erosions then as many dilations: removes specks and thin bridges), closing ({@code close}
     * dilations then erosions: fills small holes and gaps), each with the 3×3 square, then, with {@code watershed}, ImageJ's
     * EDM watershed, which cuts touching round particles apart along the necks between them. Pixels outside the image count
     * as background. Returns a new mask.
     */
    static boolean[] morphology(boolean[] mask, int h, int w, int open, int close, boolean watershed) {
        ByteProcessor ip = new ByteProcessor(w, h);
        byte[] px = (byte[]) ip.getPixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = mask[i] ? (byte) 255 : 0;
        }
        for (int k = 0; k < open; k++) {
            ip.erode(1, 0);
        }
        for (int k = 0; k < open; k++) {
            ip.dilate(1, 0);
        }
        for (int k = 0; k < close; k++) {
            ip.dilate(1, 0);
        }
        for (int k = 0; k < close; k++) {
            ip.erode(1, 0);
        }
        if (watershed) {
            new EDM().toWatershed(ip);
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = px[i] != 0;
        }
        return out;
    }
}
