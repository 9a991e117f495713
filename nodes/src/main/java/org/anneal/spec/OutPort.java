package org.anneal.spec;

import java.util.Objects;

/** An output port; declared as a {@code static final} field of the node class like {@link InPort}. */
public final class OutPort<T> {
    private final String name;
    private final DataKind kind;
    private final Class<T> type;
    private final String doc;

    private OutPort(String name, DataKind kind, Class<T> type, String doc) {
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.doc = doc == null ? "" : doc;
    }

    public static <T> OutPort<T> of(String name, DataKind kind, Class<T> type, String doc) {
        return new OutPort<>(name, kind, type, doc);
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

    @Override
    public String toString() {
        return name + " (" + kind.title() + ")";
    }
}
