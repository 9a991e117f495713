package org.anneal.nodes.model;

import java.util.List;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;

/**
 * Fits the ARD kernels: one length scale per feature plus signal and noise variance, by maximising the log marginal
 * likelihood with its analytic gradient ({@link ArdLikelihood}, {@link Bfgs}) from several starting points (the best
 * isotropic grid point, and length scales of 0.3, 1 and 3 feature standard deviations), keeping the best. The
 * likelihood has local maxima (a short length scale that explains the data as noise-free wiggles, a long one that calls
 * them noise), hence the restarts. Length scales are bounded to [0.01, 1000] feature standard deviations: a feature
 * whose length scale runs to the top of the range does not matter to the fitted function.
 */
final class ArdFit {
    static final int MAX_ROWS = 1000;
    private static final int ITERATIONS = 100;

    private ArdFit() {
    }

    static TrainedModel fit(GaussianProcessLearner learner, double[][] x, double[] z, double isoLength, double isoNoise, String target,
                            List<String> features, double mean, double scale, ExecContext ctx) {
        int d = features.size();
        double[] sd = featureSds(x);
        double[] low = new double[d + 2];
        double[] high = new double[d + 2];
        for (int k = 0; k < d; k++) {
            low[k] = Math.log(sd[k] * 1e-2);
            high[k] = Math.log(sd[k] * 1e3);
        }
        low[d] = Math.log(1e-2);
        high[d] = Math.log(1e2);
        low[d + 1] = Math.log(1e-6);
        high[d + 1] = Math.log(10);
        ArdLikelihood likelihood = new ArdLikelihood(x, z, learner.kernel().matern());
        double[][] starts = {start(d, k -> isoLength, isoNoise), start(d, k -> sd[k], 0.1), start(d, k -> 0.3 * sd[k], 0.01),
                start(d, k -> 3 * sd[k], 0.1)};
        Bfgs.Point best = null;
        for (double[] s : starts) {
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.min(high[i], Math.max(low[i], s[i]));
            }
            Bfgs.Point p0 = likelihood.at(s);
            if (p0 == null) {
                continue;
            }
            Bfgs.Point p = Bfgs.maximise(likelihood::at, p0, low, high, ITERATIONS, ctx::checkCancelled);
            if (best == null || p.value() > best.value()) {
                best = p;
            }
        }
        if (best == null) {
            throw new NodeFailure("The kernel matrix is singular at every starting point of the length-scale fit.",
                    "Remove duplicated rows or constant features.");
        }
        double[] scales = new double[d];
        double[][] scaled = new double[x.length][d];
        for (int k = 0; k < d; k++) {
            scales[k] = Math.exp(best.x()[k]);
            for (int i = 0; i < x.length; i++) {
                scaled[i][k] = x[i][k] / scales[k];
            }
        }
        double signal = Math.exp(best.x()[d]);
        double noise = Math.exp(best.x()[d + 1]);
        GaussianProcessLearner.Fit f = learner.fit(GaussianProcessLearner.squaredDistances(scaled, scaled), z, 1.0, noise, signal);
        if (f == null) {
            throw new NodeFailure("The kernel matrix at the fitted length scales is singular.", "Remove duplicated rows or constant features.");
        }
        return new GaussianProcessModel(learner.describe(), target, features, learner.kernel(), scaled, f.alpha(), f.factor(), 1.0, noise, mean, scale,
                scales, signal);
    }

    private static double[] start(int d, java.util.function.IntToDoubleFunction length, double noise) {
        double[] s = new double[d + 2];
        for (int k = 0; k < d; k++) {
            s[k] = Math.log(length.applyAsDouble(k));
        }
        s[d] = 0; // signal variance 1: the target is standardized
        s[d + 1] = Math.log(noise);
        return s;
    }

    /** Each feature's standard deviation (1 for a constant one), the unit its length scale is bounded in. */
    private static double[] featureSds(double[][] x) {
        int d = x[0].length;
        double[] sd = new double[d];
        for (int k = 0; k < d; k++) {
            double m = 0;
            for (double[] row : x) {
                m += row[k] / x.length;
            }
            double ss = 0;
            for (double[] row : x) {
                ss += (row[k] - m) * (row[k] - m);
            }
            double v = Math.sqrt(ss / Math.max(1, x.length - 1));
            sd[k] = v > 0 ? v : 1;
        }
        return sd;
    }
}
