package org.anneal.nodes.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Kernel SHAP (Lundberg and Lee, "A unified approach to interpreting model predictions", NeurIPS 2017), written
 * here because no maintained Java library implements it. The value of a coalition S of features is the mean model
 * output when the features in S take the explained row's values and the others a background row's (the
 * interventional value function). Shapley values are the weighted least-squares fit of those values with the
 * Shapley kernel weights (M − 1) / (C(M, |S|) |S| (M − |S|)), solved with the efficiency constraint
 * Σ φ_j = f(x) − E f built in by eliminating the last feature. With every coalition enumerated the result is the
 * exact Shapley value; beyond {@link #EXACT_LIMIT} features (or when 2^M − 2 exceeds the sampling budget) coalitions
 * are sampled by size in proportion to the kernel (each then weighs the same), which converges to it as samples grow.
 */
final class KernelShap {
    /** Up to this many features every one of the 2^M − 2 proper coalitions is evaluated. */
    static final int EXACT_LIMIT = 12;
    /** Rows per call of the model: large enough to amortise its overhead, small enough for memory. */
    static final int BLOCK_ROWS = 20_000;

    private final Function<double[][], double[]> model;
    private final double[][] background;
    private final int m;
    private final List<boolean[]> coalitions = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    private final double expected;
    private final Runnable cancelled;

    /**
     * @param model      the explained output for feature-major columns
     * @param background feature-major background rows
     * @param samples    the coalition budget: all 2^M − 2 are enumerated when they fit in it (and M ≤ {@link #EXACT_LIMIT}),
     *                   else this many are drawn
     * @param checkCancelled throws to abandon the work (the executor's cancel)
     */
    KernelShap(Function<double[][], double[]> model, double[][] background, int samples, long seed, Runnable checkCancelled) {
        this.model = model;
        this.cancelled = checkCancelled;
        this.background = background;
        this.m = background.length;
        // enumerate when that is exact and no dearer than the sampling budget (2^12 − 2 = 4094 coalitions at most)
        if (m <= EXACT_LIMIT && (1 << m) - 2 <= Math.max(samples, 2)) {
            for (int mask = 1; mask < (1 << m) - 1; mask++) {
                boolean[] z = new boolean[m];
                int size = 0;
                for (int j = 0; j < m; j++) {
                    z[j] = (mask >> j & 1) == 1;
                    size += z[j] ? 1 : 0;
                }
                coalitions.add(z);
                weights.add((m - 1) / (binomial(m, size) * size * (m - size)));
            }
        } else {
            sample(samples, new SplittableRandom(seed));
        }
        double[] f = model.apply(background);
        double sum = 0;
        for (double v : f) {
            sum += v;
        }
        expected = sum / f.length;
    }

    /** E f: the mean output over the background rows, the base every explanation starts from. */
    double expected() {
        return expected;
    }

    int coalitionCount() {
        return coalitions.size();
    }

    /** Shapley values of one row ({@code x} holds its feature values); their sum is f(x) − E f. */
    double[] explain(double[] x) {
        int nb = background[0].length;
        if (m == 1) {
            return new double[] {model.apply(column(x, nb, new boolean[] {true}))[0] - expected};
        }
        double[] value = coalitionValues(x, nb);
        double fx = model.apply(column(x, 1, allTrue()))[0];
        double delta = fx - expected;
        // eliminate φ_last = Δ − Σ_{j<last} φ_j: regress v(S) − E f − z_last Δ on z_j − z_last
        int p = m - 1;
        double[][] a = new double[p][p];
        double[] rhs = new double[p];
        for (int k = 0; k < coalitions.size(); k++) {
            boolean[] z = coalitions.get(k);
            double v = value[k];
            double zl = z[m - 1] ? 1 : 0;
            double y = v - expected - zl * delta;
            double w = weights.get(k);
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = (z[j] ? 1 : 0) - zl;
            }
            for (int i = 0; i < p; i++) {
                rhs[i] += w * row[i] * y;
                for (int j = 0; j < p; j++) {
                    a[i][j] += w * row[i] * row[j];
                }
            }
        }
        double[] phi = solve(a, rhs);
        double[] all = new double[m];
        double rest = delta;
        for (int j = 0; j < p; j++) {
            all[j] = phi[j];
            rest -= phi[j];
        }
        all[m - 1] = rest;
        return all;
    }

    /**
     * v(S) for every coalition: the mean output over the background with S taken from x. Evaluated in blocks of at
     * most {@link #BLOCK_ROWS} rows, so memory stays bounded and a cancel is noticed between blocks.
     */
    private double[] coalitionValues(double[] x, int nb) {
        double[] value = new double[coalitions.size()];
        int perBlock = Math.max(1, BLOCK_ROWS / nb);
        for (int start = 0; start < coalitions.size(); start += perBlock) {
            cancelled.run();
            int end = Math.min(coalitions.size(), start + perBlock);
            double[][] cols = new double[m][(end - start) * nb];
            for (int k = start; k < end; k++) {
                boolean[] z = coalitions.get(k);
                for (int j = 0; j < m; j++) {
                    for (int b = 0; b < nb; b++) {
                        cols[j][(k - start) * nb + b] = z[j] ? x[j] : background[j][b];
                    }
                }
            }
            double[] out = model.apply(cols);
            for (int k = start; k < end; k++) {
                double v = 0;
                for (int b = 0; b < nb; b++) {
                    v += out[(k - start) * nb + b];
                }
                value[k] = v / nb;
            }
        }
        return value;
    }

    private boolean[] allTrue() {
        boolean[] z = new boolean[m];
        java.util.Arrays.fill(z, true);
        return z;
    }

    private double[][] column(double[] x, int n, boolean[] z) {
        double[][] cols = new double[m][n];
        for (int j = 0; j < m; j++) {
            for (int b = 0; b < n; b++) {
                cols[j][b] = z[j] ? x[j] : background[j][b];
            }
        }
        return cols;
    }

    /** Coalition sizes drawn ∝ (M − 1) / (s (M − s)), the kernel mass of all coalitions of size s; members uniform. */
    private void sample(int samples, SplittableRandom rnd) {
        double[] mass = new double[m];
        double total = 0;
        for (int s = 1; s < m; s++) {
            mass[s] = (m - 1) / (double) (s * (m - s));
            total += mass[s];
        }
        for (int k = 0; k < samples; k++) {
            double u = rnd.nextDouble() * total;
            int s = 1;
            while (s < m - 1 && u > mass[s]) {
                u -= mass[s];
                s++;
            }
            int[] idx = new int[m];
            for (int j = 0; j < m; j++) {
                idx[j] = j;
            }
            boolean[] z = new boolean[m];
            for (int j = 0; j < s; j++) {
                int pick = j + rnd.nextInt(m - j);
                int t = idx[j];
                idx[j] = idx[pick];
                idx[pick] = t;
                z[idx[j]] = true;
            }
            coalitions.add(z);
            weights.add(1.0);
        }
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** Gaussian elimination with partial pivoting; the normal equations here are small (features − 1). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            double ty = y[c];
            y[c] = y[piv];
            y[piv] = ty;
            if (Math.abs(m[c][c]) < 1e-300) {
                continue; // a feature never varied independently (too few samples): leave its share at 0
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
                y[r] -= f * y[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = y[r];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = Math.abs(m[r][r]) < 1e-300 ? 0 : s / m[r][r];
        }
        return x;
    }
}
