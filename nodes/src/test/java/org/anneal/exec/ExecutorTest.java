package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anneal.device.Device;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutorTest {
    private static final Device CPU = new Device("cpu", "cpu", "test", "");
    private Executor executor;

    @BeforeEach
    void setUp() {
        StubNodes.EXECUTIONS.clear();
        executor = new Executor(MemoryCache.standard(), 2);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    /** a → b → c, and a → d (two branches). */
    static Workflow chain(double bAdd) {
        return new Workflow(Meta.defaults(), List.of(
                node("a", "test.source", "{\"value\": 2}"),
                node("b", "test.add", "{\"add\": " + bAdd + "}"),
                node("c", "test.add", "{\"add\": 10}"),
                node("d", "test.add", "{\"add\": 100}")),
                List.of(Link.of("a:out", "b:a"), Link.of("b:out", "c:a"), Link.of("a:out", "d:a")), Map.of());
    }

    static NodeInstance node(String id, String type, String params) {
        try {
            return new NodeInstance(id, type, 1, (com.fasterxml.jackson.databind.node.ObjectNode) org.anneal.graph.Json.MAPPER.readTree(params), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    RunResult run(Workflow w, Set<String> targets, List<NodeEvent> events) {
        LoadedWorkflow lw = LoadedWorkflow.unsaved(w, Path.of("."));
        Validation v = new Validator(StubNodes.registry()).validate(lw, FileAccess.unrestricted(Path.of(".")));
        assertFalse(v.hasErrors(), v.problems().toString());
        return executor.run(v, new RunOptions(targets, CPU, FileAccess.unrestricted(Path.of("."))), events::add);
    }

    @Test
    void computesValuesThroughTheGraph() {
        RunResult r = run(chain(1), Set.of(), new ArrayList<>());
        assertTrue(r.succeeded());
        assertEquals(13.0, r.node("c").outputs().get("out"));
        assertEquals(102.0, r.node("d").outputs().get("out"));
    }

    @Test
    void secondRunIsServedEntirelyFromTheCache() {
        run(chain(1), Set.of(), new ArrayList<>());
        RunResult again = run(chain(1), Set.of(), new ArrayList<>());
        assertEquals(List.of(), again.executed());
        again.nodes().values().forEach(n -> assertEquals(NodeStatus.CACHED, n.status()));
        assertEquals(1, StubNodes.executions("a"));
        assertEquals(1, StubNodes.executions("c"));
    }

    @Test
    void changingOneParamReRunsOnlyThatNodeAndItsDownstream() {
        run(chain(1), Set.of(), new ArrayList<>());
        RunResult changed = run(chain(5), Set.of(), new ArrayList<>());
        assertEquals(Set.of("b", "c"), Set.copyOf(changed.executed()));
        assertEquals(NodeStatus.CACHED, changed.node("a").status());
        assertEquals(NodeStatus.CACHED, changed.node("d").status());
        assertEquals(17.0, changed.node("c").outputs().get("out"));
        assertEquals(1, StubNodes.executions("a"));
        assertEquals(2, StubNodes.executions("b"));
    }

    @Test
    void runUpToANodeRunsOnlyWhatItNeeds() {
        RunResult r = run(chain(1), Set.of("b"), new ArrayList<>());
        assertEquals(Set.of("a", "b"), r.nodes().keySet());
        assertEquals(0, StubNodes.executions("c"));
    }

    @Test
    void eventsGoQueuedRunningDonePerNodeWithTimings() {
        List<NodeEvent> events = Collections.synchronizedList(new ArrayList<>());
        run(chain(1), Set.of(), events);
        for (String id : List.of("a", "b", "c", "d")) {
            List<NodeStatus> seq = events.stream().filter(e -> e.nodeId().equals(id)).map(NodeEvent::status).distinct().toList();
            assertEquals(List.of(NodeStatus.QUEUED, NodeStatus.RUNNING, NodeStatus.DONE), seq, id);
        }
        NodeEvent done = events.stream().filter(e -> e.status() == NodeStatus.DONE).findFirst().orElseThrow();
        assertTrue(done.elapsedNanos() > 0);
    }

    @Test
    void independentBranchesRunInParallel() {
        StubNodes.parallelGate = new CountDownLatch(2);
        Workflow w = new Workflow(Meta.defaults(), List.of(node("a", "test.source", "{}"),
                node("p1", "test.parallel", "{}"), node("p2", "test.parallel", "{}")),
                List.of(Link.of("a:out", "p1:a"), Link.of("a:out", "p2:a")), Map.of());
        RunResult r = run(w, Set.of(), new ArrayList<>());
        assertTrue(r.succeeded(), r.problems().toString());
    }

    @Test
    void aFailureSkipsWhatDependsOnItAndSaysWhy() {
        Workflow w = new Workflow(Meta.defaults(), List.of(node("a", "test.source", "{}"), node("f", "test.fail", "{}"),
                node("after", "test.add", "{}"), node("other", "test.add", "{}")),
                List.of(Link.of("a:out", "f:a"), Link.of("f:out", "after:a"), Link.of("a:out", "other:a")), Map.of());
        RunResult r = run(w, Set.of(), new ArrayList<>());
        assertEquals(NodeStatus.FAILED, r.node("f").status());
        assertEquals("the stub failed on purpose", r.node("f").problem().message());
        assertEquals(NodeStatus.SKIPPED, r.node("after").status());
        assertTrue(r.node("after").problem().message().contains("'f'"));
        assertEquals(NodeStatus.DONE, r.node("other").status());
        assertFalse(r.succeeded());
    }

    /** An Error other than OutOfMemory (a native library that cannot load) used to leave the run waiting forever. */
    @Test
    void anErrorInANodeFailsThatNodeInsteadOfHangingTheRun() {
        Workflow w = new Workflow(Meta.defaults(), List.of(node("a", "test.source", "{}"), node("x", "test.crash", "{}"),
                node("after", "test.add", "{}")), List.of(Link.of("a:out", "x:a"), Link.of("x:out", "after:a")), Map.of());
        RunResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> run(w, Set.of(), new ArrayList<>()));
        assertEquals(NodeStatus.FAILED, r.node("x").status());
        assertTrue(r.node("x").problem().message().contains("UnsatisfiedLinkError"), r.node("x").problem().message());
        assertEquals(NodeStatus.SKIPPED, r.node("after").status());
    }

    @Test
    void cancelStopsARunningNodePromptly() throws Exception {
        StubNodes.slowStarted = new CountDownLatch(1);
        Workflow w = new Workflow(Meta.defaults(), List.of(node("a", "test.source", "{}"), node("s", "test.slow", "{}"),
                node("after", "test.add", "{}")), List.of(Link.of("a:out", "s:a"), Link.of("s:out", "after:a")), Map.of());
        LoadedWorkflow lw = LoadedWorkflow.unsaved(w, Path.of("."));
        Validation v = new Validator(StubNodes.registry()).validate(lw, FileAccess.unrestricted(Path.of(".")));
        List<NodeEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunHandle h = executor.start(v, new RunOptions(Set.of(), CPU, FileAccess.unrestricted(Path.of("."))), events::add);
        assertTrue(StubNodes.slowStarted.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        h.cancel();
        RunResult r = h.result().get(2, TimeUnit.SECONDS);
        assertTrue((System.nanoTime() - t0) < 2_000_000_000L);
        assertTrue(r.cancelled());
        assertEquals(NodeStatus.CANCELLED, r.node("s").status());
        assertEquals(NodeStatus.CANCELLED, r.node("after").status());
        // the worker thread is free again: a new run completes
        assertTrue(run(chain(1), Set.of(), new ArrayList<>()).succeeded());
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        Workflow w = new Workflow(Meta.defaults(), List.of(node("r", "test.source", "{\"random\": true}")), List.of(), Map.of());
        double first = (Double) run(w, Set.of(), new ArrayList<>()).node("r").outputs().get("out");
        executor.cache().clear();
        double again = (Double) run(w, Set.of(), new ArrayList<>()).node("r").outputs().get("out");
        assertEquals(first, again);
        double other = (Double) run(w.withMeta(w.meta().withSeed(43)), Set.of(), new ArrayList<>()).node("r").outputs().get("out");
        assertNotEquals(first, other);
        assertNotEquals(Seeds.forNode(42, "a"), Seeds.forNode(42, "b"));
    }
}
