package org.anneal.nodes.image;

import java.util.Random;

/**
 * Cuts chosen grains into sub-units — pearlite colonies, martensite packets — the way they nucleate inside a grain:
 * a few seeds at random pixels of the grain, each pixel going to its nearest seed, so every sub-unit stays inside its
 * grain and its boundaries are straight (a Voronoi tessellation clipped to the grain).
 */
final class GrainSubdivision {
    private GrainSubdivision() {
    }

    /** Pixel indices grouped by grain: the pixels of grain g are {@code pixels[start[g]] … pixels[start[g + 1] - 1]}. */
    record PixelsByGrain(int[] start, int[] pixels) {
        static PixelsByGrain of(int[] grain, int grains) {
            int[] start = new int[grains + 1];
            for (int g : grain) {
                start[g + 1]++;
            }
            for (int g = 0; g < grains; g++) {
                start[g + 1] += start[g];
            }
            int[] next = java.util.Arrays.copyOf(start, grains);
            int[] pixels = new int[grain.length];
            for (int i = 0; i < grain.length; i++) {
                pixels[next[grain[i]]++] = i;
            }
            return new PixelsByGrain(start, pixels);
        }

        int area(int g) {
            return start[g + 1] - start[g];
        }
    }

    /**
     * Splits every grain with {@code chosen[g]} into about area / (π/4 · subPx²) sub-units (at least one). Returns the
     * sub-unit of every pixel, numbered from 0 in grain order, and −1 outside the chosen grains.
     */
    static int[] split(int size, int[] grain, int grains, boolean[] chosen, double subPx, Random rnd) {
        int[] sub = new int[grain.length];
        java.util.Arrays.fill(sub, -1);
        PixelsByGrain byGrain = PixelsByGrain.of(grain, grains);
        double subArea = Math.PI / 4 * subPx * subPx;
        int next = 0;
        for (int g = 0; g < grains; g++) {
            int area = byGrain.area(g);
            if (!chosen[g] || area == 0) {
                continue;
            }
            int k = Math.max(1, (int) Math.round(area / subArea));
            double[] cx = new double[k];
            double[] cy = new double[k];
            for (int j = 0; j < k; j++) {
                int i = byGrain.pixels()[byGrain.start()[g] + rnd.nextInt(area)];
                cx[j] = i % size + 0.5;
                cy[j] = i / size + 0.5;
            }
            for (int q = byGrain.start()[g]; q < byGrain.start()[g + 1]; q++) {
                int i = byGrain.pixels()[q];
                double x = i % size + 0.5;
                double y = i / size + 0.5;
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double d = (x - cx[j]) * (x - cx[j]) + (y - cy[j]) * (y - cy[j]);
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                sub[i] = next + best;
            }
            next += k;
        }
        return sub;
    }

    /** The number of sub-units {@link #split} made: one more than the largest id. */
    static int count(int[] sub) {
        int max = -1;
        for (int s : sub) {
            max = Math.max(max, s);
        }
        return max + 1;
    }
}
