package org.anneal.nodes.uncertainty;

import java.util.Arrays;

/**
 * The baseline of an optimisation loop in closed form, so that no seed decides how lucky random search was: the expected
 * best value after k experiments drawn at random without replacement from a pool, and the expected number of experiments
 * until the first one reaches a goal.
 */
final class RandomSearch {
    private RandomSearch() {
    }

    /**
     * E[best of the first k draws] for k = 1..budget: with the values sorted worst first, the best of k draws is the j-th
     * value with probability C(j−1, k−1) / C(n, k) (the other k−1 draws all come from the j−1 worse ones).
     */
    static double[] expectedBest(double[] pool, int budget, boolean maximize) {
        int n = pool.length;
        double[] sorted = pool.clone();
        Arrays.sort(sorted);
        if (!maximize) {
            for (int i = 0; i < n / 2; i++) {
                double t = sorted[i];
                sorted[i] = sorted[n - 1 - i];
                sorted[n - 1 - i] = t;
            }
        }
        double[] logFactorial = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double[] out = new double[budget];
        for (int k = 1; k <= budget; k++) {
            double logAll = logChoose(logFactorial, n, k);
            double sum = 0;
            for (int j = k; j <= n; j++) {
                sum += sorted[j - 1] * Math.exp(logChoose(logFactorial, j - 1, k - 1) - logAll);
            }
            out[k - 1] = sum;
        }
        return out;
    }

    /** Expected draws until the first of {@code hits} good rows among {@code n}: (n + 1) / (hits + 1). */
    static double expectedDrawsToHit(int n, int hits) {
        return (n + 1.0) / (hits + 1.0);
    }

    private static double logChoose(double[] logFactorial, int n, int k) {
        return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
    }
}
