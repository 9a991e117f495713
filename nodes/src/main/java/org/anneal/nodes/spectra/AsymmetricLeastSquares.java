package org.anneal.nodes.spectra;

/**
 * The asymmetric least squares baseline of Eilers and Boelens (2005): a smooth curve z minimising
 * Σ wᵢ(yᵢ − zᵢ)² + λ Σ (Δ²zᵢ)², where points above the curve (peaks) get the small weight p and points below it 1 − p,
 * re-weighted for a fixed number of iterations starting from equal weights. Each step solves the pentadiagonal system
 * (W + λDᵀD) z = W y by a banded Cholesky factorisation, O(n) per spectrum.
 *
 * <p>An instance holds the work arrays for spectra of one length, so a thread going through many spectra allocates
 * nothing per spectrum. The factorisation runs in one pass with the forward substitution, and the back substitution
 * sets the next weights as it goes: two passes per iteration instead of four. Each pass is a chain of divisions and
 * square roots, every step waiting for the one before, so two spectra go through the loops side by side (lanes a and
 * b): the processor works on one while the other waits, nearly twice the spectra per second. Every value is computed
 * by the same operations in the same order as the four-pass form for one spectrum, so the results are the same to the
 * bit.
 */
final class AsymmetricLeastSquares {
    private final int n;
    /** DᵀD for second differences: diagonals 0, 1 and 2 of a symmetric band (d1 and d2 shifted to start at row 1, 2). */
    private final double[] d0;
    private final double[] d1;
    private final double[] d2;
    /** Per lane: weights, the three diagonals of L, the forward solution b. */
    private final Lane a;
    private final Lane b;
    /** Where a lone spectrum's twin lane writes (see {@link #baseline(double[], double, double, int, double[])}). */
    private final double[] spare;

    private static final class Lane {
        final double[] w;
        final double[] l0;
        final double[] l1;
        final double[] l2;
        final double[] b;

        Lane(int n) {
            w = new double[n];
            l0 = new double[n];
            l1 = new double[n];
            l2 = new double[n];
            b = new double[n];
        }
    }

    AsymmetricLeastSquares(int n) {
        this.n = n;
        d0 = new double[n];
        d1 = new double[Math.max(0, n - 1)];
        d2 = new double[Math.max(0, n - 2)];
        for (int i = 0; i < n - 2; i++) {
            d0[i] += 1;
            d0[i + 1] += 4;
            d0[i + 2] += 1;
            d1[i] -= 2;
            d1[i + 1] -= 2;
            d2[i] += 1;
        }
        a = new Lane(n);
        b = new Lane(n);
        spare = new double[n];
    }

    static double[] baseline(double[] y, double lambda, double p, int iterations) {
        double[] z = new double[y.length];
        new AsymmetricLeastSquares(y.length).baseline(y, lambda, p, iterations, z);
        return z;
    }

    /** The baseline of {@code y} (of this instance's length) into {@code z}; lane b repeats it, which costs little. */
    void baseline(double[] y, double lambda, double p, int iterations, double[] z) {
        baselines(y, z, y, spare, lambda, p, iterations);
    }

    /** The baselines of two spectra at once: {@code ya} into {@code za}, {@code yb} into {@code zb}. */
    void baselines(double[] ya, double[] za, double[] yb, double[] zb, double lambda, double p, int iterations) {
        if (n < 3) {
            System.arraycopy(ya, 0, za, 0, n);
            System.arraycopy(yb, 0, zb, 0, n);
            return;
        }
        java.util.Arrays.fill(a.w, 1);
        java.util.Arrays.fill(b.w, 1);
        java.util.Arrays.fill(za, 0);
        java.util.Arrays.fill(zb, 0);
        for (int it = 0; it < iterations; it++) {
            start(a, ya, lambda);
            start(b, yb, lambda);
            factorAndForward(ya, yb, lambda);
            end(a, ya, za, p);
            end(b, yb, zb, p);
            backAndReweight(ya, za, yb, zb, p);
        }
    }

    /**
     * Rows 0 and 1 of L Lᵀ = diag(w) + λ·band and L b = w·y, written out so the loop needs no bounds tests; their
     * terms beyond the matrix are the literal zeros of the general formula.
     */
    private void start(Lane s, double[] y, double lambda) {
        s.l2[0] = 0;
        s.l1[0] = 0;
        s.l0[0] = Math.sqrt(s.w[0] + lambda * d0[0] - s.l1[0] * s.l1[0] - s.l2[0] * s.l2[0]);
        s.b[0] = (s.w[0] * y[0] - 0 - 0) / s.l0[0];
        s.l2[1] = 0;
        s.l1[1] = (lambda * d1[0] - 0) / s.l0[0];
        s.l0[1] = Math.sqrt(s.w[1] + lambda * d0[1] - s.l1[1] * s.l1[1] - s.l2[1] * s.l2[1]);
        s.b[1] = (s.w[1] * y[1] - s.l1[1] * s.b[0] - 0) / s.l0[1];
    }

    /** Rows 2 … n−1 of the factorisation and forward substitution, both lanes in one loop. */
    private void factorAndForward(double[] ya, double[] yb, double lambda) {
        double[] wa = a.w, l0a = a.l0, l1a = a.l1, l2a = a.l2, ba = a.b;
        double[] wb = b.w, l0b = b.l0, l1b = b.l1, l2b = b.l2, bb = b.b;
        for (int i = 2; i < n; i++) {
            double a2 = lambda * d2[i - 2];
            double a1 = lambda * d1[i - 1];
            double ld0 = lambda * d0[i];
            double c2 = a2 / l0a[i - 2];
            double e2 = a2 / l0b[i - 2];
            double c1 = (a1 - c2 * l1a[i - 1]) / l0a[i - 1];
            double e1 = (a1 - e2 * l1b[i - 1]) / l0b[i - 1];
            double c0 = Math.sqrt(wa[i] + ld0 - c1 * c1 - c2 * c2);
            double e0 = Math.sqrt(wb[i] + ld0 - e1 * e1 - e2 * e2);
            l2a[i] = c2;
            l1a[i] = c1;
            l0a[i] = c0;
            l2b[i] = e2;
            l1b[i] = e1;
            l0b[i] = e0;
            ba[i] = (wa[i] * ya[i] - c1 * ba[i - 1] - c2 * ba[i - 2]) / c0;
            bb[i] = (wb[i] * yb[i] - e1 * bb[i - 1] - e2 * bb[i - 2]) / e0;
        }
    }

    /** The last two rows of Lᵀ z = b, and their next weights. */
    private void end(Lane s, double[] y, double[] z, double p) {
        z[n - 1] = (s.b[n - 1] - 0 - 0) / s.l0[n - 1];
        s.w[n - 1] = y[n - 1] > z[n - 1] ? p : 1 - p;
        z[n - 2] = (s.b[n - 2] - s.l1[n - 1] * z[n - 1] - 0) / s.l0[n - 2];
        s.w[n - 2] = y[n - 2] > z[n - 2] ? p : 1 - p;
    }

    /** Lᵀ z = b from row n−3 up, both lanes, and the weights for the next round from each z as it is known. */
    private void backAndReweight(double[] ya, double[] za, double[] yb, double[] zb, double p) {
        double[] wa = a.w, l0a = a.l0, l1a = a.l1, l2a = a.l2, ba = a.b;
        double[] wb = b.w, l0b = b.l0, l1b = b.l1, l2b = b.l2, bb = b.b;
        for (int i = n - 3; i >= 0; i--) {
            za[i] = (ba[i] - l1a[i + 1] * za[i + 1] - l2a[i + 2] * za[i + 2]) / l0a[i];
            zb[i] = (bb[i] - l1b[i + 1] * zb[i + 1] - l2b[i + 2] * zb[i + 2]) / l0b[i];
            wa[i] = ya[i] > za[i] ? p : 1 - p;
            wb[i] = yb[i] > zb[i] ? p : 1 - p;
        }
    }
}
