package org.anneal.nodes.uncertainty;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Acquisition functions of Bayesian optimisation, higher = more worth measuring next (Jones et al. 1998; Srinivas et al. 2010). */
final class Acquisition {
    private Acquisition() {
    }

    /** The best measured value (largest when maximising); NaN when there is none. */
    static double best(double[] y, boolean maximize) {
        double best = Double.NaN;
        for (double v : y) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || (maximize ? v > best : v < best))) {
                best = v;
            }
        }
        return best;
    }

    static double[] score(AcquireNode.Strategy strategy, double[] mean, double[] sd, double best, boolean maximize, double kappa, double xi) {
        double[] out = new double[mean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (strategy) {
                case EXPECTED_IMPROVEMENT -> expectedImprovement(maximize ? mean[i] - best - xi : best - mean[i] - xi, sd[i]);
                // minimising, the lower bound μ − κσ is negated so that higher still ranks first
                case UPPER_CONFIDENCE_BOUND -> maximize ? mean[i] + kappa * sd[i] : -(mean[i] - kappa * sd[i]);
                case EXPLORATION -> sd[i];
            };
        }
        return out;
    }

    /** E[max(0, improvement)] for a normal prediction: the closed form (Jones, Schonlau & Welch 1998); the plain gain when σ = 0. */
    static double expectedImprovement(double improvement, double sd) {
        if (sd <= 0) {
            return Math.max(0, improvement);
        }
        double z = improvement / sd;
        return improvement * StandardNormal.cdf(z) + sd * StandardNormal.pdf(z);
    }

    /** Row order: safe before unsafe, then by score, highest first; ties keep the candidates' order. */
    static int[] order(double[] score, double[] safe) {
        return IntStream.range(0, score.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -safe[i]).thenComparingDouble(i -> -score[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
