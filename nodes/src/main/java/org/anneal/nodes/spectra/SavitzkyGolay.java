package org.anneal.nodes.spectra;

/**
 * Savitzky–Golay smoothing and derivatives: a polynomial of degree {@code order} fitted by least squares to each window
 * of {@code window} points, evaluated (or differentiated) at the window's centre. The first and last half-windows are
 * taken from the polynomial fitted to the first and last full window, as scipy.signal.savgol_filter does with
 * mode='interp', so the output has the input's length and matches scipy to 1e-9 (tests).
 */
final class SavitzkyGolay {
    private final int window;
    private final int half;
    /** {@code weights[t][j]}: weight of window point j in the value at window position t (t = half is the centre). */
    private final double[][] weights;

    /**
     * @param deriv order of the derivative (0 for smoothing)
     * @param delta spacing of the samples, for derivatives in units of the axis
     */
    SavitzkyGolay(int window, int order, int deriv, double delta) {
        if (window % 2 == 0 || window < 3 || order >= window || order < 0 || deriv < 0 || deriv > order) {
            throw new IllegalArgumentException("Savitzky-Golay needs an odd window of at least 3 points, larger than the order");
        }
        this.window = window;
        this.half = window / 2;
        // positions scaled to [-1, 1] keep the normal equations well conditioned
        double[][] v = new double[window][order + 1];
        for (int j = 0; j < window; j++) {
            double u = (j - half) / (double) half;
            for (int k = 0; k <= order; k++) {
                v[j][k] = Math.pow(u, k);
            }
        }
        double[][] a = leastSquares(v, order + 1); // (order+1) × window: coefficients from the window's values
        double scale = Math.pow(1.0 / (half * delta), deriv);
        weights = new double[window][window];
        for (int t = 0; t < window; t++) {
            double u = (t - half) / (double) half;
            for (int k = deriv; k <= order; k++) {
                double factor = fallingFactorial(k, deriv) * Math.pow(u, k - deriv) * scale;
                for (int j = 0; j < window; j++) {
                    weights[t][j] += factor * a[k][j];
                }
            }
        }
    }

    double[] filter(double[] y) {
        double[] out = new double[y.length];
        filter(y, out);
        return out;
    }

    /** Filters {@code y} into {@code out} (its length); the weights are shared, so one filter may serve many threads. */
    void filter(double[] y, double[] out) {
        int n = y.length;
        if (n < window) {
            throw new IllegalArgumentException("a spectrum of " + n + " channels is shorter than the window of " + window);
        }
        for (int i = half; i < n - half; i++) {
            out[i] = dot(weights[half], y, i - half);
        }
        for (int t = 0; t < half; t++) {
            out[t] = dot(weights[t], y, 0);
            out[n - half + t] = dot(weights[half + 1 + t], y, n - window);
        }
    }

    private double dot(double[] w, double[] y, int from) {
        double s = 0;
        for (int j = 0; j < window; j++) {
            s += w[j] * y[from + j];
        }
        return s;
    }

    private static double fallingFactorial(int k, int d) {
        double f = 1;
        for (int i = 0; i < d; i++) {
            f *= k - i;
        }
        return f;
    }

    /** (VᵀV)⁻¹Vᵀ by Gauss–Jordan elimination with partial pivoting on the small normal equations. */
    private static double[][] leastSquares(double[][] v, int m) {
        int n = v.length;
        double[][] aug = new double[m][m + n];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                for (int j = 0; j < n; j++) {
                    aug[r][c] += v[j][r] * v[j][c];
                }
            }
            for (int j = 0; j < n; j++) {
                aug[r][m + j] = v[j][r];
            }
        }
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                pivot = Math.abs(aug[r][col]) > Math.abs(aug[pivot][col]) ? r : pivot;
            }
            double[] tmp = aug[col];
            aug[col] = aug[pivot];
            aug[pivot] = tmp;
            double d = aug[col][col];
            for (int c = 0; c < m + n; c++) {
                aug[col][c] /= d;
            }
            for (int r = 0; r < m; r++) {
                if (r != col && aug[r][col] != 0) {
                    double f = aug[r][col];
                    for (int c = 0; c < m + n; c++) {
                        aug[r][c] -= f * aug[col][c];
                    }
                }
            }
        }
        double[][] out = new double[m][n];
        for (int r = 0; r < m; r++) {
            System.arraycopy(aug[r], m, out[r], 0, n);
        }
        return out;
    }
}
