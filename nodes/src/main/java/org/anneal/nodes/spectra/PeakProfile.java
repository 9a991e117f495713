package org.anneal.nodes.spectra;

import org.anneal.spec.Choice;

/**
 * Line shapes for fitting one peak, each of height 1 at its centre c with full width at half maximum w: Gaussian
 * exp(−4 ln2 (x − c)²/w²), Lorentzian 1/(1 + 4(x − c)²/w²), and their pseudo-Voigt mix η·L + (1 − η)·G. The fit
 * adds an amplitude and a constant background: y = b + A·f(x). Levenberg–Marquardt on the squared error with a numerical
 * Jacobian; a few dozen points and four or five parameters need nothing heavier.
 */
public enum PeakProfile {
    NONE, GAUSSIAN, LORENTZIAN, @Choice("pseudo-voigt") PSEUDO_VOIGT;

    static final double LN2x4 = 4 * Math.log(2);

    int parameters() {
        return this == PSEUDO_VOIGT ? 5 : 4;
    }

    /** p = [A, c, w, b, (η)] */
    double value(double x, double[] p) {
        double u = (x - p[1]) / p[2];
        double g = Math.exp(-LN2x4 * u * u);
        double l = 1 / (1 + 4 * u * u);
        double f = switch (this) {
            case GAUSSIAN -> g;
            case LORENTZIAN -> l;
            case PSEUDO_VOIGT -> p[4] * l + (1 - p[4]) * g;
            case NONE -> 0;
        };
        return p[3] + p[0] * f;
    }

    /** Fits the profile to (x, y) from the start {@code p}; returns the parameters and, last, the root-mean-square residual. */
    double[] fit(double[] x, double[] y, double[] start) {
        int m = parameters();
        double[] p = start.clone();
        double lambda = 1e-3;
        double cost = cost(x, y, p);
        for (int iter = 0; iter < 200; iter++) {
            double[][] jtj = new double[m][m];
            double[] jtr = new double[m];
            double[][] jac = new double[x.length][m];
            for (int k = 0; k < m; k++) {
                double h = 1e-6 * Math.max(1, Math.abs(p[k]));
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                for (int i = 0; i < x.length; i++) {
                    jac[i][k] = (value(x[i], up) - value(x[i], down)) / (2 * h);
                }
            }
            for (int i = 0; i < x.length; i++) {
                double r = y[i] - value(x[i], p);
                for (int a = 0; a < m; a++) {
                    jtr[a] += jac[i][a] * r;
                    for (int b = 0; b < m; b++) {
                        jtj[a][b] += jac[i][a] * jac[i][b];
                    }
                }
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double[][] a = new double[m][m];
                for (int r = 0; r < m; r++) {
                    a[r] = jtj[r].clone();
                    a[r][r] += lambda * Math.max(jtj[r][r], 1e-12);
                }
                double[] step = solve(a, jtr.clone());
                double[] trial = new double[m];
                for (int k = 0; k < m; k++) {
                    trial[k] = p[k] + (step == null ? 0 : step[k]);
                }
                trial[2] = Math.max(Math.abs(trial[2]), 1e-9);
                if (m == 5) {
                    trial[4] = Math.min(1, Math.max(0, trial[4]));
                }
                double c = cost(x, y, trial);
                if (step != null && c < cost) {
                    improved = cost - c > 1e-12 * cost;
                    p = trial;
                    cost = c;
                    lambda = Math.max(lambda / 10, 1e-12);
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                break;
            }
        }
        double[] out = java.util.Arrays.copyOf(p, m + 1);
        out[m] = Math.sqrt(cost / x.length);
        return out;
    }

    private double cost(double[] x, double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - value(x[i], p);
            s += r * r;
        }
        return s;
    }

    /**
     * Solves the damped normal equations by Cholesky factorisation: JᵀJ + λ·diag(JᵀJ) is symmetric and positive definite
     * whenever the damping is on; null when it is not (a parameter the data do not constrain), so the caller damps harder.
     */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-300)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
