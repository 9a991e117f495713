package org.anneal.exec;

import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.InPort;
import org.anneal.spec.Node;
import org.anneal.spec.OutPort;
import org.anneal.spec.Specs;
import org.anneal.spec.ValueSpec;

/** Families for the executor's stub nodes: each hands on one plain value; a member says only how it computes it. */
public final class StubBase {
    private StubBase() {
    }

    /** A stub with one value out ({@code out}) and no configure checks. */
    public abstract static class Value<P extends Record> implements Node<P> {
        static final OutPort<Object> OUT = OutPort.of("out", DataKind.METRICS, Object.class, "");

        @Override
        public final Specs configure(Specs in, P p, ConfigContext ctx) {
            return Specs.of(OUT, ValueSpec.of(DataKind.METRICS));
        }
    }

    /** A stub with one value in ({@code a}) as well. */
    public abstract static class Pass<P extends Record> extends Value<P> {
        static final InPort<Object> A = InPort.of("a", DataKind.METRICS, Object.class, "");
    }
}
