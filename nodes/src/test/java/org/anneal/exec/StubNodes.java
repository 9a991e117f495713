package org.anneal.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

/** Tiny node types that count their executions, for executor tests. */
public final class StubNodes {
    static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();
    static volatile CountDownLatch slowStarted = new CountDownLatch(1);
    static volatile CountDownLatch parallelGate = new CountDownLatch(2);

    private StubNodes() {
    }

    public static NodeRegistry registry() {
        return new NodeRegistry(java.util.List.of(new Source(), new Add(), new Slow(), new Fail(), new Crash(), new Parallel()));
    }

    static int executions(String id) {
        return EXECUTIONS.getOrDefault(id, new AtomicInteger()).get();
    }

    static void count(ExecContext ctx) {
        EXECUTIONS.computeIfAbsent(ctx.nodeId(), k -> new AtomicInteger()).incrementAndGet();
    }

    @NodeType(id = "test.source", title = "Number", phase = Phase.DATA, role = LeakageRole.SOURCE, doc = "Emits a number plus a seeded draw.")
    public static final class Source extends StubBase.Value<Source.Params> {
        public record Params(@Param(doc = "value", def = "1") double value,
                             @Param(doc = "add a random number from the node seed", def = "false") boolean random) {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            count(ctx);
            double r = p.random() ? new java.util.SplittableRandom(ctx.seed()).nextDouble() : 0;
            return Outputs.of(OUT, p.value() + r);
        }
    }

    @NodeType(id = "test.add", title = "Add", phase = Phase.PREPARE, role = LeakageRole.STATELESS, doc = "a + b + constant.")
    public static final class Add extends StubBase.Pass<Add.Params> {
        public record Params(@Param(doc = "constant", def = "0", min = -100, max = 100) double add) {
        }

        static final InPort<Double> B = InPort.of("b", DataKind.METRICS, Double.class, "").optional();

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            count(ctx);
            double b = in.has(B) ? in.get(B) : 0;
            return Outputs.of(OUT, (Double) in.get(A) + b + p.add());
        }
    }

    @NodeType(id = "test.slow", title = "Slow", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Works until cancelled.")
    public static final class Slow extends StubBase.Pass<Slow.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            count(ctx);
            slowStarted.countDown();
            long t0 = System.nanoTime();
            while (true) {
                ctx.checkCancelled();
                ctx.progress(Math.min(0.99, (System.nanoTime() - t0) / 1e9));
                Thread.onSpinWait();
            }
        }
    }

    @NodeType(id = "test.fail", title = "Fail", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Always fails.")
    public static final class Fail extends StubBase.Pass<Fail.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            throw new NodeFailure("the stub failed on purpose", "nothing to fix");
        }
    }

    /** Throws an Error that is not OutOfMemory or StackOverflow, as ND4J does when its native library cannot load. */
    @NodeType(id = "test.crash", title = "Crash", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Throws an Error.")
    public static final class Crash extends StubBase.Pass<Crash.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        }
    }

    /** Finishes only when two of its kind run at the same time: proves branches run in parallel. */
    @NodeType(id = "test.parallel", title = "Parallel", phase = Phase.MODEL, role = LeakageRole.STATELESS, doc = "Waits for a sibling.")
    public static final class Parallel extends StubBase.Pass<Parallel.Params> {
        public record Params() {
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) throws Exception {
            parallelGate.countDown();
            if (!parallelGate.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new NodeFailure("sibling never ran concurrently", "");
            }
            return Outputs.of(OUT, in.get(A));
        }
    }
}
