package org.anneal.nodes.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;

/**
 * Accuracy, balanced accuracy, per-class and macro precision / recall / F1, log loss (probabilities clipped at
 * 1e-15 like scikit-learn) and ROC AUC (one-vs-rest macro for more than two classes). A class never predicted has
 * precision 0 (scikit-learn's zero_division=0), so macro scores never hide it.
 */
public final class ClassificationMetrics {
    private ClassificationMetrics() {
    }

    /** confusion[actual][predicted] counts. */
    public static long[][] confusion(int[] truth, int[] predicted, int classes) {
        long[][] m = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return m;
    }

    /**
     * @param probabilities per row, per class; null when the model gives none (no log loss then)
     */
    public static Metrics of(int[] truth, int[] predicted, List<String> classes, double[][] probabilities) {
        int k = classes.size();
        long[][] cm = confusion(truth, predicted, k);
        long n = truth.length;
        long correct = 0;
        for (int c = 0; c < k; c++) {
            correct += cm[c][c];
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", correct / (double) n);
        double recallSum = 0;
        double precisionSum = 0;
        double f1Sum = 0;
        int present = 0;
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            long tp = cm[c][c];
            long actual = 0;
            long predictedC = 0;
            for (int j = 0; j < k; j++) {
                actual += cm[c][j];
                predictedC += cm[j][c];
            }
            if (actual == 0) {
                continue; // a class absent from these rows has no recall to average
            }
            present++;
            double precision = predictedC == 0 ? 0 : tp / (double) predictedC;
            double recall = tp / (double) actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            precisionSum += precision;
            recallSum += recall;
            f1Sum += f1;
            perClass.put("precision[" + classes.get(c) + "]", precision);
            perClass.put("recall[" + classes.get(c) + "]", recall);
            perClass.put("f1[" + classes.get(c) + "]", f1);
        }
        m.put("balanced_accuracy", recallSum / present);
        m.put("precision_macro", precisionSum / present);
        m.put("recall_macro", recallSum / present);
        m.put("f1_macro", f1Sum / present);
        if (probabilities != null) {
            double ll = 0;
            for (int i = 0; i < truth.length; i++) {
                ll -= Math.log(Math.max(1e-15, probabilities[i][truth[i]]));
            }
            m.put("log_loss", ll / n);
            double auc = RocCurve.auc(truth, probabilities, k);
            if (!Double.isNaN(auc)) {
                m.put("roc_auc", auc);
            }
        }
        m.putAll(perClass);
        return new Metrics(Task.CLASSIFICATION, m, truth.length);
    }
}
