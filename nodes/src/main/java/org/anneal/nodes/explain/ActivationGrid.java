package org.anneal.nodes.explain;

import java.util.List;

/**
 * One layer's output for one sample drawn as a single grey picture, so layers of any shape share one image column:
 * an image layer [height, width, channels] as its channels side by side in a near-square grid (one pixel of gap), a
 * sequence [time, channels] as time down and channels across, a vector [units] as its units in a near-square block
 * (row by row). Each picture sits at the top left of a canvas as large as the largest layer's; the rest stays 0.
 */
final class ActivationGrid {
    private ActivationGrid() {
    }

    /** [rows, columns] of the picture of an output of {@code shape}. */
    static int[] size(List<Integer> shape) {
        return switch (shape.size()) {
            case 3 -> {
                int[] g = grid(shape.get(2));
                yield new int[] {g[0] * (shape.get(0) + 1) - 1, g[1] * (shape.get(1) + 1) - 1};
            }
            case 2 -> new int[] {shape.get(0), shape.get(1)};
            default -> grid(shape.get(0));
        };
    }

    /** [rows, columns] of a near-square grid of {@code n} cells: ceil(√n) columns. */
    static int[] grid(int n) {
        int cols = (int) Math.ceil(Math.sqrt(n));
        return new int[] {(n + cols - 1) / cols, cols};
    }

    /**
     * {@code values} (one sample's output of {@code shape}, table layout, last axis fastest) drawn into a canvas of
     * {@code canvasRows} × {@code canvasCols}.
     */
    static float[] draw(List<Integer> shape, float[] values, int canvasRows, int canvasCols) {
        float[] canvas = new float[canvasRows * canvasCols];
        if (shape.size() == 3) {
            int h = shape.get(0);
            int w = shape.get(1);
            int c = shape.get(2);
            int cols = grid(c)[1];
            for (int k = 0; k < c; k++) {
                int top = (k / cols) * (h + 1);
                int left = (k % cols) * (w + 1);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        canvas[(top + y) * canvasCols + left + x] = values[(y * w + x) * c + k];
                    }
                }
            }
            return canvas;
        }
        int cols = shape.size() == 2 ? shape.get(1) : grid(shape.get(0))[1];
        for (int i = 0; i < values.length; i++) {
            canvas[(i / cols) * canvasCols + i % cols] = values[i];
        }
        return canvas;
    }
}
