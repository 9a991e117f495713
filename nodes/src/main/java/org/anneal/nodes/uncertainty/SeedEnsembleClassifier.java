package org.anneal.nodes.uncertainty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Task;

/** Classifiers of one ensemble: the mean of the members' class probabilities, and the most probable class of that mean. */
record SeedEnsembleClassifier(String describe, List<TrainedModel> members) implements TrainedModel {

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public String target() {
        return members.get(0).target();
    }

    @Override
    public List<String> features() {
        return members.get(0).features();
    }

    @Override
    public List<String> classes() {
        return members.get(0).classes();
    }

    @Override
    public double[][] probabilities(Table data) {
        double[][] mean = null;
        for (TrainedModel m : members) {
            double[][] p = m.probabilities(data);
            if (p == null) {
                throw new NodeFailure("The ensemble's members give no class probabilities to average.",
                        "Use a probabilistic classifier (model.network, model.logistic, model.random-forest, …).");
            }
            if (mean == null) {
                mean = new double[p.length][p.length == 0 ? 0 : p[0].length];
            }
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < p[i].length; c++) {
                    mean[i][c] += p[i][c] / members.size();
                }
            }
        }
        return mean;
    }

    @Override
    public double[] predict(Table data) {
        return TrainedModel.classCodes(probabilities(data));
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("members", (double) members.size());
        return m;
    }
}
