package org.anneal.spec;

import java.util.Objects;

/**
 * What every port of a node declares: a name unique within its node's inputs or outputs, the kind of value on its wire,
 * the Java type of that value and a line of documentation. {@link InPort} adds how the node uses its rows.
 */
public abstract sealed class Port<T> permits InPort, OutPort {
    private final String name;
    private final DataKind kind;
    private final Class<T> type;
    private final String doc;

    Port(String name, DataKind kind, Class<T> type, String doc) {
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.doc = doc == null ? "" : doc;
    }

    public String name() {
        return name;
    }

    public DataKind kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    public String doc() {
        return doc;
    }
}
