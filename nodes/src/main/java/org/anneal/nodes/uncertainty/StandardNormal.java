package org.anneal.nodes.uncertainty;

/** The standard normal density, distribution and quantile: what expected improvement and z-intervals need. */
final class StandardNormal {
    private StandardNormal() {
    }

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** Φ(z) through the complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
    static double cdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
    }

    /** Φ⁻¹(p) by bisection on {@link #cdf}: 80 halvings of [−40, 40] are exact to the cdf's own accuracy, and this is never hot. */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie in (0, 1): " + p);
        }
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Half-width, in standard deviations, of the central interval holding {@code level} of a normal distribution. */
    static double halfWidth(double level) {
        return quantile((1 + level) / 2);
    }
}
