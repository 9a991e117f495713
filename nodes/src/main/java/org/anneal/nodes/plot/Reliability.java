package org.anneal.nodes.plot;

import java.util.ArrayList;
import java.util.List;
import org.anneal.ml.Plot;

/**
 * How honest a classifier's probabilities are. With two classes it looks at P(second class): rows are put in equal-width
 * bins of that probability and each bin's mean probability is set against the share of its rows that are of the second
 * class (the reliability diagram, as scikit-learn's calibration_curve draws it). With more classes it looks at the
 * top-label confidence, the largest probability, against the share of rows whose most probable class is right (Guo
 * et al. 2017). The expected calibration error (ECE) is the row-weighted mean gap |share − mean probability| over
 * the bins; the Brier score is the mean squared gap between probabilities and the 0/1 truth: (p − y)² of the
 * second class with two classes, Σ over classes with more (Brier 1950).
 *
 * @param confidence mean predicted probability per non-empty bin
 * @param observed   share of rows that turned out positive (or right) per non-empty bin
 * @param rows       rows per non-empty bin
 */
public record Reliability(double[] confidence, double[] observed, double[] rows, double ece, double brier) {

    /** The reliability of probabilities {@code prob} (rows × classes) against true class indices {@code truth}, in {@code bins} bins. */
    public static Reliability of(double[][] prob, int[] truth, int bins) {
        int n = truth.length;
        double[] sumConf = new double[bins];
        double[] sumHit = new double[bins];
        int[] count = new int[bins];
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double[] p = prob[i];
            double conf;
            boolean hit;
            if (p.length == 2) {
                conf = p[1];
                hit = truth[i] == 1;
            } else {
                int top = 0;
                for (int c = 1; c < p.length; c++) {
                    top = p[c] > p[top] ? c : top;
                }
                conf = p[top];
                hit = top == truth[i];
            }
            int b = Math.min(bins - 1, (int) Math.floor(conf * bins));
            sumConf[b] += conf;
            sumHit[b] += hit ? 1 : 0;
            count[b]++;
            brier += squaredGap(p, truth[i]);
        }
        List<double[]> kept = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double c = sumConf[b] / count[b];
                double o = sumHit[b] / count[b];
                kept.add(new double[] {c, o, count[b]});
                ece += count[b] / (double) n * Math.abs(o - c);
            }
        }
        double[] conf = kept.stream().mapToDouble(v -> v[0]).toArray();
        double[] obs = kept.stream().mapToDouble(v -> v[1]).toArray();
        double[] rows = kept.stream().mapToDouble(v -> v[2]).toArray();
        return new Reliability(conf, obs, rows, ece, brier / n);
    }

    private static double squaredGap(double[] p, int truth) {
        if (p.length == 2) {
            double y = truth == 1 ? 1 : 0;
            return (p[1] - y) * (p[1] - y);
        }
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            double y = c == truth ? 1 : 0;
            s += (p[c] - y) * (p[c] - y);
        }
        return s;
    }

    /** The diagram's series: mean probability against observed share, named {@code name}. */
    public Plot.Series series(String name) {
        return Plot.Series.of(name, confidence, observed);
    }

    /** The axis titles for probabilities over {@code classes}. */
    public static String[] axes(List<String> classes) {
        return classes.size() == 2
                ? new String[] {"predicted P(" + classes.get(1) + ")", "observed share of " + classes.get(1)}
                : new String[] {"confidence (largest probability)", "observed share right"};
    }
}
