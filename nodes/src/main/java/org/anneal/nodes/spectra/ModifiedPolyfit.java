package org.anneal.nodes.spectra;

/**
 * The modified polyfit baseline (Lieber and Mahadevan-Jansen, Appl. Spectrosc. 57 (2003) 1363): fit a polynomial by least
 * squares, lower every point that lies above the fit onto it, and fit again, until the fit stops moving. Peaks then no
 * longer pull the curve up, and it settles under the spectrum's lower envelope.
 *
 * <p>The polynomial is written in Legendre polynomials of the channel index mapped onto [−1, 1]: on an even grid they are
 * nearly orthogonal, so the normal equations stay well conditioned up to degree 12, where powers of x would not. The normal
 * matrix is the same every round, so it is factored once (Cholesky) and each round costs O(n · degree).
 */
final class ModifiedPolyfit {
    /** Stop when no point of the fit moves by more than this share of the spectrum's range. */
    static final double TOLERANCE = 1e-6;

    private final int k;
    private final double[][] basis;
    private final double[][] chol;
    private final double[] work;

    /** A fitter for spectra of {@code n} channels: the basis and the factored normal matrix, made once per thread. */
    ModifiedPolyfit(int n, int degree) {
        k = Math.min(degree, n - 1) + 1;
        basis = legendre(n, k);
        chol = cholesky(gram(basis, n, k));
        work = new double[n];
    }

    static double[] baseline(double[] y, int degree, int maxRounds) {
        double[] fit = new double[y.length];
        new ModifiedPolyfit(y.length, degree).baseline(y, maxRounds, fit);
        return fit;
    }

    /** Writes the baseline of {@code y} into {@code fit} (length n). */
    void baseline(double[] y, int maxRounds, double[] fit) {
        int n = y.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double tol = TOLERANCE * Math.max(hi - lo, Double.MIN_NORMAL);
        System.arraycopy(y, 0, work, 0, n);
        java.util.Arrays.fill(fit, 0);
        for (int round = 0; round < Math.max(1, maxRounds); round++) {
            double[] c = solve(chol, project(basis, work, k));
            double moved = 0;
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < k; j++) {
                    f += c[j] * basis[j][i];
                }
                moved = Math.max(moved, Math.abs(f - fit[i]));
                fit[i] = f;
                work[i] = Math.min(work[i], f);
            }
            if (round > 0 && moved < tol) {
                break;
            }
        }
    }

    /** P_0 … P_{k−1} at n points spread evenly over [−1, 1], by Bonnet's recursion (j+1) P_{j+1} = (2j+1) x P_j − j P_{j−1}. */
    private static double[][] legendre(int n, int k) {
        double[][] p = new double[k][n];
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? 0 : -1 + 2.0 * i / (n - 1);
            p[0][i] = 1;
            if (k > 1) {
                p[1][i] = x;
            }
            for (int j = 1; j + 1 < k; j++) {
                p[j + 1][i] = ((2 * j + 1) * x * p[j][i] - j * p[j - 1][i]) / (j + 1);
            }
        }
        return p;
    }

    private static double[][] gram(double[][] b, int n, int k) {
        double[][] g = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c <= a; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += b[a][i] * b[c][i];
                }
                g[a][c] = s;
                g[c][a] = s;
            }
        }
        return g;
    }

    private static double[] project(double[][] b, double[] y, int k) {
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += b[j][i] * y[i];
            }
            r[j] = s;
        }
        return r;
    }

    /** The lower factor L of a symmetric positive definite matrix, L·Lᵀ = a. */
    private static double[][] cholesky(double[][] a) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }

    private static double[] solve(double[][] l, double[] b) {
        int k = b.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * z[m];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int m = i + 1; m < k; m++) {
                s -= l[m][i] * x[m];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
