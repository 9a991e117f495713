package org.anneal.spec;

import java.util.Objects;

/**
 * Spec on a LOSS wire: the task the loss is made for, so a regression loss cannot reach a classifier.
 *
 * @param probedFeature the input column a physics penalty speaks of (monotone in it, a limit as it grows), which the network
 *                      the loss reaches must read; null for every other loss
 */
public record LossSpec(Task task, String probedFeature) implements Spec {
    public LossSpec {
        Objects.requireNonNull(task);
    }

    public LossSpec(Task task) {
        this(task, null);
    }

    @Override
    public DataKind kind() {
        return DataKind.LOSS;
    }

    @Override
    public Lineage lineage() {
        return Lineage.UNSPLIT;
    }
}
