package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The receiver operating characteristic of one score against one positive class: false and true positive rates
 * at every distinct threshold, from (0, 0) (nothing called positive) to (1, 1). Rows with equal scores move
 * together, so a tie becomes a diagonal step and the trapezoid area counts it as half a correct ordering, exactly
 * the Mann–Whitney U / (n1·n0) that scikit-learn's roc_auc_score computes.
 *
 * @param fpr        false positive rate per point
 * @param tpr        true positive rate per point
 * @param thresholds score at or above which rows are called positive (+∞ for the first point)
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

    /**
     * @param score    larger = more likely positive (a class probability)
     * @param positive whether each row belongs to the positive class
     * @throws IllegalArgumentException unless both classes occur (the curve is then undefined)
     */
    public static RocCurve of(double[] score, boolean[] positive) {
        int n = score.length;
        int pos = 0;
        for (boolean b : positive) {
            pos += b ? 1 : 0;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("a ROC curve needs rows of both classes (" + pos + " positive, " + neg + " negative)");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; ) {
            double t = score[order[k]];
            // every row sharing this score crosses the threshold at once
            while (k < n && score[order[k]] == t) {
                if (positive[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
                k++;
            }
            points.add(new double[] {fp / (double) neg, tp / (double) pos, t});
        }
        double[] f = new double[points.size()];
        double[] r = new double[points.size()];
        double[] th = new double[points.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = points.get(i)[0];
            r[i] = points.get(i)[1];
            th[i] = points.get(i)[2];
        }
        return new RocCurve(f, r, th);
    }

    /** Area under the curve by the trapezoid rule. */
    public double auc() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) {
            a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return a;
    }

    /**
     * AUC of the class probabilities: for two classes the curve of the second class (the usual "positive" one);
     * for more, the unweighted mean of the one-vs-rest AUCs over classes that occur (scikit-learn's
     * {@code multi_class="ovr", average="macro"}). NaN when no class has both positive and negative rows.
     */
    public static double auc(int[] truth, double[][] probabilities, int classes) {
        if (classes == 2) {
            return aucOneVsRest(truth, probabilities, 1);
        }
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes; c++) {
            double a = aucOneVsRest(truth, probabilities, c);
            if (!Double.isNaN(a)) {
                sum += a;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    static double aucOneVsRest(int[] truth, double[][] probabilities, int c) {
        double[] s = new double[truth.length];
        boolean[] pos = new boolean[truth.length];
        int npos = 0;
        for (int i = 0; i < truth.length; i++) {
            s[i] = probabilities[i][c];
            pos[i] = truth[i] == c;
            npos += pos[i] ? 1 : 0;
        }
        return npos == 0 || npos == truth.length ? Double.NaN : of(s, pos).auc();
    }
}
