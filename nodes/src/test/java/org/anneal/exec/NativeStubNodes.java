package org.anneal.exec;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.anneal.ml.NativeWork;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Phase;

/** Stub nodes that record how many of them run at once, for the native lane and the device and seed in cache keys. */
final class NativeStubNodes {
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger MAX_ACTIVE = new AtomicInteger();
    /** Counted down by every tracked node on entry: a node inside sees a sibling arrive only if they overlap. */
    static volatile CountDownLatch bothInside = new CountDownLatch(2);

    private NativeStubNodes() {
    }

    static NodeRegistry registry() {
        return new NodeRegistry(List.of(new StubNodes.Source(), new NetworkValue(), new Track(), new OnDevice(), new SeedLiar()));
    }

    static void reset() {
        ACTIVE.set(0);
        MAX_ACTIVE.set(0);
        bothInside = new CountDownLatch(2);
    }

    /** Enters, waits up to half a second for a sibling to enter too, leaves. */
    static Object track(Object value) throws InterruptedException {
        MAX_ACTIVE.accumulateAndGet(ACTIVE.incrementAndGet(), Math::max);
        try {
            bothInside.countDown();
            bothInside.await(500, TimeUnit.MILLISECONDS);
            return value;
        } finally {
            ACTIVE.decrementAndGet();
        }
    }

    /** What a network learner will be: using it runs native code. */
    record Network() implements NativeWork {
    }

    @NodeType(id = "test.network", title = "Network", phase = Phase.MODEL, role = LeakageRole.SOURCE, usesSeed = false, doc = "A native value.")
    public static final class NetworkValue extends StubBase.Value<NetworkValue.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            return Outputs.of(OUT, new Network());
        }
    }

    @NodeType(id = "test.track", title = "Track", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false, doc = "An ordinary node.")
    public static final class Track extends StubBase.Pass<Track.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) throws Exception {
            return Outputs.of(OUT, track(in.get(A)));
        }
    }

    @NodeType(id = "test.device", title = "On device", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesDevice = true, usesSeed = false,
            doc = "Native work on the device.")
    public static final class OnDevice extends StubBase.Pass<OnDevice.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) throws Exception {
            return Outputs.of(OUT, track(in.get(A)));
        }
    }

    @NodeType(id = "test.seed-liar", title = "Liar", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesSeed = false,
            doc = "Says it needs no seed, then asks for it.")
    public static final class SeedLiar extends StubBase.Pass<SeedLiar.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            return Outputs.of(OUT, (double) ctx.seed());
        }
    }
}
