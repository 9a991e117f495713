package org.anneal.nodes.model;

/**
 * Cholesky factor L (A = L·Lᵀ) of a small symmetric positive-definite matrix held as plain arrays, with the solves
 * and the inverse the Gaussian-process likelihood gradients need (Tribuo's factorisation offers no inverse).
 */
final class DenseCholesky {
    private final double[][] l;

    private DenseCholesky(double[][] l) {
        this.l = l;
    }

    /** The factor of {@code a}, or null when {@code a} is not positive definite (to working precision). */
    static DenseCholesky of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                d -= lj[k] * lj[k];
            }
            if (!(d > 0)) {
                return null;
            }
            double diag = Math.sqrt(d);
            lj[j] = diag;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                li[j] = s / diag;
            }
        }
        return new DenseCholesky(l);
    }

    /** log det A = 2 Σ log L_ii. */
    double logDet() {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += 2 * Math.log(l[i][i]);
        }
        return s;
    }

    /** Half the log determinant, Σ log L_ii (as R&W's algorithms write it). */
    double halfLogDet() {
        return logDet() / 2;
    }

    /** L \ b. */
    double[] forward(double[] b) {
        int n = l.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * x[k];
            }
            x[i] = s / li[i];
        }
        return x;
    }

    /** Lᵀ \ b. */
    double[] backward(double[] b) {
        int n = l.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** A \ b. */
    double[] solve(double[] b) {
        return backward(forward(b));
    }

    /** A⁻¹, column by column. */
    double[][] inverse() {
        int n = l.length;
        double[][] inv = new double[n][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] col = solve(e);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                inv[i][j] = col[i];
            }
        }
        return inv;
    }
}
