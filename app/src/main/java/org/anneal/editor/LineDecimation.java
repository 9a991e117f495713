package org.anneal.editor;

import java.util.Arrays;

/**
 * Thins a long curve (a loss per iteration) to what a screen can show without changing how it looks: per
 * pixel column, the first, lowest, highest and last point, in their original order. Spikes survive, which
 * plain every-n-th sampling would drop. Gaps (NaN) are kept as gaps (index -1).
 */
final class LineDecimation {
    private LineDecimation() {
    }

    /** Indices of the points to draw, -1 for a gap; unchanged (all indices) when the curve is short enough. */
    static int[] keep(double[] x, double[] y, AxisScale xs, double maxPoints) {
        int n = x.length;
        int[] out = new int[Math.min(n, (int) Math.max(16, maxPoints) + n / 2) + 8];
        int size = 0;
        int bucketStart = -1;
        long column = Long.MIN_VALUE;
        int lo = -1, hi = -1, last = -1;
        for (int i = 0; i <= n; i++) {
            boolean finite = i < n && Double.isFinite(x[i]) && Double.isFinite(y[i]);
            long col = finite ? (long) Math.floor(xs.toPixel(x[i])) : Long.MIN_VALUE;
            if (bucketStart >= 0 && (!finite || col != column)) {
                int[] four = {bucketStart, lo, hi, last};
                Arrays.sort(four);
                for (int k = 0; k < 4; k++) {
                    if (k == 0 || four[k] != four[k - 1]) {
                        out = grow(out, size);
                        out[size++] = four[k];
                    }
                }
                bucketStart = -1;
            }
            if (i == n) {
                break;
            }
            if (!finite) {
                if (size > 0 && out[size - 1] != -1) {
                    out = grow(out, size);
                    out[size++] = -1;
                }
                continue;
            }
            if (bucketStart < 0) {
                bucketStart = lo = hi = i;
                column = col;
            }
            if (y[i] < y[lo]) {
                lo = i;
            }
            if (y[i] > y[hi]) {
                hi = i;
            }
            last = i;
        }
        return Arrays.copyOf(out, size);
    }

    private static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }
}
