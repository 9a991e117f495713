package org.anneal.nodes.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;

/**
 * A learner preceded by a preprocessing step, like one stage of scikit-learn's {@code Pipeline}: fitting it fits
 * the step on the training rows, then the inner learner on the transformed rows. Steps nest, so a chain of
 * pipeline nodes builds {@code impute → standardize → ridge} as one learner.
 */
public record PreprocessedLearner(PreprocessingStep step, Learner inner) implements Learner {

    @Override
    public Task task() {
        return inner.task();
    }

    @Override
    public String describe() {
        return step.describe() + " → " + inner.describe();
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        FittedStep fitted = step.fit(train, features, target, ctx);
        ctx.checkCancelled();
        TrainedModel model = inner.fit(fitted.train(), fitted.features(), target, ctx);
        return new PreprocessedModel(fitted.transform(), model, features, describe());
    }

    /** The inner learner's hyperparameters, then the step's; a step setting shadows an inner one of the same name. */
    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> all = new LinkedHashMap<>(inner.hyperparameters());
        all.putAll(step.hyperparameters());
        return all;
    }

    @Override
    public Learner with(String hyperparameter, double value) {
        if (step.hyperparameters().containsKey(hyperparameter)) {
            return new PreprocessedLearner(step.with(hyperparameter, value), inner);
        }
        return new PreprocessedLearner(step, inner.with(hyperparameter, value));
    }
}
