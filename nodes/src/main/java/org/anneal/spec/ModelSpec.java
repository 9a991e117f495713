package org.anneal.spec;

import java.util.List;
import java.util.Objects;

/**
 * Spec on a MODEL wire: what a fitted model predicts, from which columns, and which rows it learnt from.
 *
 * @param gradientTrained true when it remembers a training-loss curve (a gradient-trained learner made it)
 */
public record ModelSpec(Task task, String target, List<String> features, boolean gradientTrained, Lineage lineage) implements Spec {
    public ModelSpec {
        Objects.requireNonNull(task);
        Objects.requireNonNull(target);
        features = List.copyOf(features);
        Objects.requireNonNull(lineage);
    }

    /** A model fitted on {@code trainedOn}: it carries those rows as fitted-on. */
    public static ModelSpec trainedOn(Task task, Lineage trainedOn, String target, List<String> features, boolean gradientTrained) {
        return new ModelSpec(task, target, features, gradientTrained, Lineage.learntFrom(trainedOn));
    }

    @Override
    public DataKind kind() {
        return DataKind.MODEL;
    }
}
