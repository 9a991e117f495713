package org.anneal.nodes.prepare;

/**
 * The Box-Cox power transform and its maximum-likelihood lambda. Written here because neither Tribuo nor
 * ND4J offers it; the likelihood is the one of Box and Cox (1964), as in scipy.stats.boxcox_llf, so fitted
 * lambdas can be checked against SciPy.
 */
final class BoxCox {
    /** Search interval for lambda; beyond it the transform is numerically meaningless for real data. */
    static final double MAX_LAMBDA = 5;
    private static final double GRID_STEP = 0.05;

    private BoxCox() {
    }

    /** (x^lambda - 1) / lambda, or ln x when lambda is 0. */
    static double transform(double x, double lambda) {
        double lx = Math.log(x);
        return Math.abs(lambda) < 1e-12 ? lx : Math.expm1(lambda * lx) / lambda;
    }

    /**
     * Profile log-likelihood of lambda for positive values: (lambda - 1) Σ ln x - n/2 ln σ²(lambda), where
     * σ² is the (biased) variance of the transformed values, i.e. the normal likelihood maximised over mean
     * and variance plus the Jacobian of the transform.
     */
    static double logLikelihood(double[] x, double lambda) {
        int n = x.length;
        double sumLog = 0;
        double mean = 0;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            sumLog += Math.log(x[i]);
            y[i] = transform(x[i], lambda);
            mean += y[i];
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return (lambda - 1) * sumLog - n / 2.0 * Math.log(ss / n);
    }

    /**
     * The lambda in [-5, 5] of highest likelihood: a coarse grid finds the peak's neighbourhood (the profile
     * likelihood is unimodal for all but pathological samples), golden-section search refines it to 1e-9.
     *
     * @param x positive values, at least two of them different
     */
    static double fitLambda(double[] x) {
        double best = -MAX_LAMBDA;
        double bestL = Double.NEGATIVE_INFINITY;
        for (double l = -MAX_LAMBDA; l <= MAX_LAMBDA + 1e-9; l += GRID_STEP) {
            double ll = logLikelihood(x, l);
            if (ll > bestL) {
                bestL = ll;
                best = l;
            }
        }
        double a = Math.max(-MAX_LAMBDA, best - GRID_STEP);
        double b = Math.min(MAX_LAMBDA, best + GRID_STEP);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = logLikelihood(x, c);
        double fd = logLikelihood(x, d);
        while (b - a > 1e-9) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = logLikelihood(x, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = logLikelihood(x, d);
            }
        }
        return (a + b) / 2;
    }
}
