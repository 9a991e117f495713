package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.Task;

/**
 * A fitted GP classifier: one Laplace fit for two classes (P of the second class), or one per class against the rest
 * with the probabilities normalised.
 */
public record GaussianProcessClassifierModel(String describe, String target, List<String> features, List<String> classes, List<LaplaceGp> problems)
        implements TrainedModel {

    public GaussianProcessClassifierModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        problems = List.copyOf(problems);
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public double[] predict(Table data) {
        return TrainedModel.classCodes(probabilities(data));
    }

    @Override
    public double[][] probabilities(Table data) {
        double[][] d2 = GaussianProcessLearner.squaredDistances(GaussianProcessLearner.matrix(data, features), problems.get(0).x());
        double[][] out = new double[data.rowCount()][classes.size()];
        if (problems.size() == 1) {
            double[] p = problems.get(0).probability(d2);
            for (int i = 0; i < p.length; i++) {
                out[i][0] = 1 - p[i];
                out[i][1] = p[i];
            }
            return out;
        }
        for (int c = 0; c < problems.size(); c++) {
            double[] p = problems.get(c).probability(d2);
            for (int i = 0; i < p.length; i++) {
                out[i][c] = p[i];
            }
        }
        for (double[] row : out) {
            double s = 0;
            for (double v : row) {
                s += v;
            }
            for (int c = 0; c < row.length; c++) {
                row[c] = s > 0 ? row[c] / s : 1.0 / row.length;
            }
        }
        return out;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int c = 0; c < problems.size(); c++) {
            String suffix = problems.size() == 1 ? "" : " (" + classes.get(c) + " vs rest)";
            m.put("length_scale" + suffix, problems.get(c).covariance().lengthScale());
            m.put("signal_variance" + suffix, problems.get(c).covariance().signal());
        }
        return m;
    }
}
