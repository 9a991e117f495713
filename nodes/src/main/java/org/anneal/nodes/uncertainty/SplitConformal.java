package org.anneal.nodes.uncertainty;

import java.util.Arrays;

/** The arithmetic of split conformal prediction (Vovk et al.; Lei et al. 2018), apart from the node so tests can check it by hand. */
final class SplitConformal {
    private SplitConformal() {
    }

    /**
     * The ⌈(n+1)·coverage⌉-th smallest score: with n exchangeable calibration scores, a new score falls at or below it with
     * probability ≥ coverage. Infinite when that rank exceeds n (too few rows for the level).
     */
    static double halfWidth(double[] scores, double coverage) {
        int n = scores.length;
        int rank = (int) Math.ceil((n + 1) * coverage - 1e-9);
        if (rank > n) {
            return Double.POSITIVE_INFINITY;
        }
        double[] s = scores.clone();
        Arrays.sort(s);
        return s[rank - 1];
    }

    /** The fewest calibration rows that give a finite interval at this coverage. */
    static int rowsNeeded(double coverage) {
        return (int) Math.ceil(coverage / (1 - coverage) - 1e-9);
    }

    static double coverage(double[] truth, double[] low, double[] high) {
        int inside = 0;
        for (int i = 0; i < truth.length; i++) {
            inside += truth[i] >= low[i] && truth[i] <= high[i] ? 1 : 0;
        }
        return inside / (double) truth.length;
    }

    /** Observed coverage of the conformal interval at each nominal level (an infinite interval covers everything). */
    static double[] calibrationCurve(double[] scores, double[] truth, double[] pred, double[] levels) {
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            double q = halfWidth(scores, levels[k]);
            int inside = 0;
            for (int i = 0; i < truth.length; i++) {
                inside += Math.abs(truth[i] - pred[i]) <= q ? 1 : 0;
            }
            out[k] = inside / (double) truth.length;
        }
        return out;
    }

    /** Observed coverage of the normal interval ŷ ± z·sd at each nominal level. */
    static double[] normalCurve(double[] truth, double[] pred, double[] sd, double[] levels) {
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            double z = StandardNormal.halfWidth(levels[k]);
            int inside = 0;
            for (int i = 0; i < truth.length; i++) {
                inside += Math.abs(truth[i] - pred[i]) <= z * sd[i] ? 1 : 0;
            }
            out[k] = inside / (double) truth.length;
        }
        return out;
    }
}
