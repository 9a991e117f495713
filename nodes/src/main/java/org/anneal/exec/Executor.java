package org.anneal.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.anneal.graph.Problem;
import org.anneal.spec.Fingerprint;

/**
 * Runs a validated workflow: independent branches in parallel on a bounded pool, every node's outputs
 * cached under its Merkle key, progress and status reported as events, and cancellation that returns
 * at once. One executor (and its cache) lives as long as an editor window or a command.
 */
public final class Executor implements AutoCloseable {
    private final NodeCache cache;
    private final ExecutorService pool;

    public Executor(NodeCache cache, int threads) {
        this.cache = cache;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "anneal-node-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), tf);
    }

    /** A pool as wide as the machine, and an in-memory cache. */
    public static Executor standard() {
        return new Executor(MemoryCache.standard(), Runtime.getRuntime().availableProcessors());
    }

    public NodeCache cache() {
        return cache;
    }

    /** Runs and waits. */
    public RunResult run(Validation v, RunOptions options, ExecutionListener listener) {
        return start(v, options, listener).await();
    }

    /** Starts a run and returns at once; events arrive on pool threads. */
    public RunHandle start(Validation v, RunOptions options, ExecutionListener listener) {
        List<String> scope = scope(v, options.targets());
        long seed = v.source().workflow().meta().seed();
        Map<String, List<Fingerprint>> fingerprints = new LinkedHashMap<>();
        List<String> runnable = scope.stream().filter(v::isRunnable).toList();
        Map<String, Problem> blocked = new LinkedHashMap<>();
        Callable<Map<String, String>> computeKeys = () -> {
            Map<String, String> k = CacheKeys.compute(v, runnable, seed, options.device(), options.files(), fingerprints);
            org.anneal.util.Phases.mark("cache keys (digests of the files read)");
            return k;
        };
        CompletableFuture<Map<String, String>> keys = new CompletableFuture<>();
        if (cacheIsEmpty()) {
            // nothing to look up, so the nodes need not wait for their keys: the SHA-256 of a 200 MB data file is
            // computed beside its parse instead of before it (bench/leakage-bench.sh); outputs are cached once it is known
            Thread t = new Thread(() -> complete(keys, computeKeys), "anneal-cache-keys");
            t.setDaemon(true);
            t.start();
        } else {
            complete(keys, computeKeys);
            if (keys.isCompletedExceptionally()) {
                for (String id : runnable) { // a file vanished between validation and run: fail every node rather than guess
                    blocked.put(id, Run.inputFileProblem(keys, id));
                }
            }
        }
        for (String id : scope) {
            if (!v.isRunnable(id) && !blocked.containsKey(id)) {
                blocked.put(id, Problem.error("node.not-runnable", "'" + id + "' cannot run because of the problems listed for it or upstream.",
                        "Fix the problems shown by validation first.").atNode(id));
            }
        }
        Run run = new Run(v, options, listener, pool, cache, scope, keys, blocked, fingerprints);
        run.start();
        return run;
    }

    private boolean cacheIsEmpty() {
        return cache == NodeCache.NONE || cache instanceof MemoryCache m && m.size() == 0;
    }

    private static void complete(CompletableFuture<Map<String, String>> keys, Callable<Map<String, String>> compute) {
        try {
            keys.complete(compute.call());
        } catch (Exception e) { // IOException, ConfigError: a file read at validation is gone
            keys.completeExceptionally(e);
        }
    }

    /** Targets plus everything upstream of them, in plan order. */
    static List<String> scope(Validation v, Set<String> targets) {
        List<String> all = new ArrayList<>(v.source().workflow().nodes().stream().map(n -> n.id()).toList());
        List<String> ordered = new ArrayList<>(v.order());
        all.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add); // nodes on cycles, to report them
        if (targets.isEmpty()) {
            return ordered;
        }
        Set<String> need = new HashSet<>();
        List<String> stack = new ArrayList<>(targets);
        while (!stack.isEmpty()) {
            String id = stack.remove(stack.size() - 1);
            if (need.add(id)) {
                stack.addAll(v.inputs().getOrDefault(id, Set.of()));
            }
        }
        return ordered.stream().filter(need::contains).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
