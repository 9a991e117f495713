package org.anneal.nodes.spectra;

/**
 * The SNIP baseline (statistics-sensitive non-linear iterative peak clipping; Ryan et al. 1988, Morháč 2009): for window
 * half-widths p = 1 … {@code width}, every point is replaced by the mean of its neighbours p channels away when that mean
 * is lower. Peaks narrower than about twice the width are clipped away; a straight or convex background stays as it is.
 * Points within {@code p} of either end are left alone at step p.
 */
final class Snip {
    private Snip() {
    }

    static double[] baseline(double[] y, int width) {
        return baseline(y, width, new double[y.length], new double[y.length]);
    }

    /** The same with two work arrays of y's length; the result is one of them. */
    static double[] baseline(double[] y, int width, double[] work, double[] spare) {
        int n = y.length;
        double[] v = work;
        System.arraycopy(y, 0, v, 0, n);
        double[] next = spare;
        for (int p = 1; p <= width && 2 * p < n; p++) {
            System.arraycopy(v, 0, next, 0, n);
            for (int i = p; i < n - p; i++) {
                next[i] = Math.min(v[i], 0.5 * (v[i - p] + v[i + p]));
            }
            double[] t = v;
            v = next;
            next = t;
        }
        return v;
    }
}
