package org.anneal.spec;

import java.util.Map;
import java.util.function.Function;

/**
 * How a node made something a tune node may vary (a learner, a pipeline step): the node's descriptor, its params and
 * the node's own code from params to the thing. Changing a hyperparameter builds new params through the descriptor, so
 * the declared range holds in tuning as it does in a file, and nothing keeps its own list of hyperparameters.
 *
 * @param <P> the node's params record
 * @param <T> what the node makes from them
 */
public record Retunable<P extends Record, T>(NodeDescriptor descriptor, P params, Function<P, T> build) {

    /** Every {@code @Param(tunable = true)} with its value, in declaration order. */
    public Map<String, Double> values() {
        return descriptor.tunableValues(params);
    }

    /**
     * The same recipe with one hyperparameter changed.
     *
     * @throws IllegalArgumentException naming the param when it is not tunable or the value is outside its range
     */
    @SuppressWarnings("unchecked")
    public Retunable<P, T> with(String hyperparameter, double value) {
        try {
            return new Retunable<>(descriptor, (P) descriptor.with(params, hyperparameter, value), build);
        } catch (ParamDescriptor.Invalid e) {
            throw new IllegalArgumentException(e.getMessage() + " " + e.fix(), e);
        }
    }

    /** What the node makes from the params. */
    public T made() {
        return build.apply(params);
    }

    /** Equal when the same node type has equal params (the function is the node's own code). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Retunable<?, ?> r && r.descriptor.id().equals(descriptor.id()) && r.params.equals(params);
    }

    @Override
    public int hashCode() {
        return descriptor.id().hashCode() * 31 + params.hashCode();
    }
}
