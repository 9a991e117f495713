package org.anneal.nodes.pipeline;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;

/**
 * A fitted pipeline stage: applies the transform learnt on the training rows, then the inner model. It reads the
 * original feature columns, so it scores raw test rows directly.
 */
public record PreprocessedModel(FittedTransform transform, TrainedModel inner, List<String> features, String describe) implements TrainedModel {
    public PreprocessedModel {
        features = List.copyOf(features);
    }

    @Override
    public Task task() {
        return inner.task();
    }

    @Override
    public String target() {
        return inner.target();
    }

    @Override
    public double[] predict(Table data) {
        return inner.predict(transform.apply(data));
    }

    @Override
    public double[] predictionStd(Table data) {
        return inner.predictionStd(transform.apply(data));
    }

    @Override
    public List<String> classes() {
        return inner.classes();
    }

    @Override
    public double[][] probabilities(Table data) {
        return inner.probabilities(transform.apply(data));
    }

    @Override
    public List<String> featuresMissingIn(Table data) {
        return inner.featuresMissingIn(transform.apply(data));
    }

    /** The inner model's parameters; they refer to the transformed features (standardized coefficients, for instance). */
    @Override
    public Map<String, Double> parameters() {
        return inner.parameters();
    }
}
