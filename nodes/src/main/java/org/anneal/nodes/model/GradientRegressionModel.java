package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.optim.TrainingCurve;

/** A linear regression found by gradient descent, with the loss curve of its training. */
public record GradientRegressionModel(LinearModel linear, String lossName, double[] lossPerEpoch) implements TrainedModel, TrainingCurve {
    public GradientRegressionModel {
        lossPerEpoch = lossPerEpoch.clone();
    }

    @Override
    public double[] lossPerEpoch() {
        return lossPerEpoch.clone();
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public String target() {
        return linear.target();
    }

    @Override
    public List<String> features() {
        return linear.features();
    }

    @Override
    public String describe() {
        return linear.describe();
    }

    @Override
    public double[] predict(Table data) {
        return linear.predict(data);
    }

    @Override
    public Map<String, Double> parameters() {
        return linear.parameters();
    }
}
