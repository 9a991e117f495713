package org.anneal.spec;

/**
 * An input port: a name unique within its node, the kind of value it takes and whether a wire is
 * required. Declared as a {@code static final} field of the node class; the descriptor finds it there.
 */
public final class InPort<T> extends Port<T> {
    private final boolean optional;
    private final boolean fitting;
    private final boolean choosing;

    private InPort(String name, DataKind kind, Class<T> type, boolean optional, boolean fitting, boolean choosing, String doc) {
        super(name, kind, type, doc);
        this.optional = optional;
        this.fitting = fitting;
        this.choosing = choosing;
    }

    public static <T> InPort<T> of(String name, DataKind kind, Class<T> type, String doc) {
        return new InPort<>(name, kind, type, false, false, false, doc);
    }

    /** The same port, but a node may run without a wire on it. */
    public InPort<T> optional() {
        return new InPort<>(name(), kind(), type(), true, fitting, choosing, doc());
    }

    /**
     * The same port, marked as the one whose rows the node learns from (a scaler's {@code fit}, a trainer's
     * {@code train}). The leakage analysis checks where the rows on fitting ports come from.
     */
    public InPort<T> fitting() {
        return new InPort<>(name(), kind(), type(), optional, true, choosing, doc());
    }

    public boolean isFitting() {
        return fitting;
    }

    /**
     * The same port, marked as the one whose rows decide between candidates (tuning, model selection, early
     * stopping). The leakage analysis refuses test rows here (L6).
     */
    public InPort<T> choosing() {
        return new InPort<>(name(), kind(), type(), optional, fitting, true, doc());
    }

    public boolean isChoosing() {
        return choosing;
    }

    public boolean isOptional() {
        return optional;
    }

    @Override
    public String toString() {
        return name() + " (" + kind().title() + (optional ? ", optional" : "") + ")";
    }
}
