package org.anneal.nodes.model;

/**
 * The log marginal likelihood of a zero-mean GP with one length scale per feature (automatic relevance determination)
 * and its analytic gradient, in log parameters θ = (log ℓ₁ … log ℓ_D, log σ_f², log σ_n²):
 * <pre>
 *   K = σ_f² k(x, x') + σ_n² I,   log p(z) = −½ zᵀα − ½ log|K| − n/2 log 2π,   α = K⁻¹ z
 *   ∂ log p / ∂θ_j = ½ tr((α αᵀ − K⁻¹) ∂K/∂θ_j)                           (Rasmussen & Williams, eq. 5.9)
 *   ∂K/∂log ℓ_k = σ_f² · k · d_k²/ℓ_k²  (RBF),   σ_f² · 5/3 (1 + r) e^{−r} · d_k²/ℓ_k²  (Matérn 5/2)
 *   ∂K/∂log σ_f² = σ_f² k,   ∂K/∂log σ_n² = σ_n² I
 * </pre>
 * where d_k is the difference in feature k and r = √(5 Σ d_k²/ℓ_k²).
 */
final class ArdLikelihood {
    private final double[][] x;
    private final double[] z;
    private final boolean matern;

    /** {@code x}: rows × features (raw units); {@code z}: the standardized target. */
    ArdLikelihood(double[][] x, double[] z, boolean matern) {
        this.x = x;
        this.z = z;
        this.matern = matern;
    }

    int dimensions() {
        return x[0].length + 2;
    }

    /** Value and gradient at {@code theta}; null when K is not positive definite there. */
    Bfgs.Point at(double[] theta) {
        int n = z.length;
        int d = x[0].length;
        double[] inv2 = new double[d];
        for (int k = 0; k < d; k++) {
            inv2[k] = Math.exp(-2 * theta[k]);
        }
        double signal = Math.exp(theta[d]);
        double noise = Math.exp(theta[d + 1]);
        double[][] unit = new double[n][n];
        double[][] slope = new double[n][n]; // ∂k/∂(log ℓ_k) divided by d_k²/ℓ_k²
        double[][] kmat = new double[n][n];
        for (int a = 0; a < n; a++) {
            unit[a][a] = 1;
            slope[a][a] = matern ? 5.0 / 3 : 1;
            kmat[a][a] = signal + noise;
            for (int b = 0; b < a; b++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[a][k] - x[b][k];
                    s += diff * diff * inv2[k];
                }
                double kv;
                double g;
                if (matern) {
                    double r = Math.sqrt(5 * s);
                    double e = Math.exp(-r);
                    kv = (1 + r + r * r / 3) * e;
                    g = 5.0 / 3 * (1 + r) * e;
                } else {
                    kv = Math.exp(-s / 2);
                    g = kv;
                }
                unit[a][b] = unit[b][a] = kv;
                slope[a][b] = slope[b][a] = g;
                kmat[a][b] = kmat[b][a] = signal * kv;
            }
        }
        DenseCholesky chol = DenseCholesky.of(kmat);
        if (chol == null) {
            return null;
        }
        double[] alpha = chol.solve(z);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += z[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * chol.logDet() - 0.5 * n * Math.log(2 * Math.PI);
        double[][] w = chol.inverse();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                w[a][b] = alpha[a] * alpha[b] - w[a][b];
            }
        }
        double[] grad = new double[d + 2];
        for (int a = 0; a < n; a++) {
            grad[d] += 0.5 * w[a][a] * signal;
            grad[d + 1] += 0.5 * w[a][a] * noise;
            for (int b = 0; b < a; b++) {
                // both (a, b) and (b, a): the factor ½ cancels
                grad[d] += w[a][b] * signal * unit[a][b];
                double common = w[a][b] * signal * slope[a][b];
                for (int k = 0; k < d; k++) {
                    double diff = x[a][k] - x[b][k];
                    grad[k] += common * diff * diff * inv2[k];
                }
            }
        }
        return new Bfgs.Point(theta.clone(), value, grad);
    }
}
