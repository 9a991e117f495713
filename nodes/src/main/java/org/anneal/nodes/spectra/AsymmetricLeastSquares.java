package org.anneal.nodes.spectra;

/**
 * The asymmetric least squares baseline of Eilers and Boelens (2005): a smooth curve z minimising
 * Σ wᵢ(yᵢ − zᵢ)² + λ Σ (Δ²zᵢ)², where points above the curve (peaks) get the small weight p and points below it 1 − p,
 * re-weighted for a fixed number of iterations starting from equal weights. Each step solves the pentadiagonal system
 * (W + λDᵀD) z = W y by a banded Cholesky factorisation, O(n) per spectrum.
 *
 * <p>An instance holds the work arrays for spectra of one length, so a thread going through many spectra allocates
 * nothing per spectrum. The factorisation runs in one pass with the forward substitution, and the back substitution
 * sets the next weights as it goes: two passes per iteration instead of four, with every value computed by the same
 * operations in the same order as the four-pass form, so the results are the same to the bit.
 */
final class AsymmetricLeastSquares {
    private final int n;
    /** DᵀD for second differences: diagonals 0, 1 and 2 of a symmetric band (d1 and d2 shifted to start at row 1, 2). */
    private final double[] d0;
    private final double[] d1;
    private final double[] d2;
    private final double[] w;
    private final double[] l0;
    private final double[] l1;
    private final double[] l2;
    private final double[] b;

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
        w = new double[n];
        l0 = new double[n];
        l1 = new double[n];
        l2 = new double[n];
        b = new double[n];
    }

    static double[] baseline(double[] y, double lambda, double p, int iterations) {
        double[] z = new double[y.length];
        new AsymmetricLeastSquares(y.length).baseline(y, lambda, p, iterations, z);
        return z;
    }

    /** The baseline of {@code y} (of this instance's length) into {@code z}. */
    void baseline(double[] y, double lambda, double p, int iterations, double[] z) {
        if (n < 3) {
            System.arraycopy(y, 0, z, 0, n);
            return;
        }
        java.util.Arrays.fill(w, 1);
        java.util.Arrays.fill(z, 0);
        for (int it = 0; it < iterations; it++) {
            factorAndForward(y, lambda);
            backAndReweight(y, p, z);
        }
    }

    /**
     * L Lᵀ = diag(w) + λ·band, L lower triangular with two sub-diagonals, and L b = w·y, row by row. Rows 0 and 1 are
     * written out so the loop needs no bounds tests; their terms beyond the matrix are the literal zeros of the general
     * formula.
     */
    private void factorAndForward(double[] y, double lambda) {
        l2[0] = 0;
        l1[0] = 0;
        l0[0] = Math.sqrt(w[0] + lambda * d0[0] - l1[0] * l1[0] - l2[0] * l2[0]);
        b[0] = (w[0] * y[0] - 0 - 0) / l0[0];
        double a1 = lambda * d1[0];
        l2[1] = 0;
        l1[1] = (a1 - 0) / l0[0];
        l0[1] = Math.sqrt(w[1] + lambda * d0[1] - l1[1] * l1[1] - l2[1] * l2[1]);
        b[1] = (w[1] * y[1] - l1[1] * b[0] - 0) / l0[1];
        for (int i = 2; i < n; i++) {
            double a2 = lambda * d2[i - 2];
            a1 = lambda * d1[i - 1];
            double c2 = a2 / l0[i - 2];
            double c1 = (a1 - c2 * l1[i - 1]) / l0[i - 1];
            double c0 = Math.sqrt(w[i] + lambda * d0[i] - c1 * c1 - c2 * c2);
            l2[i] = c2;
            l1[i] = c1;
            l0[i] = c0;
            b[i] = (w[i] * y[i] - c1 * b[i - 1] - c2 * b[i - 2]) / c0;
        }
    }

    /** Lᵀ z = b from the last row up, and the weights for the next round from each z as it is known. */
    private void backAndReweight(double[] y, double p, double[] z) {
        z[n - 1] = (b[n - 1] - 0 - 0) / l0[n - 1];
        w[n - 1] = y[n - 1] > z[n - 1] ? p : 1 - p;
        z[n - 2] = (b[n - 2] - l1[n - 1] * z[n - 1] - 0) / l0[n - 2];
        w[n - 2] = y[n - 2] > z[n - 2] ? p : 1 - p;
        for (int i = n - 3; i >= 0; i--) {
            z[i] = (b[i] - l1[i + 1] * z[i + 1] - l2[i + 2] * z[i + 2]) / l0[i];
            w[i] = y[i] > z[i] ? p : 1 - p;
        }
    }
}
