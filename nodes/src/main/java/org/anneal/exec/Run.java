package org.anneal.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.anneal.graph.PortRef;
import org.anneal.graph.Problem;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Fingerprint;
import org.anneal.spec.Inputs;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;

/** One run's bookkeeping: which nodes wait for which, what finished, and cancellation. */
final class Run implements RunHandle {
    private static final Logger LOG = Logger.getLogger(Run.class.getName());

    private final Validation v;
    private final RunOptions options;
    private final ExecutionListener listener;
    private final ExecutorService pool;
    private final NodeCache cache;
    private final List<String> scope;
    /** Known at the start, or computed beside the first nodes when the cache held nothing (see {@link Executor#start}). */
    private final CompletableFuture<Map<String, String>> keys;
    private final Map<String, Problem> blocked;
    private final Map<String, List<Fingerprint>> fingerprints;

    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, List<String>> consumers = new HashMap<>();
    private final Map<String, NodeResult> results = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();
    private final long started = System.nanoTime();
    private volatile boolean cancelled;

    Run(Validation v, RunOptions options, ExecutionListener listener, ExecutorService pool, NodeCache cache,
        List<String> scope, CompletableFuture<Map<String, String>> keys, Map<String, Problem> blocked, Map<String, List<Fingerprint>> fingerprints) {
        this.v = v;
        this.options = options;
        this.listener = listener;
        this.pool = pool;
        this.cache = cache;
        this.scope = scope;
        this.keys = keys;
        this.blocked = blocked;
        this.fingerprints = fingerprints;
    }

    void start() {
        for (String id : scope) {
            int n = 0;
            for (PortRef from : v.wiring().getOrDefault(id, Map.of()).values()) {
                if (scope.contains(from.node())) {
                    n++;
                    consumers.computeIfAbsent(from.node(), k -> new ArrayList<>()).add(id);
                }
            }
            waiting.put(id, n);
            emit(id, NodeStatus.QUEUED, 0, "", 0);
        }
        List<String> ready = new ArrayList<>();
        synchronized (this) {
            for (String id : scope) {
                if (waiting.get(id) == 0) {
                    ready.add(id);
                }
            }
        }
        if (scope.isEmpty()) {
            finish();
        }
        ready.forEach(this::dispatch);
    }

    /** Serves a node from the cache, skips it, or sends it to the pool. */
    private void dispatch(String id) {
        if (cancelled) {
            return;
        }
        Problem block = blocked.get(id);
        if (block == null && keys.isCompletedExceptionally()) {
            block = inputFileProblem(keys, id);
        }
        if (block != null) {
            complete(new NodeResult(id, NodeStatus.SKIPPED, null, 0, block, null));
            return;
        }
        if (!keys.isDone()) { // the cache held nothing when the run started: there is nothing to look up
            running.put(id, pool.submit(() -> execute(id, null)));
            return;
        }
        String key = key(id);
        Outputs hit = cache.get(key);
        if (hit != null) {
            complete(new NodeResult(id, NodeStatus.CACHED, hit, 0, null, key));
            return;
        }
        running.put(id, pool.submit(() -> execute(id, key)));
    }

    private void execute(String id, String key) {
        NodeDescriptor d = v.descriptors().get(id);
        Map<String, Object> in = new LinkedHashMap<>();
        v.wiring().getOrDefault(id, Map.of()).forEach((port, from) ->
                in.put(port, results.get(from.node()).outputs().get(from.port())));
        boolean lane = NativeLane.needed(d, in.values());
        try {
            if (lane) {
                NativeLane.enter(); // the node stays queued while another one holds the native lane
            }
        } catch (InterruptedException e) {
            running.remove(id);
            complete(new NodeResult(id, NodeStatus.CANCELLED, null, 0, null, key));
            return;
        }
        try {
            execute(id, key, d, in);
        } finally {
            if (lane) {
                NativeLane.leave();
            }
        }
    }

    /**
     * True when a table reaching {@code id} (directly or further up) has columns the data decided (a feature
     * selection's subset, class-probability columns): this node's configure could then only promise the columns it
     * saw in the specs, and which of them really exist is known only now.
     */
    private boolean columnsOpenUpstream(String id) {
        for (PortRef from : v.wiring().getOrDefault(id, Map.of()).values()) {
            Specs up = v.outSpecs().get(from.node());
            if (up != null && up.runTimeColumns(from.port()).isPresent() || columnsOpenUpstream(from.node())) {
                return true;
            }
        }
        return false;
    }

    private void execute(String id, String key, NodeDescriptor d, Map<String, Object> in) {
        long t0 = System.nanoTime();
        emit(id, NodeStatus.RUNNING, 0, "", 0);
        try {
            Specs promised = v.outSpecs().get(id); // with the plan configure made, so execute need not decide again
            Outputs out = d.execute(new Inputs(in, promised), v.params().get(id), new Ctx(id, t0));
            checkOutputs(d, out);
            if (options.checkSpecs()) {
                List<String> broken = SpecConformance.differences(promised, out, columnsOpenUpstream(id));
                if (!broken.isEmpty()) {
                    complete(failed(id, key != null ? key : key(id), t0, Problem.error("node.spec-mismatch", "'" + id + "' (" + d.id()
                            + ") produced tables other than its configure promised: " + String.join("; ", broken) + ".",
                            "This is a bug in the node type " + d.id() + ": its configure and execute disagree.")));
                    return;
                }
            }
            if (cancelled) {
                return;
            }
            long nanos = System.nanoTime() - t0; // without the wait for the key below
            key = key != null ? key : key(id);
            if (key == null) {
                complete(failed(id, null, t0, inputFileProblem(keys, id)));
                return;
            }
            cache.put(key, out);
            complete(new NodeResult(id, NodeStatus.DONE, out, nanos, null, key));
        } catch (ExecContext.Cancelled | InterruptedException e) {
            complete(new NodeResult(id, NodeStatus.CANCELLED, null, System.nanoTime() - t0, null, key != null ? key : keyNow(id)));
        } catch (NodeFailure e) {
            complete(failed(id, key != null ? key : key(id), t0, Problem.error("node.failed", e.getMessage(), e.fix())));
        } catch (ConfigError e) {
            complete(failed(id, key != null ? key : key(id), t0, Problem.error("node.failed", e.getMessage(), e.fix())));
        } catch (OutOfMemoryError e) {
            complete(failed(id, key != null ? key : key(id), t0, Problem.error("node.memory", "'" + id + "' ran out of memory.",
                    "Use a smaller dataset or give Java more memory (ANNEAL_OPTS=-Xmx8g).")));
        } catch (Exception | Error e) {
            // every Error too (a native library that cannot load, a class missing from the class path): one the
            // pool's future swallowed left the run waiting forever for this node
            if (cancelled) {
                complete(new NodeResult(id, NodeStatus.CANCELLED, null, System.nanoTime() - t0, null, key != null ? key : keyNow(id)));
                return;
            }
            LOG.log(Level.WARNING, "node " + id + " (" + d.id() + ") failed", e);
            complete(failed(id, key != null ? key : key(id), t0, Problem.error("node.internal", "'" + id + "' stopped with an internal error: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    "This is probably a bug in Anneal; please report it with the workflow file.")));
        } finally {
            running.remove(id);
        }
    }

    private static NodeResult failed(String id, String key, long t0, Problem p) {
        return new NodeResult(id, NodeStatus.FAILED, null, System.nanoTime() - t0, p.atNode(id), key);
    }

    private static void checkOutputs(NodeDescriptor d, Outputs out) {
        for (OutPort<?> p : d.outputs()) {
            Object value = out.get(p.name());
            if (value == null || !p.type().isInstance(value)) {
                throw new IllegalStateException(d.id() + " returned " + (value == null ? "nothing" : value.getClass().getSimpleName())
                        + " on output " + p.name());
            }
        }
    }

    /** Records a final status and releases or skips the consumers, without recursion. */
    private void complete(NodeResult first) {
        Deque<NodeResult> pending = new ArrayDeque<>();
        pending.add(first);
        List<String> ready = new ArrayList<>();
        while (!pending.isEmpty()) {
            NodeResult r = pending.poll();
            synchronized (this) {
                if (cancelled || results.containsKey(r.nodeId())) {
                    continue;
                }
                results.put(r.nodeId(), r);
            }
            emit(r.nodeId(), r.status(), 1, r.problem() == null ? "" : r.problem().message(), r.nanos());
            try {
                listener.onResult(r);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "execution listener failed", e);
            }
            for (String c : consumers.getOrDefault(r.nodeId(), List.of())) {
                if (!r.status().hasOutputs()) {
                    Problem p = Problem.error("node.upstream-failed", "'" + c + "' did not run because '" + r.nodeId() + "' "
                            + r.status().name().toLowerCase() + ".", "Fix '" + r.nodeId() + "' first.").atNode(c);
                    pending.add(new NodeResult(c, NodeStatus.SKIPPED, null, 0, p, keyNow(c)));
                } else {
                    synchronized (this) {
                        if (waiting.merge(c, -1, Integer::sum) == 0) {
                            ready.add(c);
                        }
                    }
                }
            }
        }
        boolean finished;
        synchronized (this) {
            finished = results.size() == scope.size();
        }
        if (finished) {
            finish();
        }
        ready.forEach(this::dispatch);
    }

    private void finish() {
        Map<String, NodeResult> ordered = new LinkedHashMap<>();
        for (String id : scope) {
            NodeResult r = results.get(id);
            ordered.put(id, r != null ? r : new NodeResult(id, NodeStatus.CANCELLED, null, 0, null, keyNow(id)));
        }
        // the keys' thread fills the fingerprints: they are complete once the keys are (a cancelled run may not wait)
        Map<String, List<Fingerprint>> read = keys.isDone() && !keys.isCompletedExceptionally() ? fingerprints : Map.of();
        done.complete(new RunResult(Collections.unmodifiableMap(ordered), options.device(), System.nanoTime() - started,
                cancelled, Collections.unmodifiableMap(read)));
    }

    /** The node's key, waiting for it when it is still being computed; null when it could not be (a file is gone). */
    private String key(String id) {
        try {
            return keys.join().get(id);
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    /** The node's key if it is known by now, without waiting. */
    private String keyNow(String id) {
        Map<String, String> k = keys.isDone() && !keys.isCompletedExceptionally() ? keys.join() : Map.of();
        return k.get(id);
    }

    /** A file read at validation could not be read again to compute the keys: no result of this run can be cached. */
    static Problem inputFileProblem(CompletableFuture<Map<String, String>> keys, String id) {
        String why;
        try {
            keys.join();
            why = "unknown";
        } catch (java.util.concurrent.CompletionException e) {
            why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        }
        return Problem.error("node.input-file", "Cannot read an input file: " + why, "Check that the dataset file still exists.").atNode(id);
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (cancelled || done.isDone()) {
                return;
            }
            cancelled = true;
        }
        running.values().forEach(f -> f.cancel(true));
        for (String id : scope) {
            if (!results.containsKey(id)) {
                emit(id, NodeStatus.CANCELLED, 0, "cancelled", 0);
            }
        }
        finish();
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return done;
    }

    private void emit(String id, NodeStatus s, double progress, String message, long nanos) {
        emit(new NodeEvent(id, s, progress, message, nanos));
    }

    private void emit(NodeEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "execution listener failed", e); // a broken view must not break the run
        }
    }

    /** The context a node sees while it executes. */
    private final class Ctx implements ExecContext {
        private final String id;
        private final long t0;
        private volatile long lastEmit;
        private volatile double lastProgress;
        private volatile long lastPublish;

        Ctx(String id, long t0) {
            this.id = id;
            this.t0 = t0;
        }

        @Override
        public long seed() {
            NodeDescriptor d = v.descriptors().get(id);
            if (!d.usesSeed()) {
                // its cache key leaves the seed out, so a changed seed would silently reuse stale random numbers
                throw new IllegalStateException("'" + d.id() + "' declares usesSeed = false but asked for its seed; declare usesSeed = true.");
            }
            return Seeds.forNode(v.source().workflow().meta().seed(), id);
        }

        @Override
        public void checkCancelled() {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                throw new Cancelled();
            }
        }

        @Override
        public void progress(double fraction) {
            long now = System.nanoTime();
            // at most ~20 events a second per node, and only on visible change
            if (!cancelled && now - lastEmit > 50_000_000L && Math.abs(fraction - lastProgress) >= 0.01) {
                lastEmit = now;
                lastProgress = fraction;
                emit(id, NodeStatus.RUNNING, Math.max(0, Math.min(1, fraction)), "", now - t0);
            }
        }

        @Override
        public void publish(String name, Object value) {
            long now = System.nanoTime();
            // at most 20 a second per node, whatever the node does; nothing once the run is cancelled
            if (!cancelled && now - lastPublish >= 50_000_000L) {
                lastPublish = now;
                emit(new NodeEvent(id, NodeStatus.RUNNING, lastProgress, "", now - t0, new NodeEvent.Live(name, value)));
            }
        }

        @Override
        public String nodeId() {
            return id;
        }

        @Override
        public String device() {
            return options.device().name();
        }

        @Override
        public java.nio.file.Path resolve(String path, String param) throws ConfigError {
            return options.files().resolve(path, param);
        }
    }
}
