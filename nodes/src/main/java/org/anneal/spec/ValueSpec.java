package org.anneal.spec;

import java.util.Map;
import java.util.Objects;

/**
 * Spec of a non-table value (learner, model, metrics, ...). {@code facts} carries small typed hints that
 * downstream configure steps check, e.g. {@code task=regression} on a learner or model.
 */
public record ValueSpec(DataKind kind, Lineage lineage, Map<String, String> facts) implements Spec {
    public ValueSpec {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(lineage);
        facts = Map.copyOf(facts);
    }

    public static ValueSpec of(DataKind kind) {
        return new ValueSpec(kind, Lineage.UNSPLIT, Map.of());
    }

    public static ValueSpec of(DataKind kind, Lineage lineage, Map<String, String> facts) {
        return new ValueSpec(kind, lineage, facts);
    }

    public String fact(String key) {
        return facts.get(key);
    }
}
