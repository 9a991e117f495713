package org.anneal.nodes.image;

import java.util.Random;

/**
 * Things a real micrograph shows that are not the microstructure: polishing scratches and uneven illumination. Neither
 * touches the phase map or the truth, so a method that mistakes them for structure is caught by the truth columns.
 */
final class MicrographDistractors {
    private MicrographDistractors() {
    }

    /**
     * Polishing scratches: {@code count} straight dark lines a pixel wide, lengths of 0.3–1.2 field widths, in roughly one
     * direction (the last polishing stroke, ±9°), each darkening the image by 0.08–0.2. Drawn on the surface, before the
     * optics blur it. Left out: curved scratches, smeared material and the bright rims of deep scratches.
     */
    static void scratch(float[] img, int size, int count, Random rnd) {
        float[] depth = new float[img.length];
        double stroke = rnd.nextDouble() * Math.PI;
        for (int s = 0; s < count; s++) {
            double angle = stroke + 0.15 * rnd.nextGaussian();
            double cx = rnd.nextDouble() * size;
            double cy = rnd.nextDouble() * size;
            double half = size * (0.3 + 0.9 * rnd.nextDouble()) / 2;
            float d = (float) (0.08 + 0.12 * rnd.nextDouble());
            double dx = Math.cos(angle);
            double dy = Math.sin(angle);
            for (double t = -half; t <= half; t += 0.5) {
                int x = (int) Math.floor(cx + t * dx);
                int y = (int) Math.floor(cy + t * dy);
                if (x >= 0 && y >= 0 && x < size && y < size) {
                    depth[y * size + x] = Math.max(depth[y * size + x], d);
                }
            }
        }
        for (int i = 0; i < img.length; i++) {
            img[i] -= depth[i];
        }
    }

    /**
     * Uneven illumination: the brightness falls off from a bright spot somewhere in the middle of the field, by
     * {@code drop} of its value at a field width's distance (quadratically, as a misaligned lamp's vignette does). It
     * multiplies the image, since it scales the light the specimen reflects.
     */
    static void shade(float[] img, int size, double drop, Random rnd) {
        double cx = size * (0.2 + 0.6 * rnd.nextDouble());
        double cy = size * (0.2 + 0.6 * rnd.nextDouble());
        double scale = 1.0 / ((double) size * size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d2 = ((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy)) * scale;
                img[y * size + x] *= (float) (1 - drop * Math.min(1, d2));
            }
        }
    }
}
