package org.anneal.nodes.pipeline;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Retunable;

/**
 * A pipeline step together with how its {@code pipeline.*} node made it: a tune node or validation curve remakes it with
 * one {@code @Param(tunable = true)} changed through the node's descriptor ({@link Retunable}), as for learners, so no
 * step keeps its own list of tunable settings.
 *
 * @param made the step the params describe (it does the fitting)
 */
public record TunedStep<P extends Record>(PreprocessingStep made, Retunable<P, PreprocessingStep> recipe) implements PreprocessingStep {

    TunedStep(Retunable<P, PreprocessingStep> recipe) {
        this(recipe.made(), recipe);
    }

    @Override
    public String describe() {
        return made.describe();
    }

    @Override
    public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
        return made.fit(train, features, target, ctx);
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return recipe.values();
    }

    @Override
    public PreprocessingStep with(String hyperparameter, double value) {
        return new TunedStep<>(recipe.with(hyperparameter, value));
    }
}
