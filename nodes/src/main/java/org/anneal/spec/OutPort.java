package org.anneal.spec;

/** An output port; declared as a {@code static final} field of the node class like {@link InPort}. */
public final class OutPort<T> extends Port<T> {

    private OutPort(String name, DataKind kind, Class<T> type, String doc) {
        super(name, kind, type, doc);
    }

    public static <T> OutPort<T> of(String name, DataKind kind, Class<T> type, String doc) {
        return new OutPort<>(name, kind, type, doc);
    }

    @Override
    public String toString() {
        return name() + " (" + kind().title() + ")";
    }
}
