package org.anneal.nodes.spectra;

/**
 * The asymmetric least squares baseline of Eilers and Boelens (2005): a smooth curve z minimising
 * Σ wᵢ(yᵢ − zᵢ)² + λ Σ (Δ²zᵢ)², where points above the curve (peaks) get the small weight p and points below it 1 − p,
 * re-weighted for a fixed number of iterations starting from equal weights. Each step solves the pentadiagonal system
 * (W + λDᵀD) z = W y by a banded Cholesky factorisation, O(n) per spectrum.
 */
final class AsymmetricLeastSquares {
    private AsymmetricLeastSquares() {
    }

    static double[] baseline(double[] y, double lambda, double p, int iterations) {
        int n = y.length;
        if (n < 3) {
            return y.clone();
        }
        // DᵀD for second differences: diagonals 0, 1 and 2 of a symmetric band
        double[] d0 = new double[n];
        double[] d1 = new double[n - 1];
        double[] d2 = new double[n - 2];
        for (int i = 0; i < n - 2; i++) {
            d0[i] += 1;
            d0[i + 1] += 4;
            d0[i + 2] += 1;
            d1[i] -= 2;
            d1[i + 1] -= 2;
            d2[i] += 1;
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        double[] z = new double[n];
        for (int it = 0; it < iterations; it++) {
            z = solve(w, y, lambda, d0, d1, d2);
            for (int i = 0; i < n; i++) {
                w[i] = y[i] > z[i] ? p : 1 - p;
            }
        }
        return z;
    }

    /** Solves (diag(w) + λ·band) z = w·y with L Lᵀ, L lower triangular with two sub-diagonals. */
    private static double[] solve(double[] w, double[] y, double lambda, double[] d0, double[] d1, double[] d2) {
        int n = y.length;
        double[] l0 = new double[n];
        double[] l1 = new double[n];
        double[] l2 = new double[n];
        for (int i = 0; i < n; i++) {
            double a2 = i >= 2 ? lambda * d2[i - 2] : 0;
            double a1 = i >= 1 ? lambda * d1[i - 1] : 0;
            l2[i] = i >= 2 ? a2 / l0[i - 2] : 0;
            l1[i] = i >= 1 ? (a1 - (i >= 2 ? l2[i] * l1[i - 1] : 0)) / l0[i - 1] : 0;
            l0[i] = Math.sqrt(w[i] + lambda * d0[i] - l1[i] * l1[i] - l2[i] * l2[i]);
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double s = w[i] * y[i] - (i >= 1 ? l1[i] * b[i - 1] : 0) - (i >= 2 ? l2[i] * b[i - 2] : 0);
            b[i] = s / l0[i];
        }
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i] - (i + 1 < n ? l1[i + 1] * z[i + 1] : 0) - (i + 2 < n ? l2[i + 2] * z[i + 2] : 0);
            z[i] = s / l0[i];
        }
        return z;
    }
}
