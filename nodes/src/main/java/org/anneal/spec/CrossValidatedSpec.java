package org.anneal.spec;

import java.util.Objects;

/**
 * Spec of a value scored by cross-validation (Cross-validate's metrics, a learning or validation curve): the leakage
 * analysis reads {@code folds} to check that the folds respect groups and time order.
 */
public record CrossValidatedSpec(DataKind kind, Lineage lineage, FoldStrategy folds) implements Spec {
    public CrossValidatedSpec {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(lineage);
        Objects.requireNonNull(folds);
    }
}
