package org.anneal.spec;

import java.util.Objects;

/** Spec on a LOSS wire: the task the loss is made for, so a regression loss cannot reach a classifier. */
public record LossSpec(Task task) implements Spec {
    public LossSpec {
        Objects.requireNonNull(task);
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
