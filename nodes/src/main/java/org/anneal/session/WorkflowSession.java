package org.anneal.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.NodeStatus;
import org.anneal.exec.RunHandle;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.lineage.CheckProgress;
import org.anneal.lineage.ChecksAhead;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeRegistry;

/**
 * The one way into the engine for whoever checks or runs a whole workflow: validate → static leakage findings
 * ({@link #check}) → run → run-time leakage findings ({@link #start}, {@link #run}) → report
 * ({@link SessionResult#report()}). {@code anneal run}, {@code check} (and {@code --fix}), {@code handin},
 * {@code grade}, {@code puzzle verify} and the editor all go through it, so a step added here (a limit, a new
 * kind of finding, a provenance field) reaches every one of them. Callers keep what is theirs: what they print,
 * which thresholds they trust, and the executor (with its cache), which they own and close.
 */
public final class WorkflowSession {
    /** The name of the live value that says, on the node being checked, which run-time leakage check is running. */
    public static final String CHECKS = "leakage checks";
    private final NodeRegistry registry;
    private final Executor executor;

    /** A session that runs on {@code executor}; null for one that only checks. */
    public WorkflowSession(NodeRegistry registry, Executor executor) {
        this.registry = registry;
        this.executor = executor;
    }

    /** A session that only checks (validation and static findings), never runs. */
    public static WorkflowSession checking(NodeRegistry registry) {
        return new WorkflowSession(registry, null);
    }

    public NodeRegistry registry() {
        return registry;
    }

    /** Validates with paths resolved against the workflow's folder and nothing else restricted. */
    public Checked check(LoadedWorkflow lw) {
        return check(lw, FileAccess.unrestricted(lw.baseDir()));
    }

    /** Validation and the static leakage findings; the run that may follow reads files the same way. */
    public Checked check(LoadedWorkflow lw, FileAccess files) {
        Validation v = new Validator(registry).validate(lw, files);
        org.anneal.util.Phases.mark("validated (configure of every node)");
        List<Finding> findings = new LeakageAnalyzer().analyze(v);
        org.anneal.util.Phases.mark("static leakage findings");
        return new Checked(v, findings, files);
    }

    /** Runs and waits; see {@link #start}. */
    public SessionResult run(Checked checked, SessionOptions options) {
        return start(checked, options).await();
    }

    /**
     * Starts the run of a workflow that validated without errors and returns at once. The result completes after
     * the run, with the run-time findings when the options ask for them.
     *
     * @throws IllegalArgumentException when validation found errors (nothing of such a workflow can be trusted to run)
     */
    public SessionRun start(Checked checked, SessionOptions options) {
        if (executor == null) {
            throw new IllegalStateException("this session only checks; give it an executor to run");
        }
        if (!checked.runnable()) {
            throw new IllegalArgumentException("the workflow has problems that stop it from running: "
                    + checked.validation().errors().get(0).describe());
        }
        // each split's run-time checks start as soon as it has its tables, beside the nodes after it
        DynamicChecks.Thresholds thresholds = options.thresholds();
        ChecksAhead ahead = thresholds == null ? null : new ChecksAhead(new DynamicChecks(thresholds), checked.validation(), () -> progress(options));
        RunHandle handle = executor.start(checked.validation(), new RunOptions(options.targets(), options.device(), checked.files()),
                ahead == null ? options.listener() : ahead.listening(options.listener()));
        AtomicBoolean limitReached = new AtomicBoolean();
        if (options.timeLimit() != null) {
            CompletableFuture.delayedExecutor(options.timeLimit().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (!handle.result().isDone()) {
                    limitReached.set(true); // before cancel: cancelling completes the result on this thread
                    handle.cancel();
                }
            });
        }
        // the run-time checks left after the run (a split's may be under way already) run on a thread of their own, so that
        // cancelling the session stops them too
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Thread> checking = new AtomicReference<>();
        CompletableFuture<SessionResult> result = new CompletableFuture<>();
        handle.result().whenComplete((r, failure) -> {
            if (failure != null) {
                close(ahead);
                result.completeExceptionally(failure);
                return;
            }
            org.anneal.util.Phases.mark("nodes ran");
            Thread t = new Thread(() -> {
                try {
                    result.complete(finish(checked, options, r, limitReached.get() && r.cancelled(), cancelled, ahead));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "leakage checks");
            t.setDaemon(true);
            checking.set(t);
            t.start();
            if (cancelled.get()) {
                t.interrupt(); // cancelled between the end of the run and the start of the checks
            }
        });
        return new SessionRun() {
            @Override
            public void cancel() {
                cancelled.set(true);
                handle.cancel();
                close(ahead);
                Thread t = checking.get();
                if (t != null) {
                    t.interrupt();
                }
            }

            @Override
            public CompletableFuture<SessionResult> result() {
                return result;
            }
        };
    }

    /**
     * The run-time findings, their progress reported to the options' listener as live values of the node being checked
     * ({@value #CHECKS}). Cancelled during the checks, the result is the run's, marked cancelled, without run-time findings.
     */
    private static SessionResult finish(Checked checked, SessionOptions options, RunResult r, boolean timedOut, AtomicBoolean cancelled,
                                        ChecksAhead ahead) {
        DynamicChecks.Thresholds t = options.thresholds();
        try (ahead) { // the checks started ahead are taken here, or stopped
            if (t == null || timedOut || r.cancelled()) {
                return new SessionResult(checked, r, List.of(), timedOut);
            }
            if (cancelled.get()) {
                throw new ExecContext.Cancelled();
            }
            List<Finding> dynamic = new DynamicChecks(t).analyze(checked.validation(), r, progress(options), ahead);
            return new SessionResult(checked, r, dynamic, timedOut);
        } catch (ExecContext.Cancelled e) {
            RunResult stopped = new RunResult(r.nodes(), r.device(), r.totalNanos(), true, r.fingerprints());
            return new SessionResult(checked, stopped, List.of(), false);
        }
    }

    /** Progress of the checks as live values of the node being checked, timed from now. */
    private static CheckProgress progress(SessionOptions options) {
        long t0 = System.nanoTime();
        return (node, what, fraction) -> options.listener().onEvent(new NodeEvent(node, NodeStatus.RUNNING, fraction, "",
                System.nanoTime() - t0, new NodeEvent.Live(CHECKS, what)));
    }

    private static void close(ChecksAhead ahead) {
        if (ahead != null) {
            ahead.close();
        }
    }
}
