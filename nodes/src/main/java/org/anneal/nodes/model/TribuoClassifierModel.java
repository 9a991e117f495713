package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** A fitted Tribuo classifier behind Anneal's model interface; classes keep the training target's order. */
public record TribuoClassifierModel(String describe, String target, List<String> features, List<String> classes, Model<Label> model)
        implements TrainedModel {
    public TribuoClassifierModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public double[] predict(Table data) {
        List<Prediction<Label>> ps = Cancellable.predict(model, TribuoTables.unlabelledForClassifier(data, features));
        double[] out = new double[ps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.indexOf(ps.get(i).getOutput().getLabel());
        }
        return out;
    }

    @Override
    public double[][] probabilities(Table data) {
        if (!model.generatesProbabilities()) {
            return null;
        }
        List<Prediction<Label>> ps = Cancellable.predict(model, TribuoTables.unlabelledForClassifier(data, features));
        double[][] out = new double[ps.size()][classes.size()];
        for (int i = 0; i < out.length; i++) {
            Map<String, Label> scores = ps.get(i).getOutputScores();
            for (int k = 0; k < classes.size(); k++) {
                Label l = scores.get(classes.get(k));
                out[i][k] = l == null ? 0 : l.getScore();
            }
        }
        return out;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }
}
