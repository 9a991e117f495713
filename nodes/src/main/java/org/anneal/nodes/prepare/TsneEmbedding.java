package org.anneal.nodes.prepare;

import java.util.SplittableRandom;
import org.anneal.spec.NodeFailure;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008), written out here because neither Tribuo nor the DL4J modules on the
 * classpath include it. Quadratic in the rows, so limited to {@link #MAX_ROWS}; the optimiser follows scikit-learn's
 * exact method: 250 rounds of early exaggeration (12) with momentum 0.5, then momentum 0.8, per-coordinate gains,
 * learning rate max(n / 48, 50).
 */
final class TsneEmbedding {
    static final int MAX_ROWS = 2000;
    private static final int EXAGGERATED = 250;
    private static final double EXAGGERATION = 12;

    private TsneEmbedding() {
    }

    /** The embedding, {@code y[i]} = (tsne1, tsne2) of row i, and the final Kullback–Leibler divergence KL(P‖Q). */
    record Result(double[][] y, double kl) {
    }

    static Result embed(double[][] x, double perplexity, int iterations, long seed, Runnable checkCancelled) {
        int n = x.length;
        double[][] p = affinities(x, perplexity, checkCancelled);
        SplittableRandom r = new SplittableRandom(seed);
        double[][] y = new double[n][2];
        for (double[] row : y) {
            row[0] = 1e-4 * gauss(r);
            row[1] = 1e-4 * gauss(r);
        }
        double[][] update = new double[n][2];
        double[][] gains = new double[n][2];
        for (double[] g : gains) {
            g[0] = 1;
            g[1] = 1;
        }
        double rate = Math.max(n / EXAGGERATION / 4, 50);
        double[][] grad = new double[n][2];
        double[][] num = new double[n][n];
        double kl = 0;
        for (int it = 0; it < iterations; it++) {
            if (it % 10 == 0) {
                checkCancelled.run();
            }
            double exaggeration = it < EXAGGERATED ? EXAGGERATION : 1;
            double momentum = it < EXAGGERATED ? 0.5 : 0.8;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = y[i][0] - y[j][0];
                    double dy = y[i][1] - y[j][1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    num[i][j] = q;
                    num[j][i] = q;
                    sum += 2 * q;
                }
            }
            kl = 0;
            for (int i = 0; i < n; i++) {
                double gx = 0;
                double gy = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double q = Math.max(num[i][j] / sum, 1e-12);
                    double m = (exaggeration * p[i][j] - q) * num[i][j];
                    gx += m * (y[i][0] - y[j][0]);
                    gy += m * (y[i][1] - y[j][1]);
                    if (p[i][j] > 0) {
                        kl += p[i][j] * Math.log(p[i][j] / q);
                    }
                }
                grad[i][0] = 4 * gx;
                grad[i][1] = 4 * gy;
            }
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 2; d++) {
                    // a gradient that keeps its direction earns a bigger step; one that flips, a smaller one
                    boolean flipped = Math.signum(grad[i][d]) != Math.signum(update[i][d]);
                    gains[i][d] = Math.max(flipped ? gains[i][d] + 0.2 : gains[i][d] * 0.8, 0.01);
                    update[i][d] = momentum * update[i][d] - rate * gains[i][d] * grad[i][d];
                    y[i][d] += update[i][d];
                }
            }
        }
        return new Result(y, kl);
    }

    /**
     * Joint affinities P: for each row a Gaussian over the others whose width is found by bisection so that its
     * perplexity (2 to the entropy in bits) is {@code perplexity}; then symmetrised, (P_j|i + P_i|j) / 2n.
     */
    static double[][] affinities(double[][] x, double perplexity, Runnable checkCancelled) {
        int n = x.length;
        if (perplexity >= n) {
            throw new NodeFailure("A perplexity of " + perplexity + " needs more than " + (int) perplexity + " rows; there are " + n + ".",
                    "Lower 'perplexity' (it is roughly the number of neighbours each row attends to; 5 to 50 is usual).");
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double v = x[i][k] - x[j][k];
                    s += v * v;
                }
                d[i][j] = s;
                d[j][i] = s;
            }
        }
        double target = Math.log(perplexity);
        double[][] cond = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (i % 64 == 0) {
                checkCancelled.run();
            }
            conditional(d[i], i, target, cond[i]);
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = Math.max((cond[i][j] + cond[j][i]) / (2.0 * n), i == j ? 0 : 1e-12);
            }
        }
        return p;
    }

    /** P_j|i into {@code out}, with the precision beta bisected until the entropy (nats) is {@code target}. */
    static void conditional(double[] d, int i, double target, double[] out) {
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < d.length; j++) {
            if (j != i) {
                min = Math.min(min, d[j]);
            }
        }
        for (int step = 0; step < 200; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < d.length; j++) {
                // shifted by the nearest distance so a far-away row does not underflow to all zeros
                out[j] = j == i ? 0 : Math.exp(-(d[j] - min) * beta);
                sum += out[j];
                weighted += out[j] * (d[j] - min);
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int j = 0; j < d.length; j++) {
                out[j] /= sum;
            }
            if (Math.abs(entropy - target) < 1e-10) {
                return;
            }
            if (entropy > target) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
