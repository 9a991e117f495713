package org.anneal.spec;

import java.util.Objects;

/** Spec of a value whose kind and lineage are all there is to know before it exists: metrics, a plot, an optimizer. */
public record ValueSpec(DataKind kind, Lineage lineage) implements Spec {
    public ValueSpec {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(lineage);
    }

    public static ValueSpec of(DataKind kind) {
        return new ValueSpec(kind, Lineage.UNSPLIT);
    }

    public static ValueSpec of(DataKind kind, Lineage lineage) {
        return new ValueSpec(kind, lineage);
    }
}
