package org.anneal.exec;

import static org.anneal.exec.ExecutorTest.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.device.Device;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.graph.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Native work runs one node at a time; device and seed enter the cache keys of exactly the nodes that use them. */
class NativeWorkTest {
    private static final Device CPU = new Device("cpu", "cpu", "nd4j-native", "");
    private Executor executor;

    @BeforeEach
    void setUp() {
        NativeStubNodes.reset();
        // four threads: two parallel branches must have threads to overlap on, even while a third waits for the lane
        executor = new Executor(MemoryCache.standard(), 4);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private RunResult run(Workflow w, Device device) {
        LoadedWorkflow lw = LoadedWorkflow.unsaved(w, Path.of("."));
        Validation v = new Validator(NativeStubNodes.registry()).validate(lw, FileAccess.unrestricted(Path.of(".")));
        assertFalse(v.hasErrors(), v.problems().toString());
        executor.cache().clear();
        return executor.run(v, new RunOptions(Set.of(), device, FileAccess.unrestricted(Path.of("."))), e -> { });
    }

    /** source → x and source → y, two parallel branches of node type {@code type}. */
    private static Workflow twoBranches(String source, String type, long seed) {
        return new Workflow(new Meta("t", "", seed, "auto"), List.of(node("s", source, "{}"), node("x", type, "{}"), node("y", type, "{}")),
                List.of(Link.of("s:out", "x:a"), Link.of("s:out", "y:a")), Map.of());
    }

    @Test
    void ordinaryNodesOnParallelBranchesOverlap() {
        assertTrue(run(twoBranches("test.source", "test.track", 1), CPU).succeeded());
        assertEquals(2, NativeStubNodes.MAX_ACTIVE.get(), "both were inside at once");
    }

    @Test
    void nodesThatUseTheDeviceNeverOverlap() {
        RunResult r = run(twoBranches("test.source", "test.device", 1), CPU);
        assertTrue(r.succeeded(), r.problems().toString());
        assertEquals(1, NativeStubNodes.MAX_ACTIVE.get(), "the second waited until the first had left");
        assertEquals(0, NativeStubNodes.bothInside.getCount(), "both ran");
    }

    @Test
    void ordinaryNodesHandedANativeValueNeverOverlapEither() {
        // a network learner is made by one node and trained by another: the training node must take the lane
        RunResult r = run(twoBranches("test.network", "test.track", 1), CPU);
        assertTrue(r.succeeded(), r.problems().toString());
        assertEquals(1, NativeStubNodes.MAX_ACTIVE.get());
    }

    @Test
    void deviceBackendAndThreadsEnterTheKeysOfDeviceNodesOnly() {
        Workflow w = twoBranches("test.source", "test.device", 1);
        RunResult cpu = run(w, CPU);
        RunResult gpu = run(w, new Device("gpu", "gpu", "nd4j-cuda-11.6", ""));
        RunResult otherBackend = run(w, new Device("cpu", "cpu", "another backend", ""));
        assertEquals(cpu.node("s").cacheKey(), gpu.node("s").cacheKey(), "an ordinary node keeps its key on another device");
        assertNotEquals(cpu.node("x").cacheKey(), gpu.node("x").cacheKey());
        assertNotEquals(cpu.node("x").cacheKey(), otherBackend.node("x").cacheKey());
        assertEquals(cpu.node("x").cacheKey(), run(w, CPU).node("x").cacheKey(), "and the same key on the same device");
    }

    @Test
    void theSeedEntersTheKeysOfSeededNodesOnly() {
        RunResult one = run(twoBranches("test.source", "test.track", 1), CPU);
        RunResult two = run(twoBranches("test.source", "test.track", 2), CPU);
        assertNotEquals(one.node("s").cacheKey(), two.node("s").cacheKey(), "test.source draws from its seed");
        RunResult n1 = run(twoBranches("test.network", "test.track", 1), CPU);
        RunResult n2 = run(twoBranches("test.network", "test.track", 2), CPU);
        assertEquals(n1.node("s").cacheKey(), n2.node("s").cacheKey(), "test.network declares usesSeed = false");
        assertEquals(n1.node("x").cacheKey(), n2.node("x").cacheKey(), "and so does what it feeds");
    }

    @Test
    void aNodeThatDeclaresNoSeedCannotUseOne() {
        RunResult r = run(twoBranches("test.source", "test.seed-liar", 1), CPU);
        assertEquals(NodeStatus.FAILED, r.node("x").status());
        assertTrue(r.node("x").problem().message().contains("declares usesSeed = false but asked for its seed"), r.node("x").problem().message());
    }
}
