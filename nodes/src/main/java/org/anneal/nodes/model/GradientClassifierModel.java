package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.TrainingCurve;

/**
 * A linear classifier: one score per class, w_k·x + b_k; the highest score wins. Trained on log loss the scores are
 * the logits of a softmax, so they give class probabilities; on hinge loss they do not.
 *
 * @param weights classes × (features + 1), the bias last
 */
public record GradientClassifierModel(String describe, String target, List<String> features, List<String> classes, double[][] weights,
                                      boolean probabilistic, String lossName, double[] lossPerEpoch) implements TrainedModel, TrainingCurve {
    public GradientClassifierModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        double[][] copy = new double[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            copy[k] = weights[k].clone();
        }
        weights = copy;
        lossPerEpoch = lossPerEpoch.clone();
    }

    @Override
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            copy[k] = weights[k].clone();
        }
        return copy;
    }

    @Override
    public double[] lossPerEpoch() {
        return lossPerEpoch.clone();
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    private double[][] scores(Table data) {
        int p = features.size();
        double[][] s = new double[data.rowCount()][classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            for (double[] row : s) {
                row[k] = weights[k][p];
            }
        }
        for (int j = 0; j < p; j++) {
            double[] x = data.numeric(features.get(j)).values();
            for (int i = 0; i < s.length; i++) {
                for (int k = 0; k < classes.size(); k++) {
                    s[i][k] += weights[k][j] * x[i];
                }
            }
        }
        return s;
    }

    @Override
    public double[] predict(Table data) {
        return TrainedModel.classCodes(scores(data));
    }

    @Override
    public double[][] probabilities(Table data) {
        if (!probabilistic) {
            return null;
        }
        double[][] s = scores(data);
        for (double[] row : s) {
            // softmax, shifted by the largest score so exp cannot overflow
            double max = java.util.Arrays.stream(row).max().orElse(0);
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k] - max);
                sum += row[k];
            }
            for (int k = 0; k < row.length; k++) {
                row[k] /= sum;
            }
        }
        return s;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            m.put(classes.get(k) + ": (intercept)", weights[k][features.size()]);
            for (int j = 0; j < features.size(); j++) {
                m.put(classes.get(k) + ": " + features.get(j), weights[k][j]);
            }
        }
        return m;
    }
}
