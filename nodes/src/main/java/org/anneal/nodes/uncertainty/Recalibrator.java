package org.anneal.nodes.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A map from a classifier's probabilities to calibrated ones, learnt on calibration rows. With two classes one map of
 * P(second class); with more, one map per class against the rest and the row renormalised to sum to one (Zadrozny &amp;
 * Elkan 2002).
 * <ul>
 *   <li>Platt scaling (Platt 1999): q = σ(A·logit(p) + B), A and B by Newton's method on the log loss, with Platt's
 *   smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) so that a perfectly separated calibration set does not drive A to
 *   infinity. Two parameters: it can only stretch or shrink the model's confidence, which is what an over- or
 *   under-confident model needs, and it wants few rows.</li>
 *   <li>Isotonic regression ({@link Pav}): any non-decreasing step function; more flexible, needs more rows (a few
 *   hundred), and can give exactly 0 or 1.</li>
 * </ul>
 */
final class Recalibrator {
    private final List<DoubleUnaryOperator> maps;

    private Recalibrator(List<DoubleUnaryOperator> maps) {
        this.maps = maps;
    }

    static Recalibrator fit(RecalibrateNode.Method method, double[][] prob, int[] truth) {
        int classes = prob[0].length;
        List<DoubleUnaryOperator> maps = new ArrayList<>();
        for (int c = classes == 2 ? 1 : 0; c < classes; c++) {
            double[] p = new double[prob.length];
            double[] y = new double[prob.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = prob[i][c];
                y[i] = truth[i] == c ? 1 : 0;
            }
            maps.add(method == RecalibrateNode.Method.PLATT ? platt(p, y) : Pav.fit(p, y)::at);
        }
        return new Recalibrator(maps);
    }

    double[][] apply(double[][] prob) {
        double[][] out = new double[prob.length][];
        for (int i = 0; i < prob.length; i++) {
            double[] row = prob[i];
            if (row.length == 2) {
                double q = maps.get(0).applyAsDouble(row[1]);
                out[i] = new double[] {1 - q, q};
                continue;
            }
            double[] q = new double[row.length];
            double sum = 0;
            for (int c = 0; c < row.length; c++) {
                q[c] = maps.get(c).applyAsDouble(row[c]);
                sum += q[c];
            }
            for (int c = 0; c < row.length; c++) {
                q[c] = sum > 0 ? q[c] / sum : 1.0 / row.length;
            }
            out[i] = q;
        }
        return out;
    }

    private static final double CLIP = 1e-7;

    static double logit(double p) {
        double c = Math.min(1 - CLIP, Math.max(CLIP, p));
        return Math.log(c / (1 - c));
    }

    /** Platt's σ(A·logit(p) + B), fitted from A = 1, B = 0 (the identity map). */
    static DoubleUnaryOperator platt(double[] p, double[] y) {
        double[] ab = plattParameters(p, y);
        return v -> sigmoid(ab[0] * logit(v) + ab[1]);
    }

    static double[] plattParameters(double[] p, double[] y) {
        int n = p.length;
        double positives = 0;
        for (double v : y) {
            positives += v;
        }
        double hi = (positives + 1) / (positives + 2);
        double lo = 1 / (n - positives + 2);
        double[] s = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = logit(p[i]);
            t[i] = y[i] > 0.5 ? hi : lo;
        }
        double a = 1;
        double b = 0;
        double loss = logLoss(s, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double q = sigmoid(a * s[i] + b);
                double w = q * (1 - q);
                ga += (q - t[i]) * s[i];
                gb += q - t[i];
                haa += w * s[i] * s[i];
                hab += w * s[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double step = 1;
            double next = logLoss(s, t, a + da, b + db);
            while (next > loss && step > 1e-8) {
                step /= 2;
                next = logLoss(s, t, a + step * da, b + step * db);
            }
            if (next > loss) {
                break;
            }
            a += step * da;
            b += step * db;
            boolean done = loss - next < 1e-12 * (1 + loss);
            loss = next;
            if (done) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double logLoss(double[] s, double[] t, double a, double b) {
        double l = 0;
        for (int i = 0; i < s.length; i++) {
            double z = a * s[i] + b;
            // −[t log σ(z) + (1 − t) log σ(−z)], written without overflow
            l += (z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z))) + (1 - t[i]) * z;
        }
        return l;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
