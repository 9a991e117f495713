package org.anneal.nodes.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/** A fitted Tribuo regression model behind Anneal's model interface. */
public record TribuoRegressionModel(String describe, String target, List<String> features, Model<Regressor> model,
                                    Map<String, Double> parameters) implements TrainedModel {
    public TribuoRegressionModel {
        features = List.copyOf(features);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public double[] predict(Table data) {
        List<Prediction<Regressor>> ps = Cancellable.predict(model, TribuoTables.unlabelled(data, features));
        double[] out = new double[ps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).getOutput().getValues()[0];
        }
        return out;
    }
}
