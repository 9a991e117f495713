package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.List;

/**
 * Isotonic regression by pool-adjacent-violators (Ayer et al. 1955; used for calibration by Zadrozny &amp; Elkan 2002):
 * the non-decreasing step function closest in squared error to the points. Points are taken in order of x (equal x
 * pooled first, so the function is defined); whenever a block's mean falls below the mean of the block before it, the
 * two are merged into one block with their pooled mean, until the means rise.
 *
 * @param starts the smallest x of each block, increasing
 * @param values each block's fitted value, non-decreasing
 */
record Pav(double[] starts, double[] values) {

    static Pav fit(double[] x, double[] y) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        List<double[]> blocks = new ArrayList<>(); // {start x, sum of y, count}
        for (int idx : order) {
            double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last != null && last[0] == x[idx]) {
                last[1] += y[idx];
                last[2] += 1;
            } else {
                blocks.add(new double[] {x[idx], y[idx], 1});
            }
            while (blocks.size() > 1) {
                double[] cur = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[1] / prev[2] <= cur[1] / cur[2]) {
                    break;
                }
                prev[1] += cur[1];
                prev[2] += cur[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] starts = new double[blocks.size()];
        double[] values = new double[blocks.size()];
        for (int b = 0; b < starts.length; b++) {
            starts[b] = blocks.get(b)[0];
            values[b] = blocks.get(b)[1] / blocks.get(b)[2];
        }
        return new Pav(starts, values);
    }

    /** The value of the block that {@code x} falls in (the last block starting at or below it; the first block below all). */
    double at(double x) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return values[lo];
    }
}
