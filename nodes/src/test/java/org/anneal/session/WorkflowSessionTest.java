package org.anneal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anneal.device.Device;
import org.anneal.exec.ExecutionListener;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.NodeEvent;
import org.anneal.exec.NodeStatus;
import org.anneal.exec.StubNodes;
import org.anneal.graph.Json;
import org.anneal.graph.Link;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowSessionTest {
    private static final Device CPU = new Device("cpu", "cpu", "test", "");
    private final Executor executor = new Executor(MemoryCache.standard(), 2);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        executor.close();
    }

    /** Scaled on all rows before the split (static L-finding), and every row measured five times (D1 at run time). */
    private LoadedWorkflow leaky() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i / 5).append(',').append((i / 5) % 3).append(',').append(i / 5 * 1.5 + (i / 5) % 4).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":["
                + "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}},"
                + "{\"id\":\"scale\",\"type\":\"prepare.standardize\"},"
                + "{\"id\":\"split\",\"type\":\"split.holdout\",\"params\":{\"test\":0.3}},"
                + "{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},"
                + "{\"id\":\"score\",\"type\":\"evaluate.regression\"}],"
                + "\"links\":[{\"from\":\"load:table\",\"to\":\"scale:fit\"},{\"from\":\"load:table\",\"to\":\"scale:data\"},"
                + "{\"from\":\"scale:out\",\"to\":\"split:table\"},{\"from\":\"ridge:learner\",\"to\":\"fit:learner\"},"
                + "{\"from\":\"split:train\",\"to\":\"fit:train\"},{\"from\":\"fit:model\",\"to\":\"score:model\"},"
                + "{\"from\":\"split:test\",\"to\":\"score:data\"}]}");
        return new WorkflowCodec().read(dir.resolve("w.json"));
    }

    @Test
    void findsStaticThenRunTimeLeakageAndReportsBoth() throws Exception {
        WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), executor);
        Checked checked = session.check(leaky());
        assertTrue(checked.runnable(), checked.validation().problems().toString());
        assertFalse(checked.staticFindings().isEmpty(), "scaling before the split is a static finding");

        SessionResult s = session.run(checked, SessionOptions.on(CPU).withRunTimeChecks(DynamicChecks.Thresholds.DEFAULT));
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        assertTrue(s.dynamicFindings().stream().anyMatch(f -> f.rule().equals("D1")), s.dynamicFindings().toString());
        assertEquals(checked.staticFindings().size() + s.dynamicFindings().size(), s.findings().size());
        assertEquals(checked.staticFindings().get(0).rule(), s.findings().get(0).rule(), "static findings come first");
        List<String> reported = s.report().path("findings").findValuesAsText("rule");
        assertEquals(s.findings().stream().map(Finding::rule).toList(), reported);
    }

    @Test
    void runsNoRunTimeChecksUnlessAsked() throws Exception {
        WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), executor);
        SessionResult s = session.run(session.check(leaky()), SessionOptions.on(CPU));
        assertTrue(s.run().succeeded());
        assertEquals(List.of(), s.dynamicFindings());
    }

    @Test
    void refusesToRunAWorkflowWithErrors() {
        Workflow w = new Workflow(Meta.defaults(), List.of(node("s", "test.slow")), List.of(), Map.of()); // input not wired
        WorkflowSession session = new WorkflowSession(StubNodes.registry(), executor);
        Checked checked = session.check(LoadedWorkflow.unsaved(w, dir));
        assertFalse(checked.runnable());
        assertThrows(IllegalArgumentException.class, () -> session.start(checked, SessionOptions.on(CPU)));
        assertThrows(IllegalStateException.class, () -> WorkflowSession.checking(StubNodes.registry()).start(checked, SessionOptions.on(CPU)));
    }

    @Test
    void aTimeLimitCancelsTheRunAndSaysSo() {
        SessionResult s = slowSession().run(slowChecked(), SessionOptions.on(CPU).withTimeLimit(Duration.ofMillis(300))
                .withRunTimeChecks(DynamicChecks.Thresholds.DEFAULT));
        assertTrue(s.timedOut());
        assertTrue(s.run().cancelled());
        assertEquals(List.of(), s.dynamicFindings());
    }

    @Test
    void cancelStopsTheRunWithoutCallingItATimeout() throws Exception {
        SessionRun run = slowSession().start(slowChecked(), SessionOptions.on(CPU).withTimeLimit(Duration.ofMinutes(5)));
        Thread.sleep(100);
        run.cancel();
        SessionResult s = run.await();
        assertTrue(s.run().cancelled());
        assertFalse(s.timedOut());
    }

    private WorkflowSession slowSession() {
        return new WorkflowSession(StubNodes.registry(), executor);
    }

    private Checked slowChecked() {
        Workflow w = new Workflow(Meta.defaults(), List.of(node("a", "test.source"), node("s", "test.slow")),
                List.of(Link.of("a:out", "s:a")), Map.of());
        return slowSession().check(LoadedWorkflow.unsaved(w, dir));
    }

    private static NodeInstance node(String id, String type) {
        return new NodeInstance(id, type, 1, Json.MAPPER.createObjectNode(), null);
    }

    /** A listener that holds the fit (after the split) at its start until the split's checks said they started, or 30 s. */
    private static final class HoldingFit implements ExecutionListener {
        final CountDownLatch checking = new CountDownLatch(1);
        final CountDownLatch fitHeld = new CountDownLatch(1);
        volatile boolean sawChecksDuringFit;

        @Override
        public void onEvent(NodeEvent e) {
            if (e.live() != null && WorkflowSession.CHECKS.equals(e.live().name())) {
                checking.countDown();
            } else if (e.nodeId().equals("fit") && e.status() == NodeStatus.RUNNING && e.live() == null && e.progress() == 0) {
                fitHeld.countDown();
                try {
                    sawChecksDuringFit = checking.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private SessionRun startHoldingFit(Checked checked, HoldingFit listener) {
        return new WorkflowSession(NodeRegistry.standard(), executor).start(checked,
                SessionOptions.on(CPU).withRunTimeChecks(DynamicChecks.Thresholds.DEFAULT).withListener(listener));
    }

    @Test
    void theChecksOfASplitRunBesideTheNodesAfterItAndFindTheSame() throws Exception {
        Checked checked = new WorkflowSession(NodeRegistry.standard(), executor).check(leaky());
        HoldingFit listener = new HoldingFit();
        SessionResult s = startHoldingFit(checked, listener).await();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        assertTrue(listener.sawChecksDuringFit, "the split's checks started while a node after it was running");
        List<Finding> after = new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(checked.validation(), s.run());
        assertTrue(after.stream().anyMatch(f -> f.rule().equals("D1")), after.toString());
        assertEquals(after, s.dynamicFindings(), "the same findings, in the same order, as the checks after the run");
    }

    @Test
    void cancellingWhileTheNodesRunStopsTheChecksStartedAhead() throws Exception {
        HoldingFit listener = new HoldingFit();
        SessionRun run = startHoldingFit(new WorkflowSession(NodeRegistry.standard(), executor).check(leaky()), listener);
        assertTrue(listener.fitHeld.await(30, TimeUnit.SECONDS), "the run reached the fit");
        run.cancel();
        SessionResult s = run.result().get(30, TimeUnit.SECONDS);
        assertTrue(s.run().cancelled(), "the run says it was cancelled");
        assertEquals(List.of(), s.dynamicFindings(), "no findings of a cancelled run");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (aheadThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(aheadThreadAlive(), "no check is left running after the cancel");
    }

    private static boolean aheadThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals("leakage checks ahead"));
    }
}
