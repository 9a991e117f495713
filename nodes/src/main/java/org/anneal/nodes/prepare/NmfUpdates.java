package org.anneal.nodes.prepare;

import org.anneal.ml.linalg.Products;
import org.anneal.ml.linalg.RandomizedSvd;
import org.anneal.ml.linalg.ThinProducts;

/**
 * The arithmetic of NMF, X ≈ W·H with W, H ≥ 0, as scikit-learn's default solver: coordinate descent on the squared
 * error (hierarchical alternating least squares, Cichocki and Phan 2009) from an NNDSVDa start (Boutsidis and
 * Gallopoulos 2008). Each component's weights, then each component's pattern, is set to its exact least-squares
 * value clipped at zero with the others held fixed, so the error never rises. Every round needs two products of X
 * with a thin matrix (H·Xᵀ and Wᵀ·X, each reading X once in {@link ThinProducts}) and a few r × r ones; the error is read from them
 * without forming W·H: ‖X − WH‖² = ‖X‖² − 2⟨WᵀX, H⟩ + ⟨WᵀW, HHᵀ⟩.
 *
 * <p>W is kept transposed ({@code wt[c][i]}: weight of component c in row i) so every update runs over contiguous rows.
 */
final class NmfUpdates {
    private static final double ZERO = 1e-6; // NNDSVD entries below this are zero (scikit-learn's eps)

    /**
     * X as columns (p arrays of n, as a table holds them: never written to), its rows (n × p, transposed once when the
     * fit first asks; expressing new rows needs only the columns), ‖X‖² and the sum of its entries.
     */
    static final class Data {
        private final double[][] columns;
        private final double squaredNorm;
        private final double sum;
        private double[][] rows;

        private Data(double[][] columns) {
            this.columns = columns;
            double s = 0;
            double t = 0;
            for (double[] c : columns) {
                s += Products.dot(c, c, 0, c.length);
                t += NmfUpdates.sum(c);
            }
            this.squaredNorm = s;
            this.sum = t;
        }

        static Data ofColumns(double[][] columns) {
            return new Data(columns);
        }

        static Data of(double[][] rows) {
            Data d = new Data(Products.transpose(rows));
            d.rows = rows;
            return d;
        }

        double[][] columns() {
            return columns;
        }

        double[][] rows() {
            if (rows == null) {
                rows = Products.transpose(columns);
            }
            return rows;
        }

        double squaredNorm() {
            return squaredNorm;
        }

        int n() {
            return columns.length == 0 ? 0 : columns[0].length;
        }

        int p() {
            return columns.length;
        }

        /** A·Xᵀ (a few rows of length p times X's columns: a × n). */
        double[][] timesColumns(double[][] a, Runnable checkCancelled) {
            return ThinProducts.multiply(a, columns, checkCancelled);
        }

        /** The mean entry, the scale of the starts. */
        double mean() {
            return sum / ((double) n() * p());
        }
    }

    /**
     * What a run of rounds did: the relative error ‖X − WH‖ / ‖X‖ reached, the rounds run, and whether the stopping
     * rule ended them (false: the limit did).
     */
    record Outcome(double error, int rounds, boolean converged) {
    }

    /** Told after every round: its number (from 1), its violation over the first round's, and the relative error. */
    @FunctionalInterface
    interface RoundListener {
        RoundListener NONE = (round, violationRatio, error) -> { };

        void round(int round, double violationRatio, double error);
    }

    private NmfUpdates() {
    }

    /**
     * NNDSVDa: each singular pair split into its positive and negative parts, the larger kept; zeros are replaced by the
     * mean of X so coordinate descent can move them. Fills {@code wt} and {@code h}. The pairs come from a randomized SVD
     * with scikit-learn's {@code randomized_svd} settings (10 extra directions, 7 or 4 LU-normalised power iterations),
     * through the Gram matrix for a few hundred rows as prepare.pca's.
     */
    static void start(Data x, double[][] wt, double[][] h, long seed, Runnable checkCancelled) {
        int r = h.length;
        int m = Math.min(x.n(), x.p());
        if (r > m) {
            randomStart(x, wt, h, seed); // more parts than singular pairs: scikit-learn starts at random too
            return;
        }
        RandomizedSvd.Result svd = RandomizedSvd.leadingLuNormalised(x.rows(), x.columns(), r, Math.min(r + 10, m), r < 0.1 * m ? 7 : 4, seed, checkCancelled);
        double[][] u = x.timesColumns(svd.vectors(), checkCancelled); // σ u, as rows
        double mean = x.mean();
        for (int c = 0; c < r; c++) {
            double s = svd.values()[c];
            double[] left = u[c];
            double[] right = svd.vectors()[c];
            for (int i = 0; i < left.length; i++) {
                left[i] = s > 0 ? left[i] / s : 0;
            }
            double plusLeft = partNorm(left, 1), plusRight = partNorm(right, 1);
            double minusLeft = partNorm(left, -1), minusRight = partNorm(right, -1);
            // the first pair of a non-negative matrix is one-signed; later pairs keep whichever half carries more
            int sign = c == 0 ? (sum(right) >= 0 ? 1 : -1) : (plusLeft * plusRight >= minusLeft * minusRight ? 1 : -1);
            double nl = sign > 0 ? plusLeft : minusLeft;
            double nr = sign > 0 ? plusRight : minusRight;
            double scale = Math.sqrt(s * nl * nr);
            for (int i = 0; i < left.length; i++) {
                double v = nl > 0 ? scale * Math.max(0, sign * left[i]) / nl : 0;
                wt[c][i] = v < ZERO ? mean : v;
            }
            for (int j = 0; j < right.length; j++) {
                double v = nr > 0 ? scale * Math.max(0, sign * right[j]) / nr : 0;
                h[c][j] = v < ZERO ? mean : v;
            }
        }
    }

    /** Uniform values scaled like the data (scikit-learn's 'random' start): all-equal factors would stay equal forever. */
    private static void randomStart(Data x, double[][] wt, double[][] h, long seed) {
        double scale = Math.sqrt(Math.max(0, x.mean() / h.length));
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (double[][] f : new double[][][] {wt, h}) {
            for (double[] row : f) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = scale * random.nextDouble();
                }
            }
        }
    }

    private static double partNorm(double[] v, int sign) {
        double s = 0;
        for (double a : v) {
            double b = Math.max(0, sign * a);
            s += b * b;
        }
        return Math.sqrt(s);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s;
    }

    /**
     * Rounds of W then H updates, scikit-learn's {@code _fit_coordinate_descent}: each round's violation is the sum of
     * |projected gradient| over every entry of W and H as the round visits it (see {@link #descend}); the rounds stop
     * when a round's violation is at most {@code tol} times the first round's, or after {@code maxRounds}.
     */
    static Outcome fit(Data x, double[][] wt, double[][] h, int maxRounds, double tol, Runnable checkCancelled, RoundListener listener) {
        double norm = Math.sqrt(Math.max(x.squaredNorm(), 1e-300));
        double first = 0;
        double err = Double.NaN;
        for (int round = 1; round <= maxRounds; round++) {
            checkCancelled.run();
            double violation = updateWeights(x, wt, h, checkCancelled);
            double[][] wtw = gram(wt);
            double[][] wtx = ThinProducts.multiply(wt, x.rows(), checkCancelled);
            violation += descend(wtw, wtx, h);
            err = Math.sqrt(Math.max(0, squaredError(x.squaredNorm(), wtx, h, wtw))) / norm;
            if (round == 1) {
                first = violation;
            }
            double ratio = first > 0 ? violation / first : 0; // nothing moved in the first round: already at a stationary point
            listener.round(round, ratio, err);
            if (ratio <= tol) {
                return new Outcome(err, round, true);
            }
        }
        return new Outcome(err, maxRounds, false);
    }

    /** One coordinate-descent pass over the weights with H fixed; returns its violation. */
    static double updateWeights(Data x, double[][] wt, double[][] h, Runnable checkCancelled) {
        return descend(gram(h), x.timesColumns(h, checkCancelled), wt);
    }

    /**
     * Weights of new rows with H fixed (each row's non-negative least squares, the same problem for every row, solved
     * together): coordinate descent from an even start, as scikit-learn's {@code transform} (its start, √(mean / r),
     * and its stopping rule, the W half of {@link #fit}'s).
     */
    static double[][] weights(Data x, double[][] h, int maxRounds, double tol) {
        int r = h.length;
        double[][] wt = new double[r][x.n()];
        double start = Math.sqrt(Math.max(0, x.mean() / r));
        for (double[] row : wt) {
            java.util.Arrays.fill(row, start);
        }
        double[][] hht = gram(h);
        double[][] hx = x.timesColumns(h, () -> { });
        double first = 0;
        for (int round = 1; round <= maxRounds; round++) {
            double violation = descend(hht, hx, wt);
            if (round == 1) {
                first = violation;
            }
            if ((first > 0 ? violation / first : 0) <= tol) {
                break;
            }
        }
        return wt;
    }

    /**
     * One pass of coordinate descent on F for min ‖X − Fᵀ G‖ (or its transpose) given G·Gᵀ and G·Xᵀ: component by
     * component, f_c ← max(0, f_c − (Σ_s (GGᵀ)_{cs} f_s − (GXᵀ)_c) / (GGᵀ)_{cc}), using the components already updated.
     * Returns the pass's violation as scikit-learn's {@code _update_cdnmf_fast} sums it: |gradient| of every entry before
     * its step, counting only a negative gradient at an entry that sits at zero (a positive one there is the bound at work).
     */
    private static double descend(double[][] ggt, double[][] gx, double[][] f) {
        int r = f.length;
        int len = f[0].length;
        double[] grad = new double[len];
        double violation = 0;
        for (int c = 0; c < r; c++) {
            double hess = ggt[c][c];
            if (hess <= 0) {
                continue; // a component that is all zero stays so (its gradient is zero too: nothing to count)
            }
            double[] target = gx[c];
            for (int i = 0; i < len; i++) {
                grad[i] = -target[i];
            }
            for (int s = 0; s < r; s++) {
                addScaled(grad, f[s], ggt[c][s]);
            }
            double[] fc = f[c];
            for (int i = 0; i < len; i++) {
                double g = grad[i];
                violation += Math.abs(fc[i] == 0 ? Math.min(0, g) : g);
                fc[i] = Math.max(0, fc[i] - g / hess);
            }
        }
        return violation;
    }

    private static void addScaled(double[] acc, double[] v, double a) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += a * v[i];
        }
    }

    /** F·Fᵀ for a few long rows. */
    static double[][] gram(double[][] f) {
        int r = f.length;
        double[][] g = new double[r][r];
        for (int a = 0; a < r; a++) {
            for (int b = a; b < r; b++) {
                g[a][b] = Products.dot(f[a], f[b], 0, f[a].length);
                g[b][a] = g[a][b];
            }
        }
        return g;
    }

    /** ‖X − FᵀG‖² = ‖X‖² − 2⟨F·X', G⟩ + ⟨FFᵀ, GGᵀ⟩ from fx = F·X' (r × len(G rows)), G, and FFᵀ. */
    private static double squaredError(double xx, double[][] fx, double[][] g, double[][] fft) {
        double[][] ggt = gram(g);
        double cross = 0;
        double quad = 0;
        for (int c = 0; c < g.length; c++) {
            cross += Products.dot(fx[c], g[c], 0, g[c].length);
            for (int s = 0; s < g.length; s++) {
                quad += fft[c][s] * ggt[c][s];
            }
        }
        return xx - 2 * cross + quad;
    }
}
