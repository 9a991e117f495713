package org.anneal.nodes.signals;

/**
 * The smoothing kernels of signals.smooth, on one series in time order. Every output sample has a value: near the ends a
 * moving average uses the samples that exist (as pandas' rolling mean with min_periods = 1), so the series keeps its length.
 */
final class Smoothing {
    private Smoothing() {
    }

    /**
     * Mean over the window of each sample: [i − w + 1, i] (trailing) or [i − w/2, i + (w − 1)/2] (centred; an even window
     * takes its extra sample from the past), cut to the series.
     */
    static double[] movingAverage(double[] y, int w, SmoothNode.Alignment a) {
        int before = a == SmoothNode.Alignment.TRAILING ? w - 1 : w / 2;
        int after = w - 1 - before;
        double[] prefix = new double[y.length + 1];
        for (int i = 0; i < y.length; i++) {
            prefix[i + 1] = prefix[i] + y[i];
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int lo = Math.max(0, i - before);
            int hi = Math.min(y.length - 1, i + after);
            out[i] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
        }
        return out;
    }

    /** Exponentially weighted mean s_i = α·y_i + (1 − α)·s_{i−1}, s_0 = y_0: past samples only, by construction. */
    static double[] exponential(double[] y, double alpha) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = i == 0 ? y[0] : alpha * y[i] + (1 - alpha) * out[i - 1];
        }
        return out;
    }

    /** Median of the window (trailing or centred as for the mean): keeps steps, removes spikes shorter than half the window. */
    static double[] median(double[] y, int w, SmoothNode.Alignment a) {
        int before = a == SmoothNode.Alignment.TRAILING ? w - 1 : w / 2;
        int after = w - 1 - before;
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int lo = Math.max(0, i - before);
            int hi = Math.min(y.length - 1, i + after);
            double[] win = java.util.Arrays.copyOfRange(y, lo, hi + 1);
            java.util.Arrays.sort(win);
            int m = win.length;
            out[i] = m % 2 == 1 ? win[m / 2] : (win[m / 2 - 1] + win[m / 2]) / 2;
        }
        return out;
    }
}
