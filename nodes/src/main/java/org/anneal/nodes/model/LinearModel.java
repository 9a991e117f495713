package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;

/** y = intercept + Σ w_j x_j: the result of every linear regression learner. */
public record LinearModel(String describe, String target, List<String> features, double[] weights, double intercept)
        implements TrainedModel {
    public LinearModel {
        features = List.copyOf(features);
        weights = weights.clone();
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public double[] predict(Table data) {
        double[] out = new double[data.rowCount()];
        java.util.Arrays.fill(out, intercept);
        for (int j = 0; j < features.size(); j++) {
            double[] x = data.numeric(features.get(j)).values();
            double w = weights[j];
            for (int i = 0; i < out.length; i++) {
                out[i] += w * x[i];
            }
        }
        return out;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("(intercept)", intercept);
        for (int j = 0; j < features.size(); j++) {
            m.put(features.get(j), weights[j]);
        }
        return m;
    }
}
