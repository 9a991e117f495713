package org.anneal.ml.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Every eigenvalue and the leading eigenvectors of a symmetric matrix, the way LAPACK's {@code dsyevx} does it:
 * Householder reduction to tridiagonal form (the n³ part: row updates the JIT vectorises, rows in parallel), every
 * eigenvalue of the tridiagonal matrix by implicit QL (n²), and only the wanted eigenvectors by inverse iteration on
 * the tridiagonal matrix, mapped back through the Householder reflections (n² each). A full eigendecomposition would
 * also accumulate every rotation of the QL sweeps (about 3n³ more) for vectors nobody reads: PCA keeps a few axes but
 * shows every variance in its scree plot.
 *
 * <p>Deterministic: rows are split into fixed chunks, each value is computed by one thread in a fixed order, and the
 * starting vectors of inverse iteration come from a fixed seed.
 */
public final class SymmetricEigen {
    private static final double EPS = Math.ulp(1.0);
    /** Eigenvalues closer than this share of the matrix norm form a cluster whose vectors are kept orthogonal explicitly (LAPACK's ORTOL). */
    private static final double CLUSTER = 1e-3;
    private static final int INVERSE_STEPS = 4;
    private static final int CHUNK = 16;
    private static final int PARALLEL_FROM = 1 << 16;

    /**
     * @param values  every eigenvalue, largest first
     * @param vectors {@code vectors[k]}: a unit eigenvector of {@code values[k]}, for the first few k only
     */
    public record Result(double[] values, double[][] vectors) {
    }

    /** T = Qᵀ A Q; the Householder vector of step k is kept in row k of {@code reflectors} from column k + 1 on. */
    private record Tridiagonal(double[] diagonal, double[] offDiagonal, double[] beta, double[][] reflectors, double norm) {
    }

    private SymmetricEigen() {
    }

    /** All eigenvalues of the symmetric matrix {@code a} (left unchanged) and unit eigenvectors of the {@code wanted} largest. */
    public static Result largest(double[][] a, int wanted, Runnable checkCancelled) {
        int n = a.length;
        if (wanted > n) {
            throw new IllegalArgumentException(wanted + " eigenvectors of a " + n + " × " + n + " matrix");
        }
        double[][] work = new double[n][];
        for (int i = 0; i < n; i++) {
            work[i] = a[i].clone();
        }
        Tridiagonal t = tridiagonalise(work, checkCancelled);
        double[] values = qlEigenvalues(t.diagonal().clone(), Arrays.copyOf(t.offDiagonal(), n));
        double[][] vectors = new double[wanted][];
        SplittableRandom start = new SplittableRandom(0x5eedL);
        int clusterStart = 0;
        double shifted = Double.POSITIVE_INFINITY;
        for (int k = 0; k < wanted; k++) {
            checkCancelled.run();
            double lambda = values[k];
            if (k > 0 && values[k - 1] - lambda > CLUSTER * t.norm()) {
                clusterStart = k;
            }
            // an eigenvalue equal to the previous one would give the same factorisation and the same vector: shift it a hair
            double tol = 10 * EPS * Math.max(Math.abs(lambda), EPS * t.norm());
            if (shifted - lambda < tol) {
                lambda = shifted - tol;
            }
            shifted = lambda;
            double[] y = inverseIteration(t, lambda, Arrays.copyOfRange(vectors, clusterStart, k), start);
            vectors[k] = y;
        }
        for (int k = 0; k < wanted; k++) {
            vectors[k] = backTransform(t, vectors[k]);
        }
        return new Result(values, vectors);
    }

    /** Householder reduction (Golub and Van Loan, algorithm 8.3.1) on the full square, which {@code a} is overwritten with. */
    private static Tridiagonal tridiagonalise(double[][] a, Runnable checkCancelled) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[Math.max(n - 1, 0)];
        double[] beta = new double[n];
        double[] p = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            checkCancelled.run();
            double[] v = a[k];
            d[k] = v[k];
            int from = k + 1;
            double sigma = 0;
            for (int j = from + 1; j < n; j++) {
                sigma += v[j] * v[j];
            }
            double x0 = v[from];
            if (sigma == 0) {
                e[k] = x0; // already tridiagonal in this column: H = I
                continue;
            }
            double mu = Math.sqrt(x0 * x0 + sigma);
            double v0 = x0 <= 0 ? x0 - mu : -sigma / (x0 + mu);
            double b = 2 * v0 * v0 / (sigma + v0 * v0);
            v[from] = 1;
            for (int j = from + 1; j < n; j++) {
                v[j] /= v0;
            }
            beta[k] = b;
            e[k] = mu;
            // p = β S v on the trailing block S, then w = p − (β/2)(pᵀv) v, then S ← S − v wᵀ − w vᵀ
            forRows(from, n, n - from, i -> p[i] = b * Products.dot(a[i], v, from, n));
            double pv = Products.dot(p, v, from, n);
            double half = b / 2 * pv;
            for (int i = from; i < n; i++) {
                p[i] -= half * v[i];
            }
            forRows(from, n, n - from, i -> rankTwo(a[i], v, p, v[i], p[i], from, n));
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 2] = a[n - 2][n - 1];
        }
        if (n >= 1) {
            d[n - 1] = a[n - 1][n - 1];
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0));
        }
        return new Tridiagonal(d, e, beta, a, norm);
    }

    /** row ← row − vi·w − wi·v over [from, to): one short statement, so the JIT vectorises it. */
    private static void rankTwo(double[] row, double[] v, double[] w, double vi, double wi, int from, int to) {
        for (int j = from; j < to; j++) {
            row[j] = row[j] - (vi * w[j] + wi * v[j]);
        }
    }

    /** Runs body for rows [from, to) — in fixed chunks in parallel when the work is large enough to pay for it. */
    private static void forRows(int from, int to, int rowLength, IntConsumer body) {
        if ((long) (to - from) * rowLength < PARALLEL_FROM) {
            for (int i = from; i < to; i++) {
                body.accept(i);
            }
            return;
        }
        int chunks = (to - from + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = from + c * CHUNK; i < Math.min(to, from + (c + 1) * CHUNK); i++) {
                body.accept(i);
            }
        });
    }

    /**
     * Eigenvalues of the tridiagonal matrix (diagonal d, off-diagonal e with e[n-1] = 0), largest first, by the implicit
     * QL method with Wilkinson shifts (EISPACK tql1, as in JAMA's tql2 without the vectors).
     */
    static double[] qlEigenvalues(double[] d, double[] e) {
        int n = d.length;
        double f = 0;
        double tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
                m++;
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 60) {
                        throw new ArithmeticException("the QL iteration did not converge (non-finite values?)");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1;
                    double el1 = e[l + 1];
                    double s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double s = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = s;
        }
        return sorted;
    }

    /** √(a² + b²) without Math.hypot's cost; falls back to it only when the squares would overflow or underflow. */
    private static double hypot(double a, double b) {
        double s = a * a + b * b;
        return s > 1e-300 && s < 1e300 ? Math.sqrt(s) : Math.hypot(a, b);
    }

    /**
     * A unit eigenvector of the tridiagonal matrix for the eigenvalue {@code lambda} (LAPACK's dstein): a few solves of
     * (T − λI)y = x with partial pivoting, each followed by removing the components along the vectors already found for
     * the same cluster of eigenvalues.
     */
    private static double[] inverseIteration(Tridiagonal t, double lambda, double[][] cluster, SplittableRandom start) {
        double[] d = t.diagonal();
        double[] e = t.offDiagonal();
        int n = d.length;
        double tiny = EPS * Math.max(t.norm(), Double.MIN_NORMAL);
        // LU of T − λI with row interchanges: U has the diagonal u0 and two superdiagonals u1, u2
        double[] u0 = new double[n];
        double[] u1 = new double[n];
        double[] u2 = new double[n];
        double[] mult = new double[n];
        boolean[] swapped = new boolean[n];
        double w0 = d[0] - lambda;
        double w1 = n > 1 ? e[0] : 0;
        for (int i = 0; i + 1 < n; i++) {
            double below0 = e[i];
            double below1 = d[i + 1] - lambda;
            double below2 = i + 2 < n ? e[i + 1] : 0;
            if (Math.abs(below0) > Math.abs(w0)) {
                swapped[i] = true;
                u0[i] = below0;
                u1[i] = below1;
                u2[i] = below2;
                mult[i] = w0 / below0;
                double next0 = w1 - mult[i] * below1;
                w1 = -mult[i] * below2;
                w0 = next0;
            } else {
                if (w0 == 0) {
                    w0 = tiny;
                }
                u0[i] = w0;
                u1[i] = w1;
                mult[i] = below0 / w0;
                w0 = below1 - mult[i] * w1;
                w1 = below2;
            }
        }
        u0[n - 1] = w0 == 0 ? tiny : w0;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = start.nextDouble(-1, 1);
        }
        for (int step = 0; step < INVERSE_STEPS; step++) {
            for (int i = 0; i + 1 < n; i++) {
                if (swapped[i]) {
                    double s = y[i];
                    y[i] = y[i + 1];
                    y[i + 1] = s;
                }
                y[i + 1] -= mult[i] * y[i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                if (i + 1 < n) {
                    s -= u1[i] * y[i + 1];
                }
                if (i + 2 < n) {
                    s -= u2[i] * y[i + 2];
                }
                y[i] = s / (u0[i] == 0 ? tiny : u0[i]);
            }
            for (double[] z : cluster) {
                double proj = Products.dot(y, z, 0, n);
                for (int i = 0; i < n; i++) {
                    y[i] -= proj * z[i];
                }
            }
            double len = Math.sqrt(Products.dot(y, y, 0, n));
            for (int i = 0; i < n; i++) {
                y[i] /= len;
            }
        }
        return y;
    }

    /** z = Q y = H₀(H₁(⋯ H_{n−3} y)). */
    private static double[] backTransform(Tridiagonal t, double[] y) {
        double[] z = y.clone();
        int n = z.length;
        for (int k = n - 3; k >= 0; k--) {
            double b = t.beta()[k];
            if (b == 0) {
                continue;
            }
            double[] v = t.reflectors()[k];
            double s = b * Products.dot(v, z, k + 1, n);
            for (int j = k + 1; j < n; j++) {
                z[j] -= s * v[j];
            }
        }
        return z;
    }
}
