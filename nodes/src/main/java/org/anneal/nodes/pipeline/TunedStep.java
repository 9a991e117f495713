package org.anneal.nodes.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anneal.data.Table;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.ParamDescriptor;

/**
 * A pipeline step together with the params of the {@code pipeline.*} node that made it: a tune node or validation curve
 * remakes it with one {@code @Param(tunable = true)} changed, through the node's descriptor, so the declared range holds
 * in tuning as in a file and no step keeps its own list of tunable settings (the learners' {@code TunedLearner}, for steps).
 *
 * @param made the step the params describe (it does the fitting)
 * @param make how the node turns params into a step (the same code its {@code execute} runs)
 */
public record TunedStep<P extends Record>(PreprocessingStep made, NodeDescriptor descriptor, P params, Function<P, PreprocessingStep> make)
        implements PreprocessingStep {

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
        return descriptor.tunableValues(params);
    }

    /** @throws IllegalArgumentException naming the param when it is not tunable or the value is outside its range */
    @Override
    @SuppressWarnings("unchecked")
    public PreprocessingStep with(String hyperparameter, double value) {
        try {
            P changed = (P) descriptor.with(params, hyperparameter, value);
            return new TunedStep<>(make.apply(changed), descriptor, changed, make);
        } catch (ParamDescriptor.Invalid e) {
            throw new IllegalArgumentException(e.getMessage() + " " + e.fix(), e);
        }
    }

    /** Equal when the steps are: the params only say how the step was made. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TunedStep<?> t && t.made.equals(made);
    }

    @Override
    public int hashCode() {
        return made.hashCode();
    }
}
