package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Retunable;
import org.anneal.spec.Task;

/**
 * A learner together with how its node made it: a tune node or validation curve remakes it with one {@code
 * @Param(tunable = true)} changed through the node's descriptor ({@link Retunable}), so the declared range holds in
 * tuning as it does in a file, and no learner keeps its own list of hyperparameters.
 *
 * @param made   the learner the params describe (it does the fitting)
 * @param recipe the node's descriptor, params and code from params to learner (the same code its {@code execute} runs)
 */
public record TunedLearner<P extends Record>(Learner made, Retunable<P, Learner> recipe) implements Learner {

    TunedLearner(Retunable<P, Learner> recipe) {
        this(recipe.made(), recipe);
    }

    @Override
    public Task task() {
        return made.task();
    }

    @Override
    public String describe() {
        return made.describe();
    }

    @Override
    public TrainedModel fit(Table train, List<String> features, String target, ExecContext ctx) {
        return made.fit(train, features, target, ctx);
    }

    /** Every tunable param of the node with its current value, in declaration order. */
    @Override
    public Map<String, Double> hyperparameters() {
        return recipe.values();
    }

    /** @throws IllegalArgumentException naming the param when it is not tunable or the value is outside its range */
    @Override
    public Learner with(String hyperparameter, double value) {
        return new TunedLearner<>(recipe.with(hyperparameter, value));
    }

    /** Equal when made from equal params by the same node type (the factory is the node's own code). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TunedLearner<?> t && t.recipe.equals(recipe);
    }

    @Override
    public int hashCode() {
        return recipe.hashCode();
    }
}
