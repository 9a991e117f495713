package org.anneal.nodes.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;

/**
 * A learner together with the params of the node that made it: a tune node or validation curve remakes it with
 * one {@code @Param(tunable = true)} changed by building a new params record through the node's descriptor, so
 * the declared range holds in tuning as it does in a file, and no learner keeps its own list of hyperparameters.
 *
 * @param made   the learner the params describe (it does the fitting)
 * @param params the node's params record
 * @param make   how the node turns params into a learner (the same code its {@code execute} runs)
 */
public record TunedLearner<P extends Record>(Learner made, NodeDescriptor descriptor, P params, Function<P, Learner> make)
        implements Learner {

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
        return descriptor.tunableValues(params);
    }

    /** @throws IllegalArgumentException naming the param when it is not tunable or the value is outside its range */
    @Override
    @SuppressWarnings("unchecked")
    public Learner with(String hyperparameter, double value) {
        try {
            P changed = (P) descriptor.with(params, hyperparameter, value);
            return new TunedLearner<>(make.apply(changed), descriptor, changed, make);
        } catch (ParamDescriptor.Invalid e) {
            throw new IllegalArgumentException(e.getMessage() + " " + e.fix(), e);
        }
    }

    /** Equal when made from equal params by the same node type (the factory is the node's own code). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TunedLearner<?> t && t.descriptor.id().equals(descriptor.id()) && t.params.equals(params);
    }

    @Override
    public int hashCode() {
        return descriptor.id().hashCode() * 31 + params.hashCode();
    }
}
